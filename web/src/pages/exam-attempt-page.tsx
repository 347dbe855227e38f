import { useCallback, useEffect, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useParams, useSearchParams } from "react-router";
import { ApiError, api } from "../api.js";
import { Markdown } from "../components/markdown.js";
import { ErrorBox, Status } from "../components/status.js";
import { CaseStudyPanel } from "../exam/case-study-panel.js";
import { type AttemptView, answerStates, isComplete, MODE_LABEL } from "../exam/exam-types.js";
import { FeedbackPanel } from "../exam/feedback-panel.js";
import { LeaveGuard } from "../exam/leave-guard.js";
import { answerForShortcut, QuestionInput } from "../exam/question-input.js";
import { QuestionMap } from "../exam/question-map.js";
import { SubmitDialog } from "../exam/submit-dialog.js";
import { type SaveState, useAnswers } from "../exam/use-answers.js";
import { formatClock, useCountdown } from "../exam/use-countdown.js";
import { useApi } from "../use-api.js";

const RESYNC_MS = 60_000;
const WARN_AT = 5 * 60;

function SaveStatus({ s, onRetry }: { s: SaveState | undefined; onRetry: () => void }) {
  return (
    <div className="save-status" role="status">
      {s?.state === "saving" && <span className="muted">Saving…</span>}
      {s?.state === "saved" && <span className="saved">✓ Saved</span>}
      {s?.state === "error" && (
        <span className="save-error">
          ⚠ Not saved: {s.message}{" "}
          <button type="button" className="button button-small" onClick={onRetry}>
            Retry
          </button>
        </span>
      )}
    </div>
  );
}

function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt>
          <kbd>N</kbd> / <kbd>P</kbd>
        </dt>
        <dd>Next / previous question</dd>
        <dt>
          <kbd>F</kbd>
        </dt>
        <dd>Flag or unflag for review</dd>
        <dt>
          <kbd>1</kbd>–<kbd>9</kbd>
        </dt>
        <dd>Choose (or un-choose) option A–I</dd>
        <dt>
          <kbd>Tab</kbd>, arrows, <kbd>Space</kbd>
        </dt>
        <dd>Move between and choose options as usual</dd>
      </dl>
      <p className="muted">Shortcuts are off while you type in a field or a list box has focus.</p>
    </details>
  );
}

