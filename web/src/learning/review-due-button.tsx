import { api } from "../api.js";
import { ErrorBox } from "../components/status.js";
import { useStartAttempt } from "../exam/use-start.js";
import { useApi } from "../use-api.js";
import "./learning.css";

/**
 * "Review due questions (N)": starts a review attempt of the questions the scheduler says are due today.
 * Shows nothing while loading or when nothing is due, unless `quiet` is false (then it says so).
 */
export function ReviewDueButton({ exam, quiet = true }: { exam: string; quiet?: boolean }) {
  const reviews = useApi(`reviews:${exam}`, () => api.reviews(exam));
  const { start, busy, error } = useStartAttempt();
  if (reviews.state !== "ready") return null;
  const { due, cards, examDate } = reviews.data;
  if (due === 0) {
    if (quiet) return null;
    const next = cards.map((c) => c.due).sort()[0];
    return (
      <p className="muted">
        No question is due for review today.
        {next
          ? ` The next one comes back on ${next}.`
          : " Questions you answer wrong come back here when due."}
      </p>
    );
  }
  return (
    <div className="review-due">
      <button
        type="button"
        className="button button-primary"
        disabled={busy !== null}
        onClick={() => void start({ exam, mode: "review" }, "review")}
      >
        {busy ? "Starting…" : `Review due questions (${due})`}
      </button>
      <span className="muted">
        {" "}
        Questions you missed, brought back before you forget them
        {examDate ? ` and before your exam on ${examDate}` : ""}.
      </span>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
