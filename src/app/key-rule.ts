import { ConflictError, NotFoundError, ValidationError } from "../core/errors.js";
import type { Attempt, feedback } from "../core/exam/attempt.js";

// The key rule: nothing but knowledge reveals a key. While an exam-mode attempt is in progress, no route
// shows the key of its questions (practice feedback is withheld, reviews hide them, new practice forms
// leave them out), and an attempt in progress cannot be retaken.

/** Why a key is not shown: the question is in an exam attempt that is still running. */
export interface WithheldNote {
  code: "exam.in_progress";
  attempt: string;
  message: string;
}

/** What an answer save returns: practice and drills add feedback on a whole answer, or say why it is withheld. */
export type AnswerResult =
  | { saved: true }
  | ({ saved: true } & ReturnType<typeof feedback>)
  | { saved: true; withheld: WithheldNote };

export function withheldNote(examAttempt: string, count = 1): WithheldNote {
  return {
    code: "exam.in_progress",
    attempt: examAttempt,
    message: `${count === 1 ? "This question is" : `${count} questions are`} in an exam you have in progress (attempt ${examAttempt.slice(0, 8)}): the key and explanations show once that exam is submitted.`,
  };
}

/** A retake repeats a submitted attempt of the same learner and exam; an attempt in progress is refused. */
export function checkRetake(earlier: Attempt, learner: string, exam: string): void {
  if (earlier.learner !== learner)
    throw new NotFoundError("attempt.not_found", `No attempt has the id "${earlier.id}".`);
  if (earlier.status === "in-progress")
    throw new ConflictError(
      "attempt.retake_in_progress",
      `Attempt ${earlier.id} is still in progress: submit it (or let its time run out) before retaking it.`,
      { field: "retakeOf" },
    );
  if (earlier.exam !== exam)
    throw new ValidationError(
      "attempt.invalid_input",
      `retakeOf: attempt ${earlier.id} is for ${earlier.exam}, not ${exam}.`,
      { field: "retakeOf" },
    );
}
