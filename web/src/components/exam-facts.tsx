import type { CertificationSummary } from "../api.js";

/** The exam's format as a row of fact boxes; `price` is left out where it is noise (the start page). */
export function ExamFacts({ exam, price = true }: { exam: CertificationSummary["exam"]; price?: boolean }) {
  const facts: [string, string][] = [
    [
      "Questions",
      `${exam.questions ?? "?"}${exam.scoredQuestions ? ` (${exam.scoredQuestions} scored)` : ""}`,
    ],
    ["Time", `${exam.durationMinutes ?? "?"} minutes`],
    ...(price ? ([["Price", exam.priceUsd ? `USD ${exam.priceUsd}` : "?"]] as [string, string][]) : []),
    ["Passing score", `${exam.passingScore ?? "?"} of 1000`],
    ["Question types", exam.questionTypes.join(", ").replaceAll("-", " ") || "?"],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
