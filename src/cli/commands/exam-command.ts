import { planStart } from "../../app/exam-outcome.js";
import { type AppContext, loadQuestionBank } from "../../compose.js";
import { getCertification } from "../../core/catalog/catalog.js";
import { ValidationError } from "../../core/errors.js";
import { EXAM_MODES, type ExamMode } from "../../core/exam/attempt.js";
import { indexBank } from "../../core/exam/form-assembly.js";
import { cliContext, cliExamContext } from "../cli-context.js";
import { resolveAttemptId } from "../exam/attempt-id.js";
import { clock, paint } from "../exam/exam-screen.js";
import { runExamSession } from "../exam/exam-session.js";
import { wrapLines } from "../exam/plain-text.js";
import { reportLines } from "../exam/report-text.js";
import { UsageError } from "../run-action.js";
import { terminalWidth } from "../terminal.js";

export interface ExamOptions {
  as?: string;
  mode?: string;
  count?: string;
  seed?: string;
  domain?: string[];
  service?: string[];
  mistakes?: boolean;
  resume?: string;
  db?: string;
}

/** `--domain 1,2 --domain 3` → ["1", "2", "3"]. */
function list(values: string[] | undefined): string[] | undefined {
  const out = (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return out.length ? out : undefined;
}

function parseMode(value: string | undefined, mistakes: boolean | undefined): ExamMode {
  if (value === undefined) return mistakes ? "drill" : "exam";
  const v = value.toLowerCase();
  if ((EXAM_MODES as readonly string[]).includes(v)) return v as ExamMode;
  throw new UsageError(`--mode "${value}" is not valid. Use one of: ${EXAM_MODES.join(", ")}.`);
}

function parseCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 200)
    throw new UsageError(`--count "${value}" is not valid: give a whole number of questions from 1 to 200.`);
  return n;
}

/** The interactive terminal exam: start (or resume) an attempt, run it, print the report. */
export async function examCommand(code: string | undefined, opts: ExamOptions) {
  const mode = parseMode(opts.mode, opts.mistakes);
  const count = parseCount(opts.count);
  if (!code && !opts.resume)
    throw new UsageError(
      "name the exam to take, e.g. `certpath exam CLF-C02`, or continue one with --resume <attempt-id>.",
    );
  const ctx = await cliContext();
  // What the command names is checked first, so a retired exam or a typo is explained with or without a terminal.
  if (code && !opts.resume) await checkRequest(ctx, code, opts);
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    throw new UsageError(
      "the exam needs an interactive terminal (stdin and stdout must be a TTY). Without one, take the exam in the web app (`certpath serve`, then open http://127.0.0.1:3000) or through the HTTP API (POST /api/attempts; see /api/openapi.json).",
    );

  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, as: opts.as });
  try {
    let attempt: Awaited<ReturnType<typeof exam.exams.get>>;
    if (opts.resume) {
      attempt = await exam.exams.get(await resolveAttemptId(exam, opts.resume));
      if (code) {
        const cert = getCertification(ctx.catalog, code).certification;
        if (!cert.versions.some((v) => v.code === attempt.exam))
          throw new UsageError(
            `attempt ${attempt.id} is for ${attempt.exam}, not ${code}. Resume it with \`certpath exam ${attempt.exam} --resume ${attempt.id}\`.`,
          );
      }
      if (attempt.status === "submitted") {
        const report = await exam.exams.submit(attempt.id);
        const p = paint(!process.env.NO_COLOR);
        console.log(
          `Attempt ${attempt.id} was already submitted (its time may have run out while you were away).\n`,
        );
        console.log(
          [...reportLines(report, p, terminalWidth()), "", ...reviewHint(attempt.id, opts.db)].join("\n"),
        );
        return 0;
      }
    } else {
      attempt = await exam.exams.start(exam.learner, {
        exam: code ?? "",
        mode,
        seed: opts.seed,
        count,
        domains: list(opts.domain),
        services: list(opts.service),
        mistakes: opts.mistakes,
      });
    }

    const outcome = await runExamSession(exam.exams, attempt);
    const p = paint(!process.env.NO_COLOR);
    const width = Math.min(terminalWidth(), 88);
    if (outcome.kind === "left") {
      const lines = ["Left without submitting. Every answer you gave is saved."];
      if (outcome.pendingError) lines.push(`(The last change could not be saved: ${outcome.pendingError})`);
      if (outcome.secondsLeft !== null)
        lines.push(
          `The clock keeps running: ${clock(outcome.secondsLeft)} left; at zero the attempt is submitted as it stands.`,
        );
      const text = lines.flatMap((l) => wrapLines(l, width));
      text.push(
        "Resume with:",
        ...commandLines(["certpath", "exam", attempt.exam, `--resume ${attempt.id}`, dbFlag(opts.db)], width),
      );
      console.log(text.join("\n"));
      return 0;
    }
    const out = [...reportLines(outcome.report, p, terminalWidth()), "", ...reviewHint(attempt.id, opts.db)];
    console.log(out.join("\n"));
    return 0;
  } finally {
    await exam.close();
  }
}

/** Runs the service's start checks without a database; API field names become the CLI's flags. */
async function checkRequest(ctx: AppContext, code: string, opts: ExamOptions): Promise<void> {
  const bank = indexBank(await loadQuestionBank(ctx));
  try {
    planStart(
      ctx.catalog,
      bank,
      { exam: code, domains: list(opts.domain), services: list(opts.service) },
      ctx.today(),
    );
  } catch (e) {
    if (e instanceof ValidationError)
      throw new UsageError(e.message.replace(/^domains:/, "--domain:").replace(/^services:/, "--service:"));
    throw e;
  }
}

function dbFlag(db: string | undefined): string {
  return db ? `--db ${/\s/.test(db) ? JSON.stringify(db) : db}` : "";
}

/** A command to copy, indented; on a narrow terminal it continues on the next line (`\`), never mid-word. */
function commandLines(parts: string[], width: number): string[] {
  const lines: string[] = [];
  let line = " ";
  for (const part of parts.filter(Boolean)) {
    if (line.trim() && line.length + 1 + part.length + 2 > width) {
      lines.push(`${line} \\`);
      line = "     ";
    }
    line += ` ${part}`;
  }
  return [...lines, line];
}

function reviewHint(id: string, db: string | undefined): string[] {
  return [
    "Review every question with its explanation:",
    ...commandLines(["certpath", "review", id, dbFlag(db)], Math.min(terminalWidth(), 88)),
  ];
}