function AttemptScreen({ attempt }: { attempt: AttemptView }) {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const n = attempt.questions.length;
  const index = Math.min(n - 1, Math.max(0, (Number(params.get("q")) || 1) - 1));
  const question = attempt.questions[index];
  const timed = attempt.mode === "exam" && attempt.secondsRemaining !== null;
  const toReport = useCallback(
    (timeUp = false) => navigate(`/attempts/${attempt.id}/report`, { replace: true, state: { timeUp } }),
    [navigate, attempt.id],
  );
  const { answers, status, feedback, save, hasUnsaved } = useAnswers(attempt.id, attempt.answers, () =>
    toReport(true),
  );
  const { left, resync } = useCountdown(attempt.secondsRemaining);
  const [announcement, setAnnouncement] = useState("");
  const [dialog, setDialog] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const go = useCallback(
    (i: number) => {
      if (i < 0 || i >= n) return;
      moved.current = true;
      // Moving between questions replaces the history entry: Back leaves the attempt, never steps
      // through questions, and after submitting never lands on a live exam.
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set("q", String(i + 1));
          return next;
        },
        { replace: true },
      );
    },
    [n, setParams],
  );
  // After moving to another question, start screen readers and keyboard users at its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the question changes
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [index]);

  const submit = useCallback(async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await api.submit(attempt.id);
      toReport();
    } catch (e) {
      setSubmitting(false);
      setSubmitError(e instanceof ApiError ? e : new ApiError(0, "client", String(e)));
    }
  }, [attempt.id, toReport]);

  // The server's clock decides: re-read the time left every minute (and submitted status).
  useEffect(() => {
    if (!timed) return;
    const timer = setInterval(() => {
      api.attempt(attempt.id).then(
        (a) => (a.status === "submitted" ? toReport(true) : resync(a.secondsRemaining)),
        () => undefined, // keep counting; the next sync or save will tell
      );
    }, RESYNC_MS);
    // After sleep or a background tab, the page's own count is not to be trusted: ask the server again.
    const sync = () => {
      if (document.visibilityState !== "visible") return;
      api.attempt(attempt.id).then(
        (a) => (a.status === "submitted" ? toReport(true) : resync(a.secondsRemaining)),
        () => undefined,
      );
    };
    document.addEventListener("visibilitychange", sync);
    window.addEventListener("focus", sync);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", sync);
      window.removeEventListener("focus", sync);
    };
  }, [timed, attempt.id, toReport, resync]);

  // Announce the 5-minute and 1-minute marks once; submit at zero.
  const warned = useRef({
    five: (attempt.secondsRemaining ?? Infinity) <= WARN_AT,
    one: (attempt.secondsRemaining ?? Infinity) <= 60,
  });
  const submittedAtZero = useRef(false);
  useEffect(() => {
    if (!timed || left === null) return;
    if (left <= WARN_AT && !warned.current.five) {
      warned.current.five = true;
      setAnnouncement("5 minutes left.");
    }
    if (left <= 60 && !warned.current.one) {
      warned.current.one = true;
      setAnnouncement("1 minute left.");
    }
    if (left === 0 && !submittedAtZero.current) {
      submittedAtZero.current = true;
      setAnnouncement("Time is up. Submitting your answers.");
      void submit();
    }
  }, [left, timed, submit]);

  const current = question ? answers[question.id] : undefined;
  // Practice and drills score the first complete answer: once it is whole it is locked, as on the server.
  const locked =
    attempt.mode !== "exam" &&
    question !== undefined &&
    (current?.locked === true || feedback[question.id] !== undefined || isComplete(question, current));
  const toggleFlag = useCallback(() => {
    if (question) save(question.id, { flagged: !answers[question.id]?.flagged });
  }, [question, answers, save]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || dialog) return;
      const t = e.target as HTMLElement | null;
      if (t?.closest("select, textarea, [contenteditable='true']")) return;
      if (t instanceof HTMLInputElement && !["radio", "checkbox"].includes(t.type)) return;
      const key = e.key.toLowerCase();
      if (key === "n") go(index + 1);
      else if (key === "p") go(index - 1);
      else if (key === "f") toggleFlag();
      else if (/^[1-9]$/.test(key) && question) {
        if (locked) return e.preventDefault();
        const input = answerForShortcut(question, answers[question.id], Number(key));
        if (input) save(question.id, input);
      } else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialog, go, index, toggleFlag, question, answers, save, locked]);

  if (!question) return <p className="notice notice-error">This attempt has no questions.</p>;
  const fb = feedback[question.id];
  const s = status[question.id];
  const failed = attempt.questions.flatMap((q, i) => (status[q.id]?.state === "error" ? [i] : []));
  const low = timed && left !== null && left <= WARN_AT;
  const states = answerStates(attempt.questions, answers);

  return (
    <div className="exam">
      <div className="exam-bar">
        <p className="exam-title">
          <span className="code">{attempt.exam}</span> {MODE_LABEL[attempt.mode]} · {states.answered.length}{" "}
          of {n} answered
          {states.incomplete.length > 0 && <> · {states.incomplete.length} incomplete</>}
        </p>
        {timed && left !== null ? (
          <p className={`timer ${low ? "timer-low" : ""}`}>
            <span className="timer-label">Time left </span>
            <span role="timer">{formatClock(left)}</span>
            {low && <span className="timer-note"> · under 5 minutes left</span>}
          </p>
        ) : (
          <p className="muted timer">Untimed</p>
        )}
        <button type="button" className="button button-primary" onClick={() => setDialog(true)}>
          Submit…
        </button>
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
      {low && (
        <p className="notice notice-warning">
          <strong>Under 5 minutes left.</strong> At zero your answers are submitted automatically.
        </p>
      )}
      {attempt.notice && <p className="notice">{attempt.notice}</p>}
      {failed.length > 0 && (
        <div className="notice notice-error" role="alert">
          {failed.length === 1 ? "One answer is" : `${failed.length} answers are`} not saved yet:{" "}
          {failed.map((i) => (
            <button key={i} type="button" className="link-button" onClick={() => go(i)}>
              question {i + 1}
            </button>
          ))}
          . Use Retry there.
        </div>
      )}
      {submitError && <ErrorBox error={submitError} />}
      <div className="exam-layout">
        <section className="question" aria-labelledby="question-heading">
          <div className="question-head">
            <h1 id="question-heading" ref={heading} tabIndex={-1}>
              Question {index + 1} of {n}
            </h1>
            <button
              type="button"
              className={`button button-small flag ${current?.flagged ? "is-on" : ""}`}
              aria-pressed={current?.flagged ?? false}
              onClick={toggleFlag}
            >
              <span aria-hidden="true">⚑ </span>
              {current?.flagged ? "Flagged for review" : "Flag for review"}
            </button>
          </div>
          <CaseStudyPanel question={question} />
          <Markdown text={question.stem} className="stem" />
          <QuestionInput
            key={question.id}
            question={question}
            saved={current}
            onAnswer={(input) => save(question.id, input)}
            disabled={locked}
            deferOrder={attempt.mode !== "exam"}
          />
          {!locked &&
          isComplete(question, current) === false &&
          (current?.selected?.length || current?.pairs?.length) ? (
            <p className="notice notice-warning incomplete-note">
              Incomplete: finish this answer, or it counts as wrong.
            </p>
          ) : null}
          <SaveStatus s={s} onRetry={() => s?.state === "error" && save(question.id, s.retry)} />
          {fb?.correct !== undefined && fb.correctOptions && fb.explanations && (
            <FeedbackPanel
              question={question}
              answer={{ selected: current?.selected ?? undefined, pairs: current?.pairs }}
              correct={fb.correct}
              correctOptions={fb.correctOptions}
              explanations={fb.explanations}
            />
          )}
          {fb?.withheld && (
            <p className="notice" role="status">
              Saved. {fb.withheld.message}
            </p>
          )}
          {locked && (
            <p className="muted locked-note">
              Your first complete answer is the one that counts, so it is locked. Every explanation is in the
              review after you submit.
            </p>
          )}
          <div className="question-nav">
            <button type="button" className="button" onClick={() => go(index - 1)} disabled={index === 0}>
              ← Previous
            </button>
            {index < n - 1 ? (
              <button type="button" className="button button-primary" onClick={() => go(index + 1)}>
                Next →
              </button>
            ) : (
              <button type="button" className="button button-primary" onClick={() => setDialog(true)}>
                Review and submit…
              </button>
            )}
          </div>
        </section>
        <aside className="exam-side">
          <QuestionMap questions={attempt.questions} answers={answers} current={index} go={go} />
          <Shortcuts />
        </aside>
      </div>
      <LeaveGuard
        message={
          attempt.mode === "exam"
            ? "The exam clock keeps running while you are away, and at zero your saved answers are submitted."
            : "Your answers are saved; you can continue this attempt later from History."
        }
      />
      <SubmitDialog
        open={dialog}
        questions={attempt.questions}
        answers={answers}
        busy={submitting}
        unsaved={hasUnsaved}
        onClose={() => setDialog(false)}
        onJump={(i) => {
          setDialog(false);
          go(i);
        }}
        onSubmit={() => void submit()}
      />
    </div>
  );
}

export function ExamAttemptPage() {
  const { id = "" } = useParams();
  const attempt = useApi(id, () => api.attempt(id));
  if (attempt.state === "ready" && attempt.data.status === "submitted")
    return <Navigate to={`/attempts/${id}/report`} replace />;
  if (typeof document !== "undefined" && attempt.state === "ready")
    document.title = `${attempt.data.exam} ${MODE_LABEL[attempt.data.mode].toLowerCase()} · certpath`;
  return (
    <Status value={attempt} what="your attempt">
      {(a) => (
        <>
          <AttemptScreen key={a.id} attempt={a} />
          <p className="muted exam-foot">
            Your answers are saved on the server as you go: you can close this page and{" "}
            <Link to="/history" data-leave-ok="">
              continue later
            </Link>
            {a.mode === "exam" ? " (the exam clock keeps running)" : ""}.
          </p>
        </>
      )}
    </Status>
  );
}
