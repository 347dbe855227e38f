import type { ExamService } from "../../app/exam-service.js";
import { bar } from "../terminal.js";
import { caseStudyLines, type Paint } from "./exam-screen.js";
import { padEnd, plainText, visibleWidth, wrapLines } from "./plain-text.js";

export type ScoreReportView = Awaited<ReturnType<ExamService["submit"]>>;
export type ReviewView = Awaited<ReturnType<ExamService["review"]>>;
type ReviewQuestion = ReviewView["questions"][number];

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const MODE_NAMES = {
  exam: "exam mode",
  practice: "practice",
  drill: "drill",
  review: "spaced review",
} as const;

/** The score report: the verdict (or why there is none), a bar per domain, and how the score is estimated. */
export function reportLines(r: ScoreReportView, p: Paint, width = 80): string[] {
  const w = Math.min(width, 88);
  const out: string[] = [];
  out.push(...wrapLines(`${r.name} (${r.exam}) · ${MODE_NAMES[r.mode]}`, w).map(p.bold));
  if (r.timedOut)
    out.push(
      ...wrapLines("Time ran out: the attempt was submitted with the answers saved before the end.", w).map(
        p.yellow,
      ),
    );
  if (r.scaledScore !== null && r.passed !== null) {
    const word = r.passed ? "PASS" : "FAIL";
    const verdict = r.passed ? p.green(p.bold(word)) : p.red(p.bold(word));
    // Wrapped as plain text, coloured after, so escape codes never count as width.
    const line = `Scaled score ${r.scaledScore} of 1000 · pass mark ${r.passingScore} · ${word}`;
    out.push(...wrapLines(line, w).map((l) => l.replace(word, verdict)));
  } else out.push(...wrapLines(r.verdict, w).map(p.dim));
  out.push(`${r.correct} of ${r.total} correct (${r.percent}%)`);
  if (r.domains.length) {
    out.push("", p.bold("By domain"));
    for (const d of r.domains) {
      const rating = d.rating === "meets" ? p.green("Meets competencies") : p.yellow("Needs improvement");
      const share = d.total ? d.correct / d.total : 0;
      const name = `${d.id}. ${d.name} (${d.weight}% of the exam)`;
      // Side by side when both fit, else the rating goes under the name.
      if (visibleWidth(name) + 21 <= w) out.push(`  ${padEnd(name, w - 21)} ${rating}`);
      else out.push(...wrapLines(name, w, "     ", "  "), `     ${rating}`);
      const size = Math.max(10, Math.min(30, w - 25));
      out.push(`     ${bar(share, size)} ${d.correct} of ${d.total} (${Math.round(share * 100)}%)`);
    }
  }
  if (r.scaledScore !== null)
    out.push("", ...wrapLines(`This score is an estimate. ${r.method}`, w).map(p.dim));
  return out;
}

/** Explanations sit under their option, indented further and marked, so they read apart without colour. */
function explain(text: string, width: number): string[] {
  return wrapLines(plainText(text), width, "          ", "        – ");
}

function chosenLabel(q: ReviewQuestion): string {
  const a = q.answer;
  if (!a) return "not answered";
  if (q.type === "matching") {
    if (!a.pairs?.length) return "not answered";
    return a.pairs.map(([pr, o]) => `${letterOf(q, pr)}→${numberOf(q, o)}`).join(", ");
  }
  if (!a.selected?.length) return "not answered";
  return a.selected.map((id) => numberOf(q, id)).join(q.type === "ordering" ? " → " : ", ");
}

function numberOf(q: ReviewQuestion, id: string): string {
  const i = q.options.findIndex((o) => o.id === id);
  return i >= 0 ? String(i + 1) : id;
}

function letterOf(q: ReviewQuestion, id: string): string {
  const i = q.prompts?.findIndex((x) => x.id === id) ?? -1;
  return i >= 0 ? (LETTERS[i] ?? "?") : id;
}

