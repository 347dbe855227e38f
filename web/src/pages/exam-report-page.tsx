import { Link, Navigate, useLocation, useParams } from "react-router";
import { api } from "../api.js";
import { ErrorBox, Status, Title } from "../components/status.js";
import { type DomainResult, MODE_LABEL, type Review } from "../exam/exam-types.js";
import { useStartAttempt } from "../exam/use-start.js";
import { useApi } from "../use-api.js";

const pct = (score: number) => `${((score - 100) / 900) * 100}%`;

/** The scaled score on the 100–1000 scale with the pass mark marked. */
function ScoreBar({ score, pass, passed }: { score: number; pass: number; passed: boolean }) {
  return (
    <figure className="score-bar">
      <figcaption className="visually-hidden">
        Scaled score {score} on a scale from 100 to 1000; the pass mark is {pass}.
      </figcaption>
      <div className="score-track" aria-hidden="true">
        <span className={`score-fill ${passed ? "is-pass" : "is-fail"}`} style={{ width: pct(score) }} />
        <span className="score-mark" style={{ left: pct(pass) }}>
          <span className="score-mark-label">pass {pass}</span>
        </span>
      </div>
      <div className="score-scale" aria-hidden="true">
        <span>100</span>
        <span>1000</span>
      </div>
    </figure>
  );
}

function DomainBars({ domains }: { domains: DomainResult[] }) {
  return (
    <ol className="domain-results">
      {domains.map((d) => {
        const share = d.total ? Math.round((d.correct / d.total) * 100) : 0;
        const meets = d.rating === "meets";
        return (
          <li key={d.id}>
            <span className="domain-name">
              {d.id}. {d.name} <span className="muted">({d.weight}% of the exam)</span>
            </span>
            <span className="domain-bar-track" aria-hidden="true">
              <span
                className={`domain-bar ${meets ? "" : "domain-bar-weak"}`}
                style={{ width: `${share}%` }}
              />
            </span>
            <span className="domain-score">
              {d.correct}/{d.total}
            </span>
            <span className={`rating ${meets ? "rating-meets" : "rating-needs"}`}>
              {meets ? "✓ Meets competencies" : "△ Needs improvement"}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function ReportView({ r }: { r: Review }) {
  const { start, busy, error } = useStartAttempt();
  const location = useLocation();
  const timeUp = (location.state as { timeUp?: boolean } | null)?.timeUp;
  const weakest = [...r.domains]
    .filter((d) => d.rating === "needs-improvement")
    .sort((a, b) => a.correct / a.total - b.correct / b.total || b.weight - a.weight)
    .slice(0, 3);
  return (
    <article className="report">
      <p className="eyebrow">
        <Link to={`/exams/${r.exam}`}>{r.exam}</Link> · {MODE_LABEL[r.mode]} ·{" "}
        {r.submittedAt ? new Date(r.submittedAt).toLocaleString() : ""}
      </p>
      <Title>{`Your result: ${r.name}`}</Title>
      {(r.timedOut || timeUp) && (
        <p className="notice notice-warning time-up">
          <strong>Time ran out.</strong> Your attempt was submitted with the answers saved before the end.
        </p>
      )}
      {r.scaledScore !== null && r.passed !== null ? (
        <section
          className={`result-card ${r.passed ? "result-pass" : "result-fail"}`}
          aria-labelledby="result-heading"
        >
          <h2 id="result-heading">
            <span aria-hidden="true">{r.passed ? "✓ " : "✗ "}</span>
            {r.passed ? "Pass" : "Did not pass"}: {r.scaledScore}{" "}
            <span className="muted">/ 1000 (pass mark {r.passingScore})</span>
          </h2>
          <p>
            {r.correct} of {r.total} questions correct ({r.percent}%).
          </p>
          <ScoreBar score={r.scaledScore} pass={r.passingScore} passed={r.passed} />
          <p className="muted method">
            <strong>This score is an estimate.</strong> {r.method}
          </p>
        </section>
      ) : (
        <section className="result-card result-none" aria-labelledby="result-heading">
          <h2 id="result-heading">
            {r.percent}% correct{" "}
            <span className="muted">
              ({r.correct} of {r.total} questions)
            </span>
          </h2>
          <p className="verdict-note">{r.verdict}</p>
          {r.mode !== "drill" && (
            <p className="muted">
              For a pass/fail estimate, take a <Link to={`/exams/${r.exam}`}>full-length form</Link>.
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="domains-heading">
        <h2 id="domains-heading">By domain</h2>
        <DomainBars domains={r.domains} />
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">What to study next</h2>
        {error && <ErrorBox error={error} />}
        {weakest.length > 0 ? (
          <p>
            Your weakest {weakest.length === 1 ? "domain is" : "domains are"}:{" "}
            {weakest.map((d) => `${d.id}. ${d.name}`).join("; ")}.
          </p>
        ) : (
          <p>
            You meet the competencies in every domain of this attempt. Try a full-length timed exam, or drill
            what you missed.
          </p>
        )}
        <div className="start-actions">
          {weakest.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy !== null}
              onClick={() =>
                void start({ exam: r.exam, mode: "drill", domains: weakest.map((d) => d.id) }, "weak")
              }
            >
              {busy === "weak"
                ? "Starting…"
                : `Drill ${weakest.length === 1 ? "this domain" : "these domains"}`}
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void start({ exam: r.exam, mode: "drill", mistakes: true }, "mistakes")}
          >
            {busy === "mistakes" ? "Starting…" : "Drill my past mistakes"}
          </button>
        </div>
      </section>
      <section aria-labelledby="more-heading">
        <h2 id="more-heading">More</h2>
        <div className="start-actions">
          <Link className="button" to={`/attempts/${r.id}/review`}>
            Review every question
          </Link>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void start({ exam: r.exam, mode: r.mode, retakeOf: r.id }, "retake")}
          >
            {busy === "retake" ? "Starting…" : "Retake the same questions"}
          </button>
          <Link className="button" to="/history">
            All attempts
          </Link>
        </div>
      </section>
    </article>
  );
}

export function ExamReportPage() {
  const { id = "" } = useParams();
  // The review carries the report; it answers 409 while the attempt is still open.
  const review = useApi(id, () => api.review(id));
  if (review.state === "error" && review.error.code === "attempt.not_submitted")
    return <Navigate to={`/attempts/${id}`} replace />;
  return (
    <Status value={review} what="your report">
      {(r) => <ReportView r={r} />}
    </Status>
  );
}
