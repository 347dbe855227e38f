import type { ExamContext } from "../../compose.js";
import { UsageError } from "../run-action.js";

/** How `certpath history` shows an id: long enough to be unique in practice, short enough for 80 columns. */
export const SHORT_ID = 8;

/**
 * The full attempt id for what the learner typed: the id itself, or a unique prefix of one of their
 * attempts (as `certpath history` prints them). An id that matches nothing is an error that says where to look.
 */
export async function resolveAttemptId(exam: ExamContext, typed: string): Promise<string> {
  const { attempts } = await exam.exams.history(exam.learner);
  const exact = attempts.find((a) => a.id === typed);
  const matches = exact ? [exact] : attempts.filter((a) => a.id.startsWith(typed));
  if ((exact || typed.length >= 4) && matches.length === 1 && matches[0]) {
    // The same policy as the API: only the account's own attempts are listed, and the one named is checked.
    await exam.access.attempt(exam.actor, "attempt.read", matches[0].id);
    return matches[0].id;
  }
  if (typed.length >= 4 && matches.length > 1)
    throw new UsageError(
      `"${typed}" matches ${matches.length} attempts (${matches.map((a) => a.id).join(", ")}): give more of the id.`,
    );
  throw new UsageError(
    `no attempt has the id "${typed}" in ${exam.location}. List your attempts with \`certpath history\`.`,
  );
}
