import { createInterface } from "node:readline/promises";
import type { AppContext } from "../../compose.js";
import { advise } from "../../core/advisor/advisor.js";
import type { Advice } from "../../core/advisor/advisor-types.js";
import {
  DEFAULT_HOURS_PER_WEEK,
  HOURS_PER_WEEK,
  type ProfileInput,
  resolveProfile,
} from "../../core/advisor/profile.js";
import { DomainError } from "../../core/errors.js";
import { cliContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { printJson, style, wrap } from "../terminal.js";

interface AdviseOptions {
  role?: string;
  awsExperience?: string;
  fieldExperience?: string;
  itBackground?: boolean;
  stack?: string;
  goal?: string;
  hoursPerWeek?: string;
  held?: string;
  want?: string;
  targetDate?: string;
  today?: string;
  json?: boolean;
}

// The profile's fields as the CLI names them, so that the core's one validation speaks in flags.
const FLAGS: Record<string, string> = {
  role: "--role",
  goal: "--goal",
  awsExperience: "--aws-experience",
  fieldExperience: "--field-experience",
  hoursPerWeek: "--hours-per-week",
  stack: "--stack",
  held: "--held",
  want: "--want",
  targetDate: "--target-date",
};

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

function toInput(opts: AdviseOptions): ProfileInput {
  return {
    role: opts.role ?? "",
    awsExperience: opts.awsExperience ?? "",
    fieldExperience: opts.fieldExperience,
    itBackground: opts.itBackground,
    stack: list(opts.stack),
    goal: opts.goal,
    hoursPerWeek: opts.hoursPerWeek,
    held: list(opts.held),
    want: list(opts.want),
    targetDate: opts.targetDate,
  };
}

/** The core's message with the field named as the CLI flag ("hoursPerWeek: …" → "--hours-per-week: …"). */
function inFlags(e: DomainError): string {
  const field = String(e.details?.field ?? "");
  const flag = FLAGS[field];
  if (!flag) return e.message;
  return e.message.startsWith(`${field}:`)
    ? `${flag}:${e.message.slice(field.length + 1)}`
    : e.message.replace(new RegExp(`\\b${field}\\b`), flag);
}

export async function adviseCommand(opts: AdviseOptions) {
  const ctx = await cliContext();
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !opts.json;
  if ((opts.role === undefined || opts.awsExperience === undefined) && interactive) await ask(ctx, opts);
  if (opts.role === undefined)
    throw new UsageError(`--role is required. Use one of: ${ctx.rules.roles.map((r) => r.id).join(", ")}.`);
  if (opts.awsExperience === undefined)
    throw new UsageError(
      '--aws-experience is required: years of hands-on AWS experience, e.g. 0, 1.5, "6 months" or none.',
    );
  const today = opts.today ?? ctx.today();
  let advice: Advice;
  try {
    advice = advise(ctx.catalog, ctx.rules, resolveProfile(ctx.catalog, ctx.rules, toInput(opts)), today);
  } catch (e) {
    if (e instanceof DomainError) throw new UsageError(inFlags(e));
    throw e;
  }
  if (opts.json) return printJson(advice);
  printAdvice(ctx, advice);
}

/** The core's verdict on one answer: undefined when it is fine, else what is wrong. */
function problemWith(
  ctx: AppContext,
  opts: AdviseOptions,
  patch: Partial<AdviseOptions>,
): string | undefined {
  try {
    const input = toInput({ role: "developer", awsExperience: "0", ...opts, ...patch });
    resolveProfile(ctx.catalog, ctx.rules, input);
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? inFlags(e).replace(/^--[a-z-]+: /, "") : String(e);
  }
}

async function ask(ctx: AppContext, opts: AdviseOptions): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const roles = ctx.rules.roles;
  // Re-ask until the answer is valid, showing what is wrong; earlier answers are kept.
  const question = async (prompt: string, check: (answer: string) => string | undefined): Promise<string> => {
    for (;;) {
      const answer = (await rl.question(prompt)).trim();
      const problem = check(answer);
      if (!problem) return answer;
      console.log(style.yellow(`  ${problem}`));
    }
  };
  const optional = (key: keyof AdviseOptions) => (x: string) =>
    x === "" ? undefined : problemWith(ctx, opts, { [key]: x });
  try {
    console.log(style.bold("A few questions to tailor the advice (Ctrl+C to stop)."));
    if (opts.role === undefined) {
      console.log(
        roles
          .map((r, i) => `  ${String(i + 1).padStart(2)}. ${r.id.padEnd(18)} ${style.dim(r.label)}`)
          .join("\n"),
      );
      const a = await question("Your current role (number or word): ", (x) => {
        const n = Number(x);
        if (Number.isInteger(n) && n >= 1 && n <= roles.length) return undefined;
        return problemWith(ctx, opts, { role: x });
      });
      const n = Number(a);
      opts.role = Number.isInteger(n) && n >= 1 ? roles[n - 1]?.id : a;
    }
    if (opts.awsExperience === undefined)
      opts.awsExperience = await question(
        'Years of hands-on AWS experience (e.g. 0, 1.5, "6 months", none): ',
        (x) => problemWith(ctx, opts, { awsExperience: x || "?" }),
      );
    if (opts.fieldExperience === undefined)
      opts.fieldExperience =
        (await question(
          "Years in your field itself, e.g. networking or security (Enter: skip): ",
          optional("fieldExperience"),
        )) || undefined;
    if (opts.itBackground === undefined) {
      const a = await question("Do you have an IT or STEM background? (y/n): ", (x) =>
        /^(y|yes|n|no)$/i.test(x) ? undefined : "Answer y or n.",
      );
      opts.itBackground = /^y/i.test(a);
    }
    if (opts.stack === undefined)
      opts.stack =
        (await question(
          "AWS services your organisation uses, comma-separated (Enter to skip; list: certpath services): ",
          optional("stack"),
        )) || undefined;
    if (opts.goal === undefined)
      opts.goal =
        (await question(
          "Where do you want to go? Same words as roles (Enter: stay in your role): ",
          optional("goal"),
        )) || undefined;
    if (opts.hoursPerWeek === undefined)
      opts.hoursPerWeek =
        (await question(
          `Study hours per week, ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max} (Enter: ${DEFAULT_HOURS_PER_WEEK}): `,
          optional("hoursPerWeek"),
        )) || undefined;
    if (opts.held === undefined)
      opts.held =
        (await question(
          "Certifications you hold, e.g. CLF-C02 or SAA-C03:2025-05-20 (Enter: none): ",
          optional("held"),
        )) || undefined;
    if (opts.want === undefined)
      opts.want =
        (await question("Certifications you have in mind, e.g. SAA-C03 (Enter: none): ", optional("want"))) ||
        undefined;
    if (opts.targetDate === undefined)
      opts.targetDate =
        (await question("Target date YYYY-MM-DD (Enter: none): ", optional("targetDate"))) || undefined;
    console.log("");
  } finally {
    rl.close();
  }
}

