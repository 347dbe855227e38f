import { isAnswered, type QuestionView, type SavedState } from "./exam-types.js";

/** A short text for a question's state, so the map never relies on colour alone. */
export function stateLabel(saved: SavedState | undefined): string {
  return `${isAnswered(saved) ? "answered" : "unanswered"}${saved?.flagged ? ", flagged for review" : ""}`;
}

/** Numbered buttons for every question: answered (✓), flagged (⚑) or unanswered (○). */
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
  const answered = questions.filter((q) => isAnswered(answers[q.id])).length;
  const flagged = questions.filter((q) => answers[q.id]?.flagged).length;
  return (
    <nav className="qmap" aria-label="Question map">
      <h2 className="qmap-title">Questions</h2>
      <p className="qmap-summary">
        <span>✓ {answered} answered</span> <span>⚑ {flagged} flagged</span>{" "}
        <span>○ {questions.length - answered} unanswered</span>
      </p>
      <ol className="qmap-grid">
        {questions.map((q, i) => {
          const a = answers[q.id];
          const done = isAnswered(a);
          return (
            <li key={q.id}>
              <button
                type="button"
                className={`qmap-cell ${done ? "is-answered" : "is-open"} ${a?.flagged ? "is-flagged" : ""}`}
                aria-current={i === current ? "step" : undefined}
                aria-label={`Question ${i + 1}, ${stateLabel(a)}`}
                onClick={() => go(i)}
              >
                <span aria-hidden="true">{i + 1}</span>
                <span className="qmap-icons" aria-hidden="true">
                  {done ? "✓" : "○"}
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
