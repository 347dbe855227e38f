import { authorize } from "../../app/policy.js";
import {
  REPORT_KIND_LABEL,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportKind,
} from "../../core/bank/item-queue.js";
import { ConflictError } from "../../core/errors.js";
import { cliContext, cliExamContext } from "../cli-context.js";
import { resolveAttemptId } from "../exam/attempt-id.js";
import { UsageError } from "../run-action.js";
import { printJson, style, terminalWidth, wrap } from "../terminal.js";

export interface ReviewReportOptions {
  as?: string;
  report: string;
  kind?: string;
  note?: string;
  option?: string[];
  json?: boolean;
  db?: string;
}

/** `certpath review ID --report N --kind K`: report question N of a submitted attempt to the authors. */
export async function reviewReportCommand(id: string, opts: ReviewReportOptions) {
  const kind = opts.kind as ReportKind | undefined;
  if (!kind || !REPORT_KINDS.includes(kind))
    throw new UsageError(`--report needs --kind, one of: ${REPORT_KINDS.join(", ")}.`);
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    const full = await resolveAttemptId(exam, id);
    // Only the attempt's own learner reports from it (the same rule as the API).
    await exam.access.attempt(exam.actor, "attempt.write", full);
    let review: Awaited<ReturnType<typeof exam.exams.review>>;
    try {
      review = await exam.exams.review(full);
    } catch (e) {
      if (e instanceof ConflictError && e.code === "attempt.not_submitted")
        throw new UsageError(
          `attempt ${full} is still in progress: questions are reported from the review, after you submit it.`,
        );
      throw e;
    }
    const n = Number(opts.report);
    const q = review.questions[n - 1];
    if (!Number.isInteger(n) || !q)
      throw new UsageError(
        `--report takes a question number of this attempt, 1 to ${review.questions.length}; "${opts.report}" is not one.`,
      );
    const options = (opts.option ?? [])
      .flatMap((o) => o.split(","))
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => {
        const opt = q.options[Number(o) - 1];
        if (!/^\d+$/.test(o) || !opt)
          throw new UsageError(
            `--option takes an option number of question ${n}, 1 to ${q.options.length}; "${o}" is not one.`,
          );
        return opt.id;
      });
    const filed = await exam.reports.report(exam.learner, full, q.id, { kind, note: opts.note, options });
    if (opts.json) return printJson(filed);
    console.log(
      wrap(
        `Reported question ${n} (${q.id}) as ${REPORT_KIND_LABEL[kind]}. An author will look at it; thank you.`,
        terminalWidth(),
      ),
    );
  } finally {
    await exam.close();
  }
}

export interface ReportsOptions {
  as?: string;
  status?: string;
  exam?: string;
  json?: boolean;
  db?: string;
}

/** `certpath bank reports`: the question reports queue for authors, with each question's statistics. */
export async function bankReportsCommand(opts: ReportsOptions) {
  const status = opts.status ?? "open";
  if (status !== "all" && !REPORT_STATUSES.includes(status as never))
    throw new UsageError(`--status takes one of: ${REPORT_STATUSES.join(", ")}, all.`);
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    authorize(exam.actor, "bank.stats");
    const r = await exam.reports.list({
      status: status === "all" ? undefined : (status as (typeof REPORT_STATUSES)[number]),
      exam: opts.exam,
    });
    if (opts.json) return printJson(r);
    const width = terminalWidth();
    if (r.reports.length === 0) return console.log(`No ${status === "all" ? "" : `${status} `}reports.`);
    const out: string[] = [];
    for (const x of r.reports) {
      const s = x.statistics;
      out.push(
        "",
        style.bold(`${x.id.slice(0, 8)} · ${x.questionId} · ${REPORT_KIND_LABEL[x.kind]} · ${x.status}`),
        wrap(
          `${x.createdAt.slice(0, 10)} by ${x.reporter ?? (x.learner === "local" ? "you" : "a removed account")}${x.note ? `: ${x.note}` : ""}`,
          width,
          "  ",
        ),
      );
      if (x.question) out.push(wrap(`Question: ${x.question.stem.replace(/\s+/g, " ")}`, width, "  "));
      if (s)
        out.push(
          wrap(
            `Statistics: n ${s.n}, ${s.facility === null ? "–" : `${Math.round(s.facility * 100)}%`} right, discrimination ${s.discrimination === null ? "–" : s.discrimination.toFixed(2)}${s.flags.length ? `, flags: ${s.flags.join(", ")}` : ""}`,
            width,
            "  ",
          ),
        );
      if (x.resolution)
        out.push(wrap(`Resolution (${x.verifiedOn ?? "not verified"}): ${x.resolution}`, width, "  "));
    }
    out.push("", "Resolve one with: certpath bank resolve ID --change TEXT --verified-on YYYY-MM-DD");
    console.log(out.join("\n").trimStart());
  } finally {
    await exam.close();
  }
}

export interface ResolveOptions {
  as?: string;
  change?: string;
  verifiedOn?: string;
  dismiss?: string;
  json?: boolean;
  db?: string;
}

/** `certpath bank resolve ID`: resolve a report (what changed, verifiedOn) or dismiss it (why). */
export async function bankResolveCommand(id: string, opts: ResolveOptions) {
  if (!!opts.change === !!opts.dismiss)
    throw new UsageError(
      'Say either what changed (--change "…" --verified-on YYYY-MM-DD) or why nothing needs to (--dismiss "…").',
    );
  const ctx = await cliContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, readOnly: true, as: opts.as });
  try {
    authorize(exam.actor, "bank.stats");
    // Report ids are UUIDs: the first characters, as `bank reports` shows them, are enough.
    const open = (await exam.reports.list({})).reports.filter((r) => r.id.startsWith(id));
    if (open.length !== 1)
      throw new UsageError(
        open.length
          ? `"${id}" matches ${open.length} reports; give more characters.`
          : `No report has an id starting "${id}" (certpath bank reports lists them).`,
      );
    const full = (open[0] as { id: string }).id;
    const done = await exam.reports.resolve(
      exam.actor.userId,
      full,
      opts.change
        ? { status: "resolved", resolution: opts.change, verifiedOn: opts.verifiedOn }
        : { status: "dismissed", resolution: opts.dismiss as string },
    );
    if (opts.json) return printJson(done);
    console.log(`Report ${full.slice(0, 8)} on ${done?.questionId} is ${done?.status}.`);
  } finally {
    await exam.close();
  }
}
