import { useEffect, useRef } from "react";
import {
  type AnswerState,
  answerState,
  answerStates,
  type QuestionView,
  type SavedState,
} from "./exam-types.js";

const ICON: Record<AnswerState, string> = { answered: "✓", incomplete: "◐", unanswered: "○" };

/** A short text for a question's state, so the map never relies on colour alone. */
export function stateLabel(q: QuestionView, saved: SavedState | undefined): string {
  return `${answerState(q, saved)}${saved?.flagged ? ", flagged for review" : ""}`;
}

/** Numbered buttons for every question: answered (✓), incomplete (◐), flagged (⚑) or unanswered (○). */
export function QuestionMap({
  questions,
  answers,
  current,
  go,
}: {
  questions: QuestionView[];
  answers: Record<string, SavedState>;
  current: number;
  go: (i: number) => void;
}) {
  const states = answerStates(questions, answers);
  const flagged = questions.filter((q) => answers[q.id]?.flagged).length;
  const grid = useRef<HTMLOListElement>(null);
  // Keep the current question in view inside the map's own scroll area (never scrolling the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the current question changes
  useEffect(() => {
    const list = grid.current;
    const cell = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!list || !cell || list.scrollHeight <= list.clientHeight) return;
    const c = cell.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    if (c.top < l.top) list.scrollTop -= l.top - c.top + 4;
    else if (c.bottom > l.bottom) list.scrollTop += c.bottom - l.bottom + 4;
  }, [current]);
  return (
    <nav className="qmap" aria-label="Question map">
      <h2 className="qmap-title">Questions</h2>
      <p className="qmap-summary">
        <span>✓ {states.answered.length} answered</span>{" "}
        {states.incomplete.length > 0 && <span>◐ {states.incomplete.length} incomplete</span>}{" "}
        <span>⚑ {flagged} flagged</span> <span>○ {states.unanswered.length} unanswered</span>
      </p>
      <ol className="qmap-grid" ref={grid}>
        {questions.map((q, i) => {
          const a = answers[q.id];
          const state = answerState(q, a);
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`qmap-cell is-${state === "unanswered" ? "open" : state} ${a?.flagged ? "is-flagged" : ""}`}
                aria-current={i === current ? "step" : undefined}
                aria-label={`Question ${i + 1}, ${stateLabel(q, a)}`}
                onClick={() => go(i)}
              >
                <span aria-hidden="true">{i + 1}</span>
                <span className="qmap-icons" aria-hidden="true">
                  {ICON[state]}
                  {a?.flagged ? "⚑" : ""}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
