import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api.js";
import type { AnswerInput, Feedback, SavedState } from "./exam-types.js";

export type SaveState =
  | { state: "saving" }
  | { state: "saved" }
  | { state: "error"; message: string; retry: AnswerInput };

/**
 * Answers of one attempt, saved as they change. Saves for one question run one after another so the
 * last change wins; a failed save stays visible with a retry until it succeeds.
 */
export function useAnswers(attemptId: string, initial: Record<string, SavedState>, onClosed: () => void) {
  const [answers, setAnswers] = useState(initial);
  const [status, setStatus] = useState<Record<string, SaveState>>({});
  // Feedback given before a reload comes back with the attempt (practice and drills).
  const [feedback, setFeedback] = useState<Record<string, Feedback>>(() =>
    Object.fromEntries(
      Object.entries(initial).flatMap(([id, a]) =>
        a.feedback ? [[id, { saved: true, ...a.feedback }]] : [],
      ),
    ),
  );
  const queues = useRef(new Map<string, Promise<void>>());
  const pending = useRef(0);
  const closed = useRef(onClosed);
  closed.current = onClosed;

  // Leaving the page while a save is in flight would lose it: ask the browser to warn.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current > 0) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const lock = useCallback((questionId: string) => {
    setAnswers((prev) => {
      const old = prev[questionId] ?? { selected: null, flagged: false };
      return { ...prev, [questionId]: { ...old, locked: true } };
    });
  }, []);

  const save = useCallback(
    (questionId: string, input: AnswerInput) => {
      setAnswers((prev) => {
        const old = prev[questionId] ?? { selected: null, flagged: false };
        const next: SavedState = { ...old };
        if (input.selected !== undefined) next.selected = input.selected;
        if (input.pairs !== undefined) next.pairs = input.pairs;
        if (input.flagged !== undefined) next.flagged = input.flagged;
        return { ...prev, [questionId]: next };
      });
      setStatus((s) => ({ ...s, [questionId]: { state: "saving" } }));
      pending.current++;
      const previous = queues.current.get(questionId) ?? Promise.resolve();
      const run = previous.then(async () => {
        try {
          const reply = await api.saveAnswer(attemptId, questionId, input);
          if (reply.correct !== undefined || reply.withheld) {
            setFeedback((f) => ({ ...f, [questionId]: reply }));
            lock(questionId);
          }
          // A newer save for this question reports its own state.
          if (queues.current.get(questionId) === run)
            setStatus((s) => ({ ...s, [questionId]: { state: "saved" } }));
        } catch (e) {
          if (e instanceof ApiError && e.code === "attempt.closed") return closed.current();
          if (e instanceof ApiError && e.code === "attempt.answer_locked") {
            // Answered (and checked) elsewhere first: that answer counts; show it as locked.
            lock(questionId);
            setStatus((s) => ({ ...s, [questionId]: { state: "saved" } }));
            return;
          }
          const message = e instanceof ApiError ? e.message : String(e);
          setStatus((s) => ({ ...s, [questionId]: { state: "error", message, retry: input } }));
        } finally {
          pending.current--;
        }
      });
      queues.current.set(questionId, run);
    },
    [attemptId, lock],
  );

  const hasUnsaved = Object.values(status).some((s) => s.state !== "saved");
  return { answers, status, feedback, save, hasUnsaved };
}
