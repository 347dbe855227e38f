import { Link } from "react-router";
import type { DashboardRow, TeamDomainGap } from "./team-types.js";
import { percent, TrackBadge } from "./track-status.js";

const TREND: Record<DashboardRow["trend"]["direction"], string> = {
  up: "rising",
  down: "falling",
  flat: "steady",
  new: "new",
  none: "—",
};

function trendText(t: DashboardRow["trend"]): string {
  if (t.change === null) return TREND[t.direction];
  const points = Math.round(t.change * 100);
  return `${TREND[t.direction]} (${points > 0 ? "+" : ""}${points} pts)`;
}

function lastActive(iso: string | null, today: string): string {
  if (!iso) return "never";
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${iso.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
  return days <= 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

/** One row per member and assigned exam; on a phone each row becomes a labelled card. */
export function DashboardTable({ rows, today }: { rows: DashboardRow[]; today: string }) {
  if (rows.length === 0)
    return <p>No one has an assignment yet: assign an exam below to see each member's readiness here.</p>;
  return (
    <div className="dashboard-wrap">
      <table className="dashboard-table">
        <caption className="visually-hidden">Readiness per member and assigned exam</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Exam</th>
            <th scope="col">Status</th>
            <th scope="col">Pass chance</th>
            <th scope="col">Predicted score (80% range)</th>
            <th scope="col">Trend (28 days)</th>
            <th scope="col">Weakest domains</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.email} ${r.exam}`} data-testid="dashboard-row">
              <th scope="row" className="dashboard-member">
                {r.email}
              </th>
              <td data-label="Exam">
                <Link to={`/certifications/${encodeURIComponent(r.exam)}`}>{r.exam}</Link>{" "}
                <span className="muted small">by {r.targetDate}</span>
              </td>
              <td data-label="Status">
                <TrackBadge status={r.status} reasons={r.reasons} />
                <span className="dashboard-reason small muted">{r.reasons.join(" ")}</span>
              </td>
              <td data-label="Pass chance">{percent(r.passProbability)}</td>
              <td data-label="Predicted score">
                {r.predictedScaledScore
                  ? `${r.predictedScaledScore.estimate} (${r.predictedScaledScore.low}–${r.predictedScaledScore.high})`
                  : `${r.needed} more answers needed`}
              </td>
              <td data-label="Trend">{trendText(r.trend)}</td>
              <td data-label="Weakest domains">
                {r.weakestDomains.length
                  ? r.weakestDomains.map((d) => `${d.name} (domain ${d.id})`).join("; ")
                  : "—"}
              </td>
              <td data-label="Last activity">{lastActive(r.lastActivity, today)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The team's weakest domains, weighted by the exam blueprint. */
export function TeamGaps({ gaps }: { gaps: TeamDomainGap[] }) {
  const shown = gaps.filter((g) => g.practisedBy > 0);
  if (shown.length === 0) return <p className="muted">No answers yet to compare domains.</p>;
  return (
    <ol className="team-gaps">
      {shown.map((g) => (
        <li key={`${g.exam}-${g.domain}`}>
          <strong>
            {g.exam} domain {g.domain}: {g.name}
          </strong>{" "}
          <span className="muted">
            ({g.weight}% of the exam) · team average {percent(g.meanEstimate)} right
            {g.belowCut > 0 ? ` · ${g.belowCut} below 70%` : ""}
            {g.unpractisedBy > 0 ? ` · ${g.unpractisedBy} not practised yet` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
