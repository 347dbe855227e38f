import { useState } from "react";
import { useParams } from "react-router";
import { ApiError } from "../api.js";
import { ErrorBox, Status, Title } from "../components/status.js";
import { AssignmentForm } from "../teams/assignment-form.js";
import { DashboardTable, TeamGaps } from "../teams/dashboard-table.js";
import { StackEditor } from "../teams/stack-editor.js";
import { TeamAdvicePanel } from "../teams/team-advice-panel.js";
import { dashboardCsvUrl, teamApi } from "../teams/team-api.js";
import type { Team } from "../teams/team-types.js";
import { useStaleApi } from "../teams/use-stale-api.js";
import "../teams/teams.css";

function Assignments({
  team,
  canManage,
  onChange,
}: {
  team: Team;
  canManage: boolean;
  onChange: () => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  if (team.assignments.length === 0) return <p>No assignments yet.</p>;
  return (
    <>
      {error && <ErrorBox error={error} />}
      <ul className="team-assignments">
        {team.assignments.map((a) => (
          <li key={a.id}>
            <span>
              <strong>{a.exams.join(" → ")}</strong> by {a.targetDate} for {a.member ?? "the whole team"}
              {a.kind === "path" && (
                <span className="muted small">
                  {" "}
                  ({a.steps.map((s) => `${s.exam} by ${s.date}`).join(", ")})
                </span>
              )}
            </span>
            {canManage && (
              <button
                type="button"
                className="button button-small"
                aria-label={`Delete the assignment ${a.exams.join(" → ")} for ${a.member ?? "the whole team"}`}
                onClick={async () => {
                  setError(null);
                  try {
                    await teamApi.unassign(team.id, a.id);
                    onChange();
                  } catch (e) {
                    setError(e instanceof ApiError ? e : new ApiError(0, "client", String(e)));
                  }
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A team: the dashboard (leads and admins), CSV export, assignments, stack and advice. */
export function TeamPage() {
  const { id = "" } = useParams();
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const team = useStaleApi(`team-${id}-${version}`, () => teamApi.team(id));
  const dashboard = useStaleApi(`dashboard-${id}-${version}`, () => teamApi.dashboard(id));
  // Only leads and admins get the dashboard; a member sees the team and its assignments.
  const canManage = dashboard.state === "ready";
  return (
    <Status value={team} what="this team">
      {(t) => (
        <section className="team-page">
          <Title>{`Team ${t.name}`}</Title>
          <p className="lead">
            {t.members.filter((m) => m.role === "member").length} members ·{" "}
            {t.members.filter((m) => m.role === "lead").length} lead
            {t.members.filter((m) => m.role === "lead").length === 1 ? "" : "s"}
          </p>
          <h2>Readiness</h2>
          {dashboard.state === "loading" && <p className="muted">Loading the dashboard…</p>}
          {dashboard.state === "error" &&
            (dashboard.error.status === 403 ? (
              <p>Only the team's leads see each member's readiness. Your own is on your home page.</p>
            ) : (
              <ErrorBox error={dashboard.error} />
            ))}
          {dashboard.state === "ready" && (
            <>
              <p className="team-counts" data-testid="team-counts">
                {dashboard.data.counts["on-track"]} on track · {dashboard.data.counts["at-risk"]} at risk ·{" "}
                {dashboard.data.counts["no-data"]} no data yet{" "}
                <a className="button button-small" href={dashboardCsvUrl(id)} download>
                  Download CSV
                </a>
              </p>
              <DashboardTable rows={dashboard.data.rows} today={dashboard.data.today} />
              {dashboard.data.unassigned.length > 0 && (
                <p className="muted small">Without an assignment: {dashboard.data.unassigned.join(", ")}.</p>
              )}
              <details className="team-rule">
                <summary>How on track and at risk are decided</summary>
                <p>
                  A member is on track when today's pass chance is at least what the days left require: 80% in
                  the last week before the target date (or after it), falling in a straight line to 30% at
                  nine weeks or more. Below that, or below 80% with no practice on the exam for 14 days, they
                  are at risk. Before 20 answers there is no estimate (no data); with 14 days or fewer left
                  that is at risk too.
                </p>
              </details>
              <h2>Weakest domains across the team</h2>
              <TeamGaps gaps={dashboard.data.weakestDomains} />
            </>
          )}
          <h2>Assignments</h2>
          <Assignments team={t} canManage={canManage} onChange={reload} />
          {canManage && <AssignmentForm team={t} onDone={reload} />}
          <h2>Stack and advice</h2>
          {canManage ? (
            <StackEditor teamId={id} stack={t.stack} onSaved={reload} />
          ) : (
            <p>Services: {t.stack.length ? t.stack.map((s) => s.name).join(", ") : "none set yet"}.</p>
          )}
          <TeamAdvicePanel teamId={id} version={version} />
        </section>
      )}
    </Status>
  );
}
