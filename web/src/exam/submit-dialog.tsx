import { useRef } from "react";
import { answerStates, type QuestionView, type SavedState } from "./exam-types.js";
import { useModal } from "./use-modal.js";

interface Props {
  open: boolean;
  questions: QuestionView[];
  answers: Record<string, SavedState>;
  busy: boolean;
  unsaved: boolean;
  onClose: () => void;
  onJump: (index: number) => void;
  onSubmit: () => void;
}

function JumpList({ label, items, onJump }: { label: string; items: number[]; onJump: (i: number) => void }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3>
        {label} ({items.length})
      </h3>
      <ul className="jump-list">
        {items.map((i) => (
          <li key={i}>
            <button type="button" className="link-button" onClick={() => onJump(i)}>
              Question {i + 1}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A modal confirm step listing what is still open, with a way to jump back to each question. */
export function SubmitDialog({ open, questions, answers, busy, unsaved, onClose, onJump, onSubmit }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useModal(ref, open);
  const { answered, incomplete, unanswered } = answerStates(questions, answers);
  const flagged = questions.flatMap((q, i) => (answers[q.id]?.flagged ? [i] : []));
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="submit-title" onClose={onClose}>
      <h2 id="submit-title">Submit your answers?</h2>
      <p>
        {answered.length} of {questions.length} answered
        {incomplete.length > 0 ? `, ${incomplete.length} incomplete` : ""}
        {unanswered.length > 0 ? `, ${unanswered.length} unanswered` : ""}.
      </p>
      {unanswered.length === 0 && incomplete.length === 0 && flagged.length === 0 ? (
        <p>Every question is answered and none is flagged.</p>
      ) : (
        <p>Unanswered and incomplete questions count as wrong. You cannot change answers after submitting.</p>
      )}
      <JumpList label="Incomplete" items={incomplete} onJump={onJump} />
      <JumpList label="Unanswered" items={unanswered} onJump={onJump} />
      <JumpList label="Flagged for review" items={flagged} onJump={onJump} />
      {unsaved && (
        <p className="notice notice-warning" role="alert">
          Some answers are still saving or failed to save. Wait for “Saved”, or retry, before you submit.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Keep working
        </button>
        <button type="button" className="button button-primary" onClick={onSubmit} disabled={busy}>
          {busy ? "Submitting…" : "Submit now"}
        </button>
      </div>
    </dialog>
  );
}
