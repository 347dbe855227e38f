import { createContext } from "../../compose.js";
import { DomainError } from "../../core/errors.js";
import { cliExamContext } from "../cli-context.js";
import { UsageError } from "../run-action.js";
import { terminalSafe } from "../safe-text.js";
import { printJson, style, table, wrap } from "../terminal.js";

const columns = () =>
  Math.max(40, Math.min(process.stdout.columns || Number(process.env.COLUMNS) || 88, 120));
const chance = (p: number | null) =>
  p === null ? "—" : p < 0.01 ? "<1%" : p > 0.99 ? ">99%" : `${Math.round(p * 100)}%`;
const STATUS = { "on-track": "on track", "at-risk": "AT RISK", "no-data": "no data" } as const;

interface TeamOptions {
  json?: boolean;
  csv?: boolean;
  db?: string;
  as?: string;
}

async function withTeams<T>(
  opts: { db?: string | undefined; as?: string | undefined },
  fn: (exam: Awaited<ReturnType<typeof cliExamContext>>) => Promise<T>,
) {
  const ctx = await createContext();
  const exam = await cliExamContext(ctx, { databaseUrl: opts.db, as: opts.as });
  try {
    return await fn(exam);
  } finally {
    await exam.close();
  }
}

/** `certpath team dashboard <team>`: per member and assigned exam, readiness and on track / at risk (leads, admins). */
export function teamDashboardCommand(team: string, opts: TeamOptions) {
  return withTeams(opts, async (exam) => {
    const id = await exam.teams.resolveTeam(exam.actor, team);
    if (opts.csv) {
      // RFC 4180 wants CRLF; the piped-output guard strips CR from strings, so the lines are made safe here
      // and written as bytes.
      const { csv } = await exam.teams.dashboardCsv(exam.actor, id);
      process.stdout.write(Buffer.from(csv.split("\r\n").map(terminalSafe).join("\r\n")));
      return;
    }
    const d = await exam.teams.dashboard(exam.actor, id);
    if (opts.json) return printJson(d);
    const wide = columns() >= 100;
    const out = [
      style.bold(`Team ${d.team.name}: readiness on ${d.today}`),
      `${d.counts["on-track"]} on track · ${d.counts["at-risk"]} at risk · ${d.counts["no-data"]} no data`,
      "",
    ];
    if (d.rows.length === 0) out.push("No assignments yet: certpath team assign TEAM EXAM --by YYYY-MM-DD.");
    else
      out.push(
        table(
          wide
            ? ["Member", "Exam", "By", "Status", "Pass", "Score (80%)", "Trend", "Last answer"]
            : ["Member", "Exam", "Status", "Pass"],
          d.rows.map((r) => {
            const base = [r.email, r.exam];
            if (!wide) return [...base, STATUS[r.status], chance(r.passProbability)];
            const s = r.predictedScaledScore;
            return [
              ...base,
              r.targetDate,
              STATUS[r.status],
              chance(r.passProbability),
              s ? `${s.estimate} (${s.low}–${s.high})` : `${r.needed} more`,
              r.trend.change === null
                ? r.trend.direction
                : `${r.trend.direction} ${Math.round(r.trend.change * 100)}`,
              r.lastActivity?.slice(0, 10) ?? "never",
            ];
          }),
        ),
      );
    const risky = d.rows.filter((r) => r.status === "at-risk");
    if (risky.length) {
      out.push("", style.bold("At risk"));
      for (const r of risky)
        out.push(wrap(`${r.email} (${r.exam}): ${r.reasons.join(" ")}`, columns(), "  "));
    }
    const gaps = d.weakestDomains.filter((g) => g.practisedBy > 0).slice(0, 3);
    if (gaps.length) {
      out.push("", style.bold("Weakest domains across the team"));
      for (const g of gaps)
        out.push(
          wrap(
            `${g.exam} ${g.domain} ${g.name} (${g.weight}%): team average ${chance(g.meanEstimate)} right`,
            columns(),
            "  ",
          ),
        );
    }
    console.log(out.join("\n"));
  });
}

/** `certpath team assign <team> [exam] --by DATE [--path A,B] [--member EMAIL…]`. */
export function teamAssignCommand(
  team: string,
  code: string | undefined,
  opts: { by?: string; path?: string; member?: string[]; json?: boolean; db?: string; as?: string },
) {
  const by = opts.by;
  if (!by) throw new UsageError("Give the target date with --by YYYY-MM-DD, e.g. --by 2027-03-01.");
  if (!code && !opts.path)
    throw new UsageError(
      "Name the exam (certpath team assign TEAM SAA-C03 --by …) or a --path CLF-C02,SAA-C03.",
    );
  return withTeams(opts, async (exam) => {
    const id = await exam.teams.resolveTeam(exam.actor, team);
    const path = opts.path
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const r = await exam.teams
      .assign(exam.actor, id, {
        ...(path ? { path } : { exam: code }),
        targetDate: by,
        ...(opts.member?.length
          ? { members: opts.member.flatMap((m) => m.split(",")).map((m) => m.trim()) }
          : {}),
      })
      .catch((e: unknown) => {
        // The service names API fields; on the command line they are options.
        if (e instanceof DomainError)
          throw new UsageError(e.message.replace(/^targetDate\b/, "--by").replace(/^members\b/, "--member"));
        throw e;
      });
    if (opts.json) return printJson(r);
    for (const a of r.assignments)
      console.log(
        `Assigned ${a.exams.join(" → ")} by ${a.targetDate} to ${a.member ?? "the whole team"} (id ${a.id}).`,
      );
  });
}

/** `certpath assignments`: what your teams assigned you, with your status per exam and your plan. */
export function assignmentsCommand(opts: TeamOptions) {
  return withTeams(opts, async (exam) => {
    const r = await exam.teams.mine(exam.actor);
    if (opts.json) return printJson(r);
    if (r.assignments.length === 0)
      return console.log("No assignments: your teams have not assigned you an exam.");
    const out: string[] = [];
    for (const a of r.assignments) {
      out.push(style.bold(`${a.exams.join(" → ")} by ${a.targetDate}`) + (a.team ? ` (team ${a.team})` : ""));
      for (const s of a.steps)
        out.push(
          wrap(
            `${s.exam} by ${s.date}: ${STATUS[s.status]}, pass chance ${chance(s.passProbability)}. ${s.reasons.join(" ")}`,
            columns(),
            "  ",
          ),
        );
      out.push(
        a.plan
          ? `  Your plan: certpath plan (id ${a.plan.id}, target ${a.plan.targetDate})`
          : `  No plan yet: certpath plan ${a.kind === "path" ? `--path ${a.exams.join(",")}` : a.exams[0]} --by ${a.targetDate} --hours-per-week 6`,
        "",
      );
    }
    console.log(out.join("\n").trimEnd());
  });
}
