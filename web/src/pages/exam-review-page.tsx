import { Link, Navigate, useParams, useSearchParams } from "react-router";
import { api } from "../api.js";
import { Markdown } from "../components/markdown.js";
import { Status, Title } from "../components/status.js";
import { CaseStudyPanel } from "../exam/case-study-panel.js";
import { MODE_LABEL, type ReviewQuestion } from "../exam/exam-types.js";
import { CorrectAnswer, Explanations, MatchTable } from "../exam/feedback-panel.js";
import { ReportQuestion } from "../exam/report-question.js";
import { useApi } from "../use-api.js";

const FILTERS = [
  ["all", "All"],
  ["wrong", "Wrong"],
  ["flagged", "Flagged"],
] as const;
type Filter = (typeof FILTERS)[number][0];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "") + new URL(url).pathname.replace(/\/$/, "");
  } catch {
    return url;
  }
}

function YourAnswer({ q }: { q: ReviewQuestion }) {
  const a = q.answer;
  const empty = !a || (!(a.selected?.length ?? 0) && !(a.pairs?.length ?? 0));
  if (empty) return <p className="muted">You did not answer.</p>;
  return <CorrectAnswer question={q} answer={{ selected: a.selected ?? undefined, pairs: a.pairs }} />;
}

function ReviewItem({ q, n, attemptId }: { q: ReviewQuestion; n: number; attemptId: string }) {
  const domain = (
    <span className="muted">
      Domain {q.domain} · {q.type.replace("-", " ")}
    </span>
  );
  if (q.correctOptions === null)
    return (
      <li className="review-item" id={`q${n}`}>
        <div className="question-head">
          <h2>Question {n}</h2>
          {domain}
        </div>
        <CaseStudyPanel question={q} />
        <Markdown text={q.stem} className="stem" />
        <p className="notice">
          The key and explanations are withheld: this question is in an exam you have in progress.
        </p>
        <ReportQuestion attemptId={attemptId} q={q} n={n} />
      </li>
    );
  const correctOptions = q.correctOptions;
  const explanations = Object.fromEntries(
    [...q.options, ...(q.prompts ?? [])].map((o) => [o.id, o.explanation]),
  );
  return (
    <li className={`review-item ${q.correct ? "review-right" : "review-wrong"}`} id={`q${n}`}>
      <div className="question-head">
        <h2>
          Question {n}{" "}
          <span className={`verdict ${q.correct ? "verdict-right" : "verdict-wrong"}`}>
            {q.correct ? "✓ Correct" : "✗ Wrong"}
          </span>
          {q.answer?.flagged && <span className="verdict verdict-flag">⚑ Flagged</span>}
        </h2>
        {domain}
      </div>
      <CaseStudyPanel question={q} />
      <Markdown text={q.stem} className="stem" />
      {q.type === "matching" ? (
        <>
          <h3>Your matches and the correct ones</h3>
          <MatchTable question={q} mine={q.answer?.pairs} right={correctOptions.pairs} />
        </>
      ) : (
        <div className="review-answers">
          <div>
            <h3>Your answer</h3>
            <YourAnswer q={q} />
          </div>
          <div>
            <h3>Correct answer</h3>
            <CorrectAnswer question={q} answer={correctOptions} />
          </div>
        </div>
      )}
      <h3>Explanations</h3>
      <Explanations question={q} explanations={explanations} correct={correctOptions} />
      {q.references.length > 0 && (
        <>
          <h3>References</h3>
          <ul className="sources">
            {q.references.map((r) => (
              <li key={r}>
                <a href={r} target="_blank" rel="noopener noreferrer">
                  {hostOf(r)}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <ReportQuestion attemptId={attemptId} q={q} n={n} />
    </li>
  );
}

export function ExamReviewPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS.find(([k]) => k === params.get("show"))?.[0] ?? "all") as Filter;
  const review = useApi(id, () => api.review(id));
  if (review.state === "error" && review.error.code === "attempt.not_submitted")
    return <Navigate to={`/attempts/${id}`} replace />;
  return (
    <Status value={review} what="the review">
      {(r) => {
        const items = r.questions.map((q, i) => ({ q, n: i + 1 }));
        const shown = items.filter(({ q }) =>
          filter === "wrong" ? q.correct === false : filter === "flagged" ? q.answer?.flagged : true,
        );
        const count = (f: Filter) =>
          items.filter(({ q }) =>
            f === "wrong" ? q.correct === false : f === "flagged" ? q.answer?.flagged : true,
          ).length;
        return (
          <article>
            <p className="eyebrow">
              <Link to={`/attempts/${r.id}/report`}>← Report</Link> · <span className="code">{r.exam}</span>{" "}
              {MODE_LABEL[r.mode]} ·{" "}
              {r.scaledScore !== null ? `${r.scaledScore}/1000` : `${r.percent}% correct`}
            </p>
            <Title>{`Review: ${r.name}`}</Title>
            <fieldset className="segmented">
              <legend className="visually-hidden">Show questions</legend>
              {FILTERS.map(([k, label]) => (
                <button
                  key={k}
                  type="button"
                  className={`button button-small ${filter === k ? "button-primary" : ""}`}
                  aria-pressed={filter === k}
                  onClick={() => setParams(k === "all" ? {} : { show: k }, { replace: true })}
                >
                  {label} ({count(k)})
                </button>
              ))}
            </fieldset>
            {r.withheld && (
              <p className="notice" role="status">
                {r.withheld.message}
              </p>
            )}
            <p className="muted" aria-live="polite">
              Showing {shown.length} of {items.length} questions.
            </p>
            <ol className="review-list">
              {shown.map(({ q, n }) => (
                <ReviewItem key={q.id} q={q} n={n} attemptId={r.id} />
              ))}
            </ol>
          </article>
        );
      }}
    </Status>
  );
}
