import { Link } from "react-router";
import type { HistoryItem } from "../exam/exam-types.js";
import { MODE_LABEL } from "../exam/exam-types.js";
import { ChartTable } from "./chart-table.js";
import { LineChart } from "./line-chart.js";

const MAX_POINTS = 20;

export const shortDate = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/** Scaled scores of the learner's exams and practice sessions of one exam, oldest first, with the pass mark. */
export function ScoreTrend({ attempts, passingScore }: { attempts: HistoryItem[]; passingScore: number }) {
  const scored = attempts
    .filter(
      (a) =>
        a.status === "submitted" && a.scaledScore !== null && (a.mode === "exam" || a.mode === "practice"),
    )
    .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""))
    .slice(-MAX_POINTS);
  if (scored.length === 0)
    return <p className="muted">No scored exam or practice session yet: your scores will show here.</p>;
  return (
    <figure className="chart-figure">
      <LineChart
        xLabels={scored.map((_, i) => `${i + 1}`)}
        yLabel="Scaled score"
        y={{ min: 100, max: 1000 }}
        lines={[
          { label: "Scaled score", values: scored.map((a) => a.scaledScore) },
          {
            label: `Pass mark ${passingScore}`,
            values: scored.map(() => passingScore),
            points: false,
            dash: [6, 4],
          },
        ]}
      />
      <figcaption>
        Scaled score of each exam and practice attempt (numbered, oldest first) against the pass mark of{" "}
        {passingScore}. Drills and reviews are left out: they cover only part of the exam.
      </figcaption>
      <ChartTable label="Scores as a table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Date</th>
            <th scope="col">Mode</th>
            <th scope="col">Score</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {scored.map((a, i) => (
            <tr key={a.id}>
              <th scope="row">{i + 1}</th>
              <td>{shortDate(a.submittedAt ?? a.startedAt)}</td>
              <td>
                {MODE_LABEL[a.mode]} <span className="muted">({a.questions} q)</span>
              </td>
              <td>
                <Link to={`/attempts/${a.id}/report`}>
                  {a.scaledScore}
                  <span className="visually-hidden"> report</span>
                </Link>{" "}
                <span className="muted">
                  ({a.correct}/{a.questions})
                </span>
              </td>
              <td>{a.passed ? "✓ Pass" : "✗ Below the pass mark"}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
