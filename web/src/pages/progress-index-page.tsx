import { Link } from "react-router";
import { api } from "../api.js";
import { Status, Title } from "../components/status.js";
import { useApi } from "../use-api.js";
import "../learning/learning.css";

/** Every exam with a question bank, those the learner has practised first, and the learner's plans. */
export function ProgressIndexPage() {
  const exams = useApi("exams", () => api.exams());
  const history = useApi("history", () => api.history());
  const plans = useApi("plans", () => api.plans());
  const practised = new Map<string, number>();
  if (history.state === "ready")
    for (const a of history.data.attempts) practised.set(a.exam, (practised.get(a.exam) ?? 0) + 1);
  return (
    <section>
      <Title>Progress</Title>
      <p className="lead">
        Pick an exam to see how ready you are, your scores over time, your weakest domains and what to do
        today.
      </p>
      <Status value={exams} what="exams">
        {(data) => {
          const list = [...data.exams].sort(
            (a, b) =>
              (practised.get(b.code) ?? 0) - (practised.get(a.code) ?? 0) || a.code.localeCompare(b.code),
          );
          return (
            <ul className="progress-exams">
              {list.map((e) => (
                <li key={e.code}>
                  <Link to={`/progress/${encodeURIComponent(e.code)}`}>
                    {e.name} <span className="code">{e.code}</span>
                  </Link>
                  <span className="muted">
                    {practised.get(e.code)
                      ? `${practised.get(e.code)} attempt${practised.get(e.code) === 1 ? "" : "s"}`
                      : "not practised yet"}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </Status>
      <h2>Study plans</h2>
      <Status value={plans} what="your plans">
        {({ plans: list }) =>
          list.length === 0 ? (
            <p>
              No plan yet. <Link to="/plans/new">Start a plan</Link> from an exam and a target date.
            </p>
          ) : (
            <>
              <ul className="progress-exams">
                {list.map((p) => (
                  <li key={p.id}>
                    <Link to={`/plans/${encodeURIComponent(p.id)}`}>
                      {p.exams.join(" → ")} by {p.targetDate}
                    </Link>
                    <span className="muted">{p.hoursPerWeek} h a week</span>
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/plans/new">Start another plan</Link>
              </p>
            </>
          )
        }
      </Status>
    </section>
  );
}
