import { Link } from "react-router";
import { useApi } from "../use-api.js";
import { teamApi } from "./team-api.js";
import { percent, TrackBadge } from "./track-status.js";
import "./teams.css";

/** On the home page: what the learner's teams assigned them, their status per exam and their plan. */
export function MyAssignments() {
  const mine = useApi("my-assignments", () => teamApi.mine());
  // Nothing to show without assignments (single-user mode, or no team yet): the home page stays as it was.
  if (mine.state !== "ready" || mine.data.assignments.length === 0) return null;
  return (
    <section className="my-assignments" aria-labelledby="my-assignments-heading">
      <h2 id="my-assignments-heading">Your assignments</h2>
      <ul className="assignment-cards">
        {mine.data.assignments.map((a) => (
          <li key={a.id} className="assignment-card" data-testid="my-assignment">
            <h3>
              {a.exams.join(" → ")} <span className="muted small">by {a.targetDate}</span>
            </h3>
            <p className="muted small">
              From {a.team ? `team ${a.team}` : "your team"}
              {a.assignedBy ? ` (assigned by ${a.assignedBy})` : ""}
            </p>
            <ul className="assignment-steps">
              {a.steps.map((s) => (
                <li key={s.exam}>
                  <Link to={`/progress/${encodeURIComponent(s.exam)}`}>{s.name}</Link>{" "}
                  <span className="muted small">by {s.date}</span>{" "}
                  <TrackBadge status={s.status} reasons={s.reasons} />{" "}
                  <span className="small">pass chance {percent(s.passProbability)}</span>
                  <span className="small muted assignment-reason">{s.reasons.join(" ")}</span>
                </li>
              ))}
            </ul>
            <p>
              {a.plan ? (
                <Link className="button button-small" to={`/plans/${encodeURIComponent(a.plan.id)}`}>
                  Open your plan (target {a.plan.targetDate})
                </Link>
              ) : (
                <Link className="button button-small button-primary" to={a.newPlanUrl}>
                  Create a plan for it
                </Link>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
