import { Link } from "react-router";
import { api } from "../api.js";
import { useApi } from "../use-api.js";
import type { Plan } from "./learning-types.js";
import { ReviewDueButton } from "./review-due-button.js";
import { SessionCard } from "./session-card.js";

/** The newest plan that covers `exam`, re-planned from today (or null). */
async function planFor(exam: string): Promise<Plan | null> {
  const { plans } = await api.plans();
  const summary = plans.find((p) => p.exams.includes(exam));
  return summary ? api.plan(summary.id) : null;
}

/** "What to do today": due reviews and the next session of the learner's plan for this exam. */
export function TodayPanel({ exam }: { exam: string }) {
  const plan = useApi(`plan-for:${exam}`, () => planFor(exam));
  const next =
    plan.state === "ready" && plan.data
      ? plan.data.weeks.flatMap((w) => w.sessions).find((s) => !s.done && s.exam === exam)
      : undefined;
  return (
    <section className="today" aria-labelledby="today-heading">
      <h2 id="today-heading">What to do today</h2>
      <ReviewDueButton exam={exam} quiet={false} />
      {plan.state === "ready" &&
        (plan.data ? (
          <div className="today-plan">
            <p>
              Next in <Link to={`/plans/${plan.data.id}`}>your plan for {plan.data.exams.join(" → ")}</Link>{" "}
              (exam by {plan.data.targetDate}):
            </p>
            {next ? <SessionCard s={next} /> : <p className="muted">No session left in it.</p>}
          </div>
        ) : (
          <p>
            No study plan for {exam} yet.{" "}
            <Link className="button button-small" to={`/plans/new?exam=${encodeURIComponent(exam)}`}>
              Start a plan
            </Link>
          </p>
        ))}
    </section>
  );
}