/** The terminal's width (COLUMNS when piped), kept between 40 and 120 so lines stay readable. */
function columns(): number {
  const n = process.stdout.columns || Number(process.env.COLUMNS) || 100;
  return Math.max(40, Math.min(n, 120));
}

/** Wraps with a bullet on the first line and continuation lines aligned under its text. */
function bullet(text: string, width: number, lead: string, bulletText: string): string {
  const pad = " ".repeat(lead.length + bulletText.length);
  const wrapped = wrap(text, width, pad);
  return `${lead}${bulletText}${wrapped.slice(pad.length)}`;
}

function printAdvice(ctx: AppContext, advice: Advice): void {
  const width = columns();
  const role = ctx.rules.roles.find((r) => r.id === advice.profile.role);
  const goal = ctx.rules.roles.find((r) => r.id === advice.profile.goal);
  const out: string[] = [];
  out.push(
    wrap(
      style.bold(`Certification paths for: ${role?.label ?? advice.profile.role}`) +
        (goal && goal.id !== role?.id ? style.bold(` → ${goal.label}`) : "") +
        style.dim(` (as of ${advice.profile.today})`),
      width,
    ),
  );
  if (advice.warnings.length) {
    out.push("", style.yellow(style.bold("Warnings")));
    for (const w of advice.warnings) out.push(style.yellow(bullet(w, width, "  ", "! ")));
  }
  advice.recommendations.forEach((rec, i) => {
    out.push(
      "",
      style.bold(wrap(`${i + 1}. ${rec.title}: ${rec.path.map((s) => s.code).join(" → ")}`, width)),
    );
    out.push(wrap(rec.rationale, width, "   "));
    out.push(
      wrap(
        `About ${rec.totalHours} hours over ${rec.totalWeeks} weeks${rec.finishBy ? `, done by ${rec.finishBy}` : ""}${rec.meetsTargetDate === false ? " (after your target date)" : ""}.`,
        width,
        "   ",
      ),
    );
    for (const step of rec.path) {
      out.push(
        wrap(
          `${style.bold(step.code)} ${step.name}  ${style.dim(`${step.studyHours} h · ${step.weeks} wk · ${step.startBy} → ${step.finishBy}`)}`,
          width,
          "   ",
        ),
      );
      for (const r of step.reasons) out.push(bullet(r, width, "     ", "- "));
    }
  });
  if (advice.notes.length) {
    out.push("", style.bold("Notes"));
    for (const n of advice.notes) out.push(bullet(n, width, "  ", "- "));
  }
  out.push(
    "",
    style.dim(
      wrap(
        "Study hours are planning estimates, not AWS figures. Exam facts: certpath show <code>; practice: certpath exam <code>",
        width,
      ),
    ),
  );
  console.log(out.join("\n"));
}
