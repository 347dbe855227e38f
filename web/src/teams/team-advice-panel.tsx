import { Link } from "react-router";
import { Status } from "../components/status.js";
import { teamApi } from "./team-api.js";
import { useStaleApi } from "./use-stale-api.js";

/** Which certifications cover the team's services, and the advisor's top paths for that stack. */
export function TeamAdvicePanel({ teamId, version }: { teamId: string; version: number }) {
  const advice = useStaleApi(`team-advice-${teamId}-${version}`, () => teamApi.advice(teamId));
  return (
    <Status value={advice} what="the team's advice">
      {(a) =>
        a.stack.length === 0 ? (
          <p>Set the services your organisation uses to see which certifications cover them.</p>
        ) : (
          <>
            <h3>Certifications that cover your stack</h3>
            <ul className="team-coverage">
              {a.coverage.slice(0, 6).map((c) => (
                <li key={c.code}>
                  <Link to={`/certifications/${encodeURIComponent(c.code)}`}>
                    {c.name} <span className="code">{c.code}</span>
                  </Link>{" "}
                  <span className="muted">
                    covers {c.covered.length} of {a.stack.length}: {c.covered.map((s) => s.name).join(", ")}
                  </span>
                </li>
              ))}
            </ul>
            {a.advice.recommendations[0] && (
              <p>
                Suggested path for a cloud engineer with a year of AWS:{" "}
                <strong>{a.advice.recommendations[0].path.map((s) => s.code).join(" → ")}</strong> (about{" "}
                {a.advice.recommendations[0].totalHours} hours).{" "}
                <Link to={`/advisor`}>Open the path advisor</Link> for other roles.
              </p>
            )}
          </>
        )
      }
    </Status>
  );
}