/** One reviewed question: the stem, every option with its explanation, the learner's answer and the key. */
export function reviewQuestionLines(
  q: ReviewQuestion,
  n: number,
  total: number,
  p: Paint,
  width = 80,
): string[] {
  const w = Math.min(width, 88);
  const verdict = q.correct
    ? p.green("correct")
    : q.answer && chosenLabel(q) !== "not answered"
      ? p.red("incorrect")
      : p.yellow("not answered");
  const flagged = q.answer?.flagged ? ` · ${p.yellow("flagged")}` : "";
  const out = [
    `${p.bold(`Question ${n} of ${total}`)} · ${verdict}${flagged}`,
    p.dim(`  Domain ${q.domain} · ${q.type}`),
  ];
  if (q.caseStudy) out.push(...caseStudyLines(q.caseStudy, w, "  ", p));
  out.push(...wrapLines(plainText(q.stem), w, "  "));
  out.push("");
  if (q.correctOptions === null) {
    q.options.forEach((o, i) => {
      out.push(...wrapLines(plainText(o.text), w, "      ", `  ${String(i + 1).padStart(2)}. `));
    });
    out.push(
      "",
      ...wrapLines("Key withheld: this question is in an exam you have in progress.", w, "  ").map(p.yellow),
    );
    return out;
  }
  const correctOptions = q.correctOptions;
  const selected = new Set(q.answer?.selected ?? []);
  const key = new Set(correctOptions.selected ?? []);
  if (q.type === "multiple-choice" || q.type === "multiple-response") {
    q.options.forEach((o, i) => {
      const tags = [selected.has(o.id) ? "your answer" : "", key.has(o.id) ? "correct" : ""]
        .filter(Boolean)
        .join(", ");
      const tag = tags ? ` [${tags}]` : "";
      const head = wrapLines(plainText(o.text) + tag, w, "      ", `  ${String(i + 1).padStart(2)}. `);
      out.push(...head.map((l) => (key.has(o.id) ? p.green(l) : selected.has(o.id) ? p.red(l) : l)));
      if (o.explanation) out.push(...explain(o.explanation, w).map(p.dim));
    });
  } else if (q.type === "ordering") {
    out.push("  Items as presented:");
    q.options.forEach((o, i) => {
      out.push(...wrapLines(plainText(o.text), w, "      ", `  ${String(i + 1).padStart(2)}. `));
    });
    out.push("", "  Correct order:");
    (correctOptions.selected ?? []).forEach((id, i) => {
      const o = q.options.find((x) => x.id === id);
      out.push(
        ...wrapLines(
          `${plainText(o?.text ?? id)} (item ${numberOf(q, id)})`,
          w,
          "      ",
          `  ${String(i + 1).padStart(2)}. `,
        ),
      );
      if (o?.explanation) out.push(...explain(o.explanation, w).map(p.dim));
    });
  } else {
    const mine = new Map(q.answer?.pairs ?? []);
    const right = new Map(correctOptions.pairs ?? []);
    (q.prompts ?? []).forEach((pr, i) => {
      const want = right.get(pr.id);
      const got = mine.get(pr.id);
      const text = (id: string | undefined) =>
        id ? plainText(q.options.find((o) => o.id === id)?.text ?? id) : "nothing";
      const ok = got !== undefined && got === want;
      out.push(...wrapLines(plainText(pr.text), w, "      ", `  ${LETTERS[i] ?? "?"}.  `));
      const plain = `→ ${ok ? `${text(got)} ✓` : `${text(got)} ✗ (correct: ${text(want)})`}`;
      const coloured = `      → ${ok ? `${p.green(text(got))} ✓` : `${p.red(text(got))} ✗ (correct: ${p.green(text(want))})`}`;
      // Colour only when the line fits; a long match wraps as plain text, never cut.
      out.push(...(plain.length + 6 <= w ? [coloured] : wrapLines(plain, w, "        ", "      ")));
      if (pr.explanation) out.push(...explain(pr.explanation, w).map(p.dim));
    });
  }
  if (q.type !== "matching") {
    const keyLabel = (correctOptions.selected ?? [])
      .map((id) => numberOf(q, id))
      .join(q.type === "ordering" ? " → " : ", ");
    out.push(
      "",
      ...wrapLines(`Your answer: ${chosenLabel(q)} · correct answer: ${keyLabel}`, w, "    ", "  "),
    );
  }
  if (q.references.length) out.push(`  ${p.dim("References:")}`, ...q.references.map((r) => `    ${r}`));
  return out;
}
