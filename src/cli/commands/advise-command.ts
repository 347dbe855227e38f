import { createInterface } from "node:readline/promises";
import type { AppContext } from "../../compose.js";
import { advise } from "../../core/advisor/advisor.js";
import type { Advice } from "../../core/advisor/advisor-types.js";
import { DEFAULT_HOURS_PER_WEEK, type ProfileInput, resolveProfile } from "../../core/advisor/profile.js";
import { DomainError } from "../../core/errors.js";
import { cliContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { printJson, style, wrap } from "../terminal.js";

interface AdviseOptions {
  role?: string;
  awsExperience?: string;
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

function number(flag: string, value: string, min: number, max: number, example: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(
      `${flag} "${value}" is not valid: give a number from ${min} to ${max}, e.g. ${example}.`,
    );
  return n;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

export async function adviseCommand(opts: AdviseOptions) {
  const ctx = await cliContext();
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !opts.json;
  if ((opts.role === undefined || opts.awsExperience === undefined) && interactive) await ask(ctx, opts);
  if (opts.role === undefined)
    throw new UsageError(`--role is required. Use one of: ${ctx.rules.roles.map((r) => r.id).join(", ")}.`);
  if (opts.awsExperience === undefined)
    throw new UsageError("--aws-experience is required: years of hands-on AWS experience, e.g. 0, 0.5 or 3.");
  const input: ProfileInput = {
    role: opts.role,
    awsExperience: number("--aws-experience", opts.awsExperience, 0, 50, "0, 0.5 or 3"),
    itBackground: opts.itBackground,
    stack: list(opts.stack),
    goal: opts.goal,
    hoursPerWeek:
      opts.hoursPerWeek === undefined
        ? undefined
        : number("--hours-per-week", opts.hoursPerWeek, 0.5, 80, "6"),
    held: list(opts.held),
    want: list(opts.want),
    targetDate: opts.targetDate,
  };
  const today = opts.today ?? ctx.today();
  const advice = advise(ctx.catalog, ctx.rules, resolveProfile(ctx.catalog, ctx.rules, input), today);
  if (opts.json) return printJson(advice);
  printAdvice(ctx, advice);
}

async function ask(ctx: AppContext, opts: AdviseOptions): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const roles = ctx.rules.roles;
  // Re-ask until the answer is valid, showing what is wrong.
  const question = async (prompt: string, check: (answer: string) => string | undefined): Promise<string> => {
    for (;;) {
      const answer = (await rl.question(prompt)).trim();
      const problem = check(answer);
      if (!problem) return answer;
      console.log(style.yellow(`  ${problem}`));
    }
  };
  const roleCheck = (a: string) => {
    try {
      resolveProfile(ctx.catalog, ctx.rules, { role: a, awsExperience: 0 });
      return undefined;
    } catch (e) {
      return e instanceof DomainError ? e.message : String(e);
    }
  };
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
        return roleCheck(x);
      });
      const n = Number(a);
      opts.role = Number.isInteger(n) && n >= 1 ? roles[n - 1]?.id : a;
    }
    if (opts.awsExperience === undefined)
      opts.awsExperience = await question("Years of hands-on AWS experience (e.g. 0, 0.5, 3): ", (x) =>
        Number.isFinite(Number(x)) && x !== "" && Number(x) >= 0 && Number(x) <= 50
          ? undefined
          : "Give a number of years from 0 to 50.",
      );
    if (opts.itBackground === undefined) {
      const a = await question("Do you have an IT or STEM background? (y/n): ", (x) =>
        /^(y|yes|n|no)$/i.test(x) ? undefined : "Answer y or n.",
      );
      opts.itBackground = /^y/i.test(a);
    }
    if (opts.stack === undefined)
      opts.stack = await question(
        "AWS services your organisation uses, comma-separated (Enter to skip): ",
        () => undefined,
      );
    if (opts.goal === undefined) {
      const a = await question(
        "Where do you want to go? Same words as roles (Enter: stay in your role): ",
        (x) => (x === "" ? undefined : roleCheck(x)),
      );
      opts.goal = a || undefined;
    }
    if (opts.hoursPerWeek === undefined) {
      const a = await question(`Study hours per week (Enter: ${DEFAULT_HOURS_PER_WEEK}): `, (x) =>
        x === "" || (Number(x) > 0 && Number(x) <= 80) ? undefined : "Give a number of hours from 1 to 80.",
      );
      opts.hoursPerWeek = a || undefined;
    }
    if (opts.held === undefined)
      opts.held =
        (await question("Certifications you hold, e.g. CLF-C02 (Enter: none): ", () => undefined)) ||
        undefined;
    if (opts.targetDate === undefined) {
      const a = await question("Target date YYYY-MM-DD (Enter: none): ", (x) =>
        x === "" || (/^\d{4}-\d{2}-\d{2}$/.test(x) && !Number.isNaN(Date.parse(x)))
          ? undefined
          : "Write the date as YYYY-MM-DD.",
      );
      opts.targetDate = a || undefined;
    }
    console.log("");
  } finally {
    rl.close();
  }
}

function printAdvice(ctx: AppContext, advice: Advice): void {
  const role = ctx.rules.roles.find((r) => r.id === advice.profile.role);
  const goal = ctx.rules.roles.find((r) => r.id === advice.profile.goal);
  const out: string[] = [];
  out.push(
    style.bold(`Certification paths for: ${role?.label ?? advice.profile.role}`) +
      (goal && goal.id !== role?.id ? style.bold(` → ${goal.label}`) : "") +
      style.dim(` (as of ${advice.profile.today})`),
  );
  if (advice.warnings.length) {
    out.push("", style.yellow(style.bold("Warnings")));
    for (const w of advice.warnings)
      out.push(style.yellow(wrap(w, 92, "  ! ").replace(/\n {2}! /g, "\n    ")));
  }
  advice.recommendations.forEach((rec, i) => {
    out.push("", style.bold(`${i + 1}. ${rec.title}: ${rec.path.map((s) => s.code).join(" → ")}`));
    out.push(
      `   About ${rec.totalHours} hours over ${rec.totalWeeks} weeks${rec.finishBy ? `, done by ${rec.finishBy}` : ""}.`,
    );
    for (const step of rec.path) {
      out.push(
        `   ${style.bold(step.code)} ${step.name}  ${style.dim(`${step.studyHours} h · ${step.weeks} wk · ${step.startBy} → ${step.finishBy}`)}`,
      );
      for (const r of step.reasons) out.push(wrap(r, 92, "       - ").replace(/\n {7}- /g, "\n         "));
    }
  });
  if (advice.notes.length) {
    out.push("", style.bold("Notes"));
    for (const n of advice.notes) out.push(wrap(n, 92, "  - ").replace(/\n {2}- /g, "\n    "));
  }
  out.push(
    "",
    style.dim("Study hours are planning estimates, not AWS figures. Exam facts: certpath show <code>"),
  );
  console.log(out.join("\n"));
}
