import { Link, useParams } from "react-router";
import { api, planCalendarUrl } from "../api.js";
import { Status, Title } from "../components/status.js";
import type { Plan } from "../learning/learning-types.js";
import { ReviewDueButton } from "../learning/review-due-button.js";
import { type ACTIVITY_LABEL, longDate, SessionCard } from "../learning/session-card.js";
import { useApi } from "../use-api.js";
import "../learning/learning.css";

const hours = (minutes: number) => {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${h} h`;
};

function PlanSummary({ plan }: { plan: Plan }) {
  const sessions = plan.weeks.flatMap((w) => w.sessions);
  const done = sessions.filter((s) => s.done).length;
  const count = (a: keyof typeof ACTIVITY_LABEL) => sessions.filter((s) => s.activity === a).length;
  return (
    <dl className="facts plan-facts">
      <div>
        <dt>Exam date</dt>
        <dd>
          {plan.examDates.map((e) => (
            <span key={e.exam} className="plan-exam-date">
              <span className="code">{e.exam}</span> <span className="plan-date">{e.date}</span>
            </span>
          ))}
        </dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd>
          {plan.hoursPerWeek} h a week{" "}
          <span className="muted">(about {plan.neededHoursPerWeek} h needed)</span>
        </dd>
      </div>
      <div>
        <dt>Sessions</dt>
        <dd>
          {sessions.length} in {plan.weeks.length} weeks{done > 0 ? `, ${done} done` : ""}
        </dd>
      </div>
      <div>
        <dt>Mix</dt>
        <dd>
          {count("study")} study · {count("review")} review · {count("drill")} drill ·{" "}
          {count("practice-exam")} practice exam{count("practice-exam") === 1 ? "" : "s"}
        </dd>
      </div>
    </dl>
  );
}

export function PlanPage() {
  const { id = "" } = useParams();
  const plan = useApi(`plan:${id}`, () => api.plan(id));
  return (
    <Status value={plan} what="the plan">
      {(p) => (
        <article className="plan">
          <p className="eyebrow">
            <Link to="/progress">Progress</Link> · Study plan
          </p>
          <Title>{`Study plan: ${p.exams.join(" → ")} by ${p.targetDate}`}</Title>
          {p.warnings.length > 0 && (
            <section
              className={`notice ${p.feasible ? "notice-warning" : "notice-error"}`}
              aria-labelledby="plan-warnings"
            >
              <h2 id="plan-warnings">
                {p.feasible ? "Before you start" : "This plan does not fit the time"}
              </h2>
              <ul>
                {p.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </section>
          )}
          <PlanSummary plan={p} />
          <p className="plan-actions">
            <a className="button" href={planCalendarUrl(p.id)} download>
              Add to calendar (.ics)
            </a>
            {p.exams.map((e) => (
              <Link key={e} className="button" to={`/progress/${encodeURIComponent(e)}`}>
                {e} progress
              </Link>
            ))}
          </p>
          {p.exams.map((e) => (
            <ReviewDueButton key={e} exam={e} />
          ))}
          <p className="muted small">
            The plan adjusts to your latest results each time you open it; past sessions stay as they were.
          </p>
          <ol className="plan-weeks">
            {p.weeks.map((w, i) => (
              <li key={w.start} className="plan-week">
                <h2 className="plan-week-title">
                  Week {i + 1} <span className="muted">from {longDate(w.start)}</span>
                  <span className="plan-week-time">{hours(w.minutes)}</span>
                </h2>
                {w.sessions.length === 0 ? (
                  <p className="muted">No session: buffer before the exam.</p>
                ) : (
                  <ul className="plan-sessions">
                    {w.sessions.map((s) => (
                      <li key={s.key}>
                        <SessionCard s={s} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </article>
      )}
    </Status>
  );
}
