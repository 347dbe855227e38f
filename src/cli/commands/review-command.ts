import { ConflictError } from "../../core/errors.js";
import { cliContext, cliExamContext } from "../cli-context.js";
import { resolveAttemptId } from "../exam/attempt-id.js";
import { paint } from "../exam/exam-screen.js";
import { reportLines, reviewQuestionLines } from "../exam/report-text.js";
import { UsageError } from "../run-action.js";
import { printJson } from "../terminal.js";

/** A submitted attempt: the report, then every question with the learner's answer, the key and explanations. */
export async function reviewCommand(id: string, opts: { json?: boolean; db?: string }) {
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true });
  try {
    const full = await resolveAttemptId(exam, id);
    let review: Awaited<ReturnType<typeof exam.exams.review>>;
    try {
      review = await exam.exams.review(full);
    } catch (e) {
      if (e instanceof ConflictError && e.code === "attempt.not_submitted") {
        const a = await exam.exams.get(full);
        throw new UsageError(
          `attempt ${full} is still in progress: submit it first (resume with \`certpath exam ${a.exam} --resume ${full}\`, then press s). The review opens after submission.`,
        );
      }
      throw e;
    }
    if (opts.json) return printJson(review);
    const p = paint(process.stdout.isTTY === true && !process.env.NO_COLOR);
    const width = process.stdout.columns || 80;
    const out = reportLines(review, p, width);
    review.questions.forEach((q, i) => {
      out.push(
        "",
        "─".repeat(Math.min(width, 88) - 1),
        ...reviewQuestionLines(q, i + 1, review.questions.length, p, width),
      );
    });
    console.log(out.join("\n"));
  } finally {
    await exam.close();
  }
}
