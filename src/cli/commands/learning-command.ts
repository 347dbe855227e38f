import { writeFileSync } from "node:fs";
import { createContext } from "../../compose.js";
import { isIsoDate } from "../../core/dates.js";
import { buildPlanCalendar } from "../../server/plan-calendar.js";
import { cliExamContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { bar, printJson, style, table, wrap } from "../terminal.js";
import { examCommand } from "./exam-command.js";

const columns = () =>
  Math.max(40, Math.min(process.stdout.columns || Number(process.env.COLUMNS) || 88, 120));
const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A probability as a learner reads it: never a flat 0% or 100% for an estimate. */
const chance = (p: number) => (p < 0.01 ? "under 1%" : p > 0.99 ? "over 99%" : pct(p));

/** `certpath readiness <exam>`: predicted scaled score, interval, pass probability and domains. */
export async function readinessCommand(code: string, opts: { json?: boolean; db?: string; as?: string }) {
  const ctx = await createContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, as: opts.as });
  try {
    const r = await exam.learning.readiness(exam.learner, code);
    if (opts.json) return printJson(r);
    const out = [style.bold(`${r.exam} · ${r.name}: readiness on ${ctx.today()}`), ""];
    if (r.passProbability === null || !r.predictedScaledScore) {
      out.push(wrap(r.advice, columns()));
      console.log(out.join("\n"));
      return;
    }
    const s = r.predictedScaledScore;
    out.push(
      `Chance of passing a fresh full form today: ${style.bold(chance(r.passProbability))}`,
      `Predicted scaled score: ${s.estimate} (80% interval ${s.low}–${s.high}); pass mark ${r.passingScore}`,
      `Evidence: ${r.answered} questions answered (${r.evidence.level})`,
      "",
      table(
        ["Domain", "Weight", "Answered", "Estimate", "80% range", ""],
        r.domains.map((d) => [
          `${d.id} ${d.name}`,
          `${d.weight}%`,
          String(d.answered),
          pct(d.estimate),
          `${pct(d.low)}–${pct(d.high)}`,
          columns() >= 100 ? bar(d.estimate, 20) : "",
        ]),
      ),
      "",
      wrap(r.advice, columns()),
    );
    console.log(out.join("\n"));
  } finally {
    await exam.close();
  }
}

function hours(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0.5 || n > 80)
    throw new UsageError(
      `--hours-per-week "${value ?? ""}" is not valid: give between 0.5 and 80 hours, e.g. 6.`,
    );
  return n;
}

/** `certpath plan <exam> --by DATE --hours-per-week N`: a weekly plan, optionally written as iCalendar. */
export async function planCommand(
  code: string | undefined,
  opts: {
    by?: string;
    hoursPerWeek?: string;
    path?: string;
    start?: string;
    ics?: string;
    json?: boolean;
    db?: string;
    as?: string;
  },
) {
  const path = opts.path
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!code && !path?.length)
    throw new UsageError(
      "name the exam to plan for, e.g. `certpath plan SAA-C03 --by 2027-03-01 --hours-per-week 6`, or give --path CODE,CODE.",
    );
  if (!opts.by) throw new UsageError("--by is required: the exam date to plan towards, written YYYY-MM-DD.");
  for (const [flag, v] of [
    ["--by", opts.by],
    ["--start", opts.start],
  ] as const)
    if (v !== undefined && !isIsoDate(v))
      throw new UsageError(`${flag} takes a real date written YYYY-MM-DD, e.g. 2027-03-01.`);
  const perWeek = hours(opts.hoursPerWeek);
  const ctx = await createContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, as: opts.as });
  try {
    const plan = await exam.learning.createPlan(exam.learner, {
      exam: path?.length ? undefined : code,
      path: path?.length ? path : undefined,
      targetDate: opts.by,
      hoursPerWeek: perWeek,
      startDate: opts.start,
    });
    if (opts.ics) writeFileSync(opts.ics, buildPlanCalendar(plan));
    if (opts.json) return printJson(plan);
    const w = columns();
    const out = [
      style.bold(
        `Study plan ${plan.exams.join(" → ")}: ${plan.startDate} to ${plan.targetDate}, ${plan.hoursPerWeek} h/week`,
      ),
    ];
    for (const warning of plan.warnings) out.push(style.yellow(wrap(`! ${warning}`, w, "  ").trimStart()));
    for (const week of plan.weeks) {
      out.push("", style.bold(`Week of ${week.start} · ${Math.round((week.minutes / 60) * 10) / 10} h`));
      for (const s of week.sessions) {
        const head = `  ${s.date}  ${String(s.minutes).padStart(3)} min  `;
        out.push(head + wrap(s.title, w - head.length, " ".repeat(head.length)).trimStart());
        if (s.command) out.push(style.dim(`${" ".repeat(head.length)}$ ${s.command}`));
      }
    }
    out.push(
      "",
      style.dim(
        `Plan ${plan.id}${opts.ics ? ` · calendar written to ${opts.ics}` : " · add --ics FILE for your calendar"}`,
      ),
    );
    console.log(out.join("\n"));
  } finally {
    await exam.close();
  }
}

/** `certpath review-due [exam]`: the questions due for spaced review, as a terminal exam in review mode. */
export async function reviewDueCommand(
  code: string | undefined,
  opts: { db?: string; json?: boolean; as?: string },
) {
  if (code && !opts.json)
    return examCommand(code, { mode: "review", db: opts.db, ...(opts.as ? { as: opts.as } : {}) });
  const ctx = await createContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, as: opts.as });
  let best: { exam: string; due: number } | undefined;
  const all = [];
  try {
    const codes = code ? [code] : exam.exams.available().exams.map((e) => e.code);
    for (const c of codes) {
      const r = await exam.learning.reviews(exam.learner, c);
      all.push(r);
      if (r.due > 0 && (!best || r.due > best.due)) best = { exam: r.exam, due: r.due };
    }
  } finally {
    await exam.close();
  }
  if (opts.json)
    return printJson(
      code ? all[0] : { exams: all.map((r) => ({ exam: r.exam, due: r.due, cards: r.cards.length })) },
    );
  if (!best) {
    console.log(
      "Nothing is due for review today. Questions you answer wrong come back here when they are due.",
    );
    return;
  }
  return examCommand(best.exam, { mode: "review", db: opts.db, ...(opts.as ? { as: opts.as } : {}) });
}
