import { ConflictError } from "../../core/errors.js";
import { cliContext, cliExamContext } from "../cli-context.js";
import { resolveAttemptId } from "../exam/attempt-id.js";
import { paint } from "../exam/exam-screen.js";
import { type ReviewView, reportLines, reviewQuestionLines } from "../exam/report-text.js";
import { UsageError } from "../run-action.js";
import { printJson, terminalWidth } from "../terminal.js";

export interface ReviewOptions {
  as?: string;
  json?: boolean;
  db?: string;
  wrong?: boolean;
  flagged?: boolean;
  domain?: string[];
}

/** The questions the filters keep, each with its number in the attempt; every filter given must hold. */
export function filterReview(review: ReviewView, opts: ReviewOptions) {
  const domains = (opts.domain ?? [])
    .flatMap((d) => d.split(","))
    .map((d) => d.trim())
    .filter(Boolean);
  const known = new Map(review.domains.map((d) => [d.id, d.name]));
  for (const d of domains)
    if (!known.has(d))
      throw new UsageError(
        `--domain "${d}" is not a domain of this attempt. Use one of: ${[...known].map(([id, name]) => `${id} (${name})`).join(", ")}.`,
      );
  return review.questions
    .map((q, i) => ({ q, number: i + 1 }))
    .filter(
      ({ q }) =>
        (!opts.wrong || !q.correct) &&
        (!opts.flagged || q.answer?.flagged === true) &&
        (domains.length === 0 || domains.includes(q.domain)),
    );
}

function describeFilters(opts: ReviewOptions): string {
  const parts = [
    opts.wrong ? "answered wrong or not at all" : "",
    opts.flagged ? "flagged for review" : "",
    opts.domain?.length ? `in domain ${opts.domain.join(", ")}` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** A submitted attempt: the report, then every question with the learner's answer, the key and explanations. */
export async function reviewCommand(id: string, opts: ReviewOptions) {
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    const full = await resolveAttemptId(exam, id);
    let review: ReviewView;
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
    const kept = filterReview(review, opts);
    if (opts.json)
      return printJson({ ...review, questions: kept.map(({ q, number }) => ({ number, ...q })) });
    const p = paint(process.stdout.isTTY === true && !process.env.NO_COLOR);
    const width = terminalWidth();
    const out = reportLines(review, p, width);
    const filters = describeFilters(opts);
    if (filters)
      out.push(
        "",
        kept.length
          ? `${kept.length} of ${review.questions.length} questions are ${filters}:`
          : `No question of this attempt is ${filters}.`,
      );
    for (const { q, number } of kept)
      out.push(
        "",
        "─".repeat(Math.min(width, 88) - 1),
        ...reviewQuestionLines(q, number, review.questions.length, p, width),
      );
    console.log(out.join("\n"));
  } finally {
    await exam.close();
  }
}
