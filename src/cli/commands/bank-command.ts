import { join, resolve } from "node:path";
import { formatProblem } from "../../content/content-error.js";
import { contentRoot } from "../../content/content-root.js";
import { loadQuestionFiles, scanQuestionFiles } from "../../content/load-questions.js";
import { type ExamSummary, lintBank } from "../../core/bank/bank-lint.js";
import { cliContext } from "../cli-context.js";
import { EXIT_PROBLEMS, UsageError } from "../run-action.js";
import { terminalSafe } from "../safe-text.js";
import { printJson, style, table } from "../terminal.js";
import { REALISM_HEADER, realismMarkdown, realismNotes, realismRows } from "./realism-text.js";

async function analyse(path: string | undefined) {
  const root = path ? resolve(path) : join(contentRoot(), "questions");
  const { files, problems: found } = scanQuestionFiles(root);
  if (files.length === 0 && found.length === 0)
    throw new UsageError(
      `No question files (*.yaml) at ${path ?? root}. Give a question file or a folder of them.`,
    );
  const ctx = await cliContext();
  const load = loadQuestionFiles(files);
  const emphasis = Object.fromEntries(Object.entries(ctx.rules.exams).map(([slug, r]) => [slug, r.services]));
  const lint = lintBank(load.questions, ctx.catalog, ctx.today(), { emphasis });
  const problems = [...found, ...load.problems, ...lint.problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  return {
    files,
    questions: load.questions.length,
    problems,
    warnings: lint.warnings,
    summaries: lint.summaries,
    drafts: lint.drafts,
  };
}

function summaryTable(s: ExamSummary): string {
  const rows = s.domains.map((d) => {
    const mark =
      d.count >= d.twoForms
        ? style.green("ok")
        : d.count >= d.perForm
          ? style.yellow("one form")
          : style.red("short");
    return [d.id, d.name, `${d.weight}%`, String(d.count), String(d.perForm), String(d.twoForms), mark];
  });
  return table(["Domain", "Name", "Weight", "Questions", "Per form", "Two forms", ""], rows);
}

function printRealism(s: ExamSummary): void {
  if (!s.realism) return;
  const rows = realismRows(s.realism).map((r) => {
    const verdict = r[5] === "FAIL" ? style.red("FAIL") : r[5] === "ok" ? style.green("ok") : (r[5] ?? "");
    return [...r.slice(0, 5), verdict];
  });
  console.log(`\n${table(REALISM_HEADER, rows)}`);
  for (const n of realismNotes(s.realism)) console.log(n);
}

function typeMix(s: ExamSummary): string {
  return Object.entries(s.types)
    .map(([t, n]) => `${t} ${n} (${Math.round((100 * n) / s.count)}%)`)
    .join(", ");
}

export async function bankLintCommand(path: string | undefined, opts: { json?: boolean }) {
  const r = await analyse(path);
  if (opts.json) {
    printJson({
      files: r.files.length,
      questions: r.questions,
      problems: r.problems,
      warnings: r.warnings,
      drafts: r.drafts,
      exams: r.summaries,
    });
    return r.problems.length > 0 ? EXIT_PROBLEMS : 0;
  }
  for (const p of r.warnings) console.log(style.yellow(`${terminalSafe(formatProblem(p))} (warning)`));
  for (const p of r.problems) console.log(terminalSafe(formatProblem(p)));
  for (const d of r.drafts)
    console.log(
      style.yellow(
        terminalSafe(
          `${d.file}:${d.line}: ${d.id}: draft (never served)${d.problems.length ? `: ${d.problems.join("; ")}` : ": no problems left, remove draft: true to serve it"}`,
        ),
      ),
    );
  for (const s of r.summaries) {
    console.log(
      `\n${style.bold(s.exam)}: ${s.count} questions (${s.reviewed} independently reviewed); a full form has ${s.fullFormSize}`,
    );
    console.log(summaryTable(s));
    printRealism(s);
  }
  const verdict =
    r.problems.length === 0
      ? style.green("no problems")
      : style.red(`${r.problems.length} problem${r.problems.length === 1 ? "" : "s"}`);
  const warned = r.warnings.length
    ? ` ${r.warnings.length} warning${r.warnings.length === 1 ? "" : "s"} (realism cues worth a look).`
    : "";
  const drafted = r.drafts.length
    ? ` ${r.drafts.length} draft${r.drafts.length === 1 ? "" : "s"} (never served until its problems are fixed and draft: true is removed).`
    : "";
  console.log(`\n${r.questions} questions in ${r.files.length} files: ${verdict}.${warned}${drafted}`);
  return r.problems.length > 0 ? EXIT_PROBLEMS : 0;
}

export async function bankStatsCommand(
  path: string | undefined,
  opts: { json?: boolean; markdown?: boolean },
) {
  const r = await analyse(path);
  if (opts.json) return printJson({ exams: r.summaries });
  if (opts.markdown) return void process.stdout.write(realismMarkdown(r.summaries));
  for (const s of r.summaries) {
    console.log(`\n${style.bold(s.exam)}: ${s.count} questions, ${s.reviewed} reviewed`);
    console.log(summaryTable(s));
    console.log(`Types: ${typeMix(s)}`);
    if (s.serviceCoverage) {
      const { covered, missing } = s.serviceCoverage;
      console.log(
        `Services the exam emphasises that the bank covers: ${covered.length} of ${covered.length + missing.length}${missing.length ? ` (missing: ${missing.join(", ")})` : ""}`,
      );
    }
    printRealism(s);
  }
  if (r.drafts.length > 0)
    console.log(
      `\n${r.drafts.length} draft question(s) are not counted: drafts are never served (certpath bank lint lists them).`,
    );
  if (r.problems.length > 0)
    console.log(style.yellow(`\n${r.problems.length} lint problem(s): run certpath bank lint.`));
}
