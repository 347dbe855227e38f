#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { isIsoDate } from "../core/dates.js";
import { runAction, UsageError } from "./run-action.js";
import { guardPipedOutput } from "./safe-text.js";

// Replaced by the build (scripts/build.mjs) with the version in package.json.
declare const __CERTPATH_VERSION__: string;

// Command modules are imported only when their command runs, so `certpath --version` stays fast.
const program = new Command("certpath")
  .description("Choose, plan and pass AWS certifications.")
  .version(__CERTPATH_VERSION__, "-V, --version")
  .showHelpAfterError("(run with --help for usage)")
  .configureOutput({ outputError: (text, write) => write(text) });

program.exitOverride((err) => {
  process.exit(err.exitCode === 1 ? 2 : err.exitCode);
});

function date(flag: string) {
  return (value: string) => {
    if (!isIsoDate(value))
      throw new InvalidArgumentError(
        `${flag} takes a real calendar date written YYYY-MM-DD, e.g. 2026-03-31; "${value}" is not one.`,
      );
    return value;
  };
}

program
  .command("catalog")
  .description("List AWS certifications, current and retired")
  .option("--level <level>", "foundational | associate | professional | specialty")
  .option("--status <status>", "active | beta | retired")
  .option("--focus <focus>", "focus area, e.g. security, data, architecture")
  .option("--on <date>", "status as of a date (YYYY-MM-DD); default today", date("--on"))
  .option("--json", "print JSON")
  .action((opts) =>
    runAction(async () => (await import("./commands/catalog-command.js")).catalogCommand(opts)),
  );

program
  .command("show")
  .description("Everything about one certification: exam facts, domains, versions, sources")
  .argument("<query>", 'exam code (SAA-C03), slug, alias or name fragment ("sysops")')
  .option("--on <date>", "as of a date (YYYY-MM-DD); default today", date("--on"))
  .option("--json", "print JSON")
  .action((query, opts) =>
    runAction(async () => (await import("./commands/show-command.js")).showCommand(query, opts)),
  );

program
  .command("advise")
  .description("Recommend certification paths for a profile (asks for missing answers in a terminal)")
  .option("--role <role>", "your current role, e.g. developer, sysadmin, architect, non-technical")
  .option("--aws-experience <years>", 'years of hands-on AWS experience, e.g. 0, 1.5, "6 months", none')
  .option(
    "--field-experience <years>",
    "years in your field itself (networking, security, data…); unknown when left out",
  )
  .option("--it-background", "you have an IT or STEM background")
  .option("--no-it-background", "you have no IT or STEM background")
  .option("--stack <services>", "AWS services your organisation uses, comma-separated (s3,lambda,dynamodb)")
  .option("--goal <direction>", "where you want to go, in the same words as --role; default: your role")
  .option("--hours-per-week <hours>", "study hours per week, 0.5 to 80 (default 8)")
  .option("--held <codes>", "certifications you hold, comma-separated; CODE or CODE:YYYY-MM-DD (date earned)")
  .option("--want <codes>", "certifications you already have in mind, comma-separated")
  .option("--target-date <date>", "when you want to be done (YYYY-MM-DD)", date("--target-date"))
  .option("--today <date>", "plan as if today were this date (YYYY-MM-DD)", date("--today"))
  .option("--json", "print JSON")
  .action((opts) =>
    runAction(async () => (await import("./commands/advise-command.js")).adviseCommand(opts)),
  );

program
  .command("services")
  .description("The AWS service words --stack understands (slugs, names and aliases)")
  .option("--json", "print JSON")
  .action((opts) =>
    runAction(async () => (await import("./commands/services-command.js")).servicesCommand(opts)),
  );

program
  .command("serve")
  .description("Serve the web app and the HTTP API")
  .option("--port <port>", "port (default: PORT or 3000)")
  .option("--host <host>", "address to bind (default: HOST or 127.0.0.1)")
  .option(
    "--db <file-or-url>",
    "SQLite file or postgres:// URL (default: DATABASE_URL or ./data/certpath.db)",
  )
  .option(
    "--allowed-host <names>",
    "another host name the server answers to, e.g. behind a proxy (repeat or comma-separate; env CERTPATH_ALLOWED_HOSTS)",
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .action((opts) => runAction(async () => (await import("./commands/serve-command.js")).serveCommand(opts)));

const bank = program
  .command("bank")
  .description("Work with question banks: lint, statistics, import and export (docs/interop.md)");
bank
  .command("lint")
  .description(
    "Check question files: schema, safe text, content rules, blueprint fit, realism, same-question pairs (file:line)",
  )
  .argument("[path]", "a question file or folder (default: the shipped bank, content/questions)")
  .option("--json", "print JSON")
  .action((path, opts) =>
    runAction(async () => (await import("./commands/bank-command.js")).bankLintCommand(path, opts)),
  );
bank
  .command("import")
  .description(
    "Import questions from GIFT, Aiken, Markdown (and more) into certpath YAML, one file per source (docs/interop.md)",
  )
  .argument("<path>", "a source file or a folder of them")
  .option("--format <format>", "gift, moodle-xml, qti, udemy-csv, aiken or markdown")
  .option(
    "--exam <code>",
    "the exam the questions are for (else an exam code in categories, tags or file name)",
  )
  .option("--domain <id>", "the domain for questions whose category or tags name none")
  .option("--out <dir>", "the folder to write the question files to")
  .option("--json", "print JSON")
  .action((path, opts) =>
    runAction(async () => (await import("./commands/interop-command.js")).bankImportCommand(path, opts)),
  );
bank
  .command("export")
  .description("Export an exam's questions to GIFT (and more); says what the format cannot hold")
  .option("--exam <code>", "the exam to export, e.g. SAA-C03")
  .option("--format <format>", "gift, moodle-xml, qti or udemy-csv")
  .option("--out <path>", "the file (or folder) to write")
  .option("--from <path>", "a question file or folder (default: content/questions)")
  .option("--json", "print JSON")
  .action((opts) =>
    runAction(async () => (await import("./commands/interop-command.js")).bankExportCommand(opts)),
  );

const dbOption = [
  "--db <file-or-url>",
  "SQLite file or postgres:// URL (default: DATABASE_URL or ./data/certpath.db)",
] as const;
const collect = (value: string, previous: string[] = []) => [...previous, value];
const asOption = [
  "--as <email>",
  "with accounts: the account to act as (default: the only account; env CERTPATH_USER)",
] as const;

bank
  .command("stats")
  .description(
    "Per exam: question count, per-domain counts against two full forms, type mix, service coverage, realism figures; with --items, item statistics from learners' answers",
  )
  .argument("[path]", "a question file or folder (default: content/questions)")
  .option("--json", "print JSON")
  .option("--markdown", "print the realism figures as Markdown (docs/bank-realism.md)")
  .option("--items", "item statistics (facility, discrimination, choices, time, flags) from the database")
  .option("--exam <code>", "with --items: only this exam's questions, e.g. CLF-C02")
  .option("--limit <n>", "with --items: how many items the table lists (default 50)")
  .option("--all", "with --items --json: every question, also those nobody has answered")
  .option(...dbOption)
  .option(...asOption)
  .action((path, opts) =>
    runAction(async () => {
      if (opts.items) {
        if (path)
          throw new UsageError(
            "--items reads the database, not question files: drop the path (use --exam CODE to pick an exam).",
          );
        return (await import("./commands/item-stats-command.js")).bankItemStatsCommand(opts);
      }
      if (opts.exam || opts.db || opts.limit || opts.as || opts.all)
        throw new UsageError(
          "--exam, --db, --limit, --all and --as go with --items (item statistics from the database).",
        );
      return (await import("./commands/bank-command.js")).bankStatsCommand(path, opts);
    }),
  );
bank
  .command("reports")
  .description("Question reports learners filed from reviews, with each question's statistics (authors)")
  .option("--status <status>", "open | resolved | dismissed | all (default: open)")
  .option("--exam <code>", "only this exam's questions, e.g. CLF-C02")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((opts) =>
    runAction(async () => (await import("./commands/report-command.js")).bankReportsCommand(opts)),
  );
bank
  .command("resolve")
  .description("Close a question report: what changed and when it was verified, or why nothing needs to")
  .argument("<report-id>", "the report's id (or its first characters, as `bank reports` shows)")
  .option("--change <text>", "what you changed in the question")
  .option("--verified-on <date>", "the date you checked the question against its sources (YYYY-MM-DD)")
  .option("--dismiss <reason>", "close it without a change, saying why")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((id, opts) =>
    runAction(async () => (await import("./commands/report-command.js")).bankResolveCommand(id, opts)),
  );

program
  .command("exam")
  .description("Take a practice exam in the terminal: timed exam, practice with feedback, or drill")
  .argument("[code]", "exam code, e.g. CLF-C02 (optional with --resume)")
  .option("--mode <mode>", "exam (timed, feedback at the end) | practice | drill (default: exam)")
  .option("--count <n>", "number of questions (default: the real exam's; drills 10)")
  .option("--seed <seed>", "seed for the question draw, to replay the same form")
  .option("--domain <id>", "only this exam domain, e.g. 2 (repeat or comma-separate)", collect)
  .option("--service <slug>", "only this AWS service, e.g. s3 (repeat or comma-separate)", collect)
  .option("--mistakes", "drill the questions you last answered wrong")
  .option("--resume <attempt-id>", "continue an attempt in progress (id or its first characters)")
  .option(...dbOption)
  .option(...asOption)
  .action((code, opts) =>
    runAction(async () => (await import("./commands/exam-command.js")).examCommand(code, opts)),
  );

program
  .command("history")
  .description("Your practice-exam attempts, newest first")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((opts) =>
    runAction(async () => (await import("./commands/history-command.js")).historyCommand(opts)),
  );

program
  .command("review")
  .description("A submitted attempt: the report, and every question with your answer, the key and why")
  .argument("<attempt-id>", "attempt id (or its first characters, as `certpath history` shows)")
  .option("--wrong", "only questions answered wrong or not at all")
  .option("--flagged", "only questions you flagged for review")
  .option("--domain <id>", "only this exam domain, e.g. 2 (repeat or comma-separate)", collect)
  .option("--report <n>", "report question N of this attempt to the authors (with --kind)")
  .option("--kind <kind>", "with --report: wrong-key | outdated | unclear | other")
  .option("--note <text>", "with --report: what is wrong (required for other; at most 1000 characters)")
  .option("--option <n>", "with --report --kind wrong-key: an option you believe is right (repeat)", collect)
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((id, opts) =>
    runAction(async () =>
      opts.report !== undefined
        ? (await import("./commands/report-command.js")).reviewReportCommand(id, opts)
        : (await import("./commands/review-command.js")).reviewCommand(id, opts),
    ),
  );

program
  .command("readiness")
  .description("Am I ready? Predicted scaled score, its 80% interval and the chance of passing")
  .argument("<exam>", "exam code, e.g. SAA-C03")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((code, opts) =>
    runAction(async () => (await import("./commands/learning-command.js")).readinessCommand(code, opts)),
  );

program
  .command("plan")
  .description("A weekly study plan to an exam date, weighted by domain weight and your weak domains")
  .argument("[exam]", "exam code, e.g. SAA-C03 (or --path)")
  .option("--by <date>", "the exam date to plan towards (YYYY-MM-DD)")
  .option("--hours-per-week <hours>", "hours you can study per week (0.5–80)")
  .option("--path <codes>", "an advisor path instead of one exam, comma-separated (CLF-C02,SAA-C03)")
  .option("--start <date>", "first day of the plan (YYYY-MM-DD); default today")
  .option("--ics <file>", "also write the plan as an iCalendar file")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((code, opts) =>
    runAction(async () => (await import("./commands/learning-command.js")).planCommand(code, opts)),
  );

program
  .command("review-due")
  .description("Review the questions due for spaced repetition (a terminal exam in review mode)")
  .argument("[exam]", "exam code; default: the exam with the most questions due")
  .option("--json", "list what is due as JSON instead")
  .option(...dbOption)
  .option(...asOption)
  .action((code, opts) =>
    runAction(async () => (await import("./commands/learning-command.js")).reviewDueCommand(code, opts)),
  );

const team = program
  .command("team")
  .description(
    "Teams (with accounts): the readiness dashboard and assignments, for the team's leads and admins",
  );
team
  .command("dashboard")
  .description("Per member and assigned exam: pass chance, predicted score, trend, on track / at risk")
  .argument("<team>", "team name or id")
  .option("--csv", "print the dashboard as CSV (the web page's download)")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((name, opts) =>
    runAction(async () => (await import("./commands/team-command.js")).teamDashboardCommand(name, opts)),
  );
team
  .command("assign")
  .description("Assign an exam (or --path) and a target date to the whole team or chosen members")
  .argument("<team>", "team name or id")
  .argument("[exam]", "exam code, e.g. SAA-C03 (or --path)")
  .option("--by <date>", "target date (YYYY-MM-DD)")
  .option("--path <codes>", "an advisor path, comma-separated (CLF-C02,SAA-C03)")
  .option("--member <email>", "only this member (repeat or comma-separate); default the whole team", collect)
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((name, code, opts) =>
    runAction(async () => (await import("./commands/team-command.js")).teamAssignCommand(name, code, opts)),
  );
program
  .command("assignments")
  .description("What your teams assigned you: each exam's date, whether you are on track, your plan")
  .option("--json", "print JSON")
  .option(...dbOption)
  .option(...asOption)
  .action((opts) =>
    runAction(async () => (await import("./commands/team-command.js")).assignmentsCommand(opts)),
  );

const users = program
  .command("users")
  .description("Accounts for a shared server: add, list, remove (the first account turns sign-in on)");
users
  .command("add")
  .description("Add an account; the password is read as one line from standard input")
  .argument("<email>", "the person's email address (their sign-in name)")
  .option("--role <role>", "learner | lead | author | admin")
  .option("--team <name>", "put them in this team (created when missing; a lead leads it)")
  .option(...dbOption)
  .addHelpText(
    "after",
    "\nExamples:\n  certpath users add ana@example.org --role admin              (asks for the password)\n  printf '%s\\n' \"$PW\" | certpath users add li@example.org --role lead --team Platform",
  )
  .action((email, opts) =>
    runAction(async () => (await import("./commands/users-command.js")).usersAddCommand(email, opts)),
  );
users
  .command("list")
  .description("Every account with its role and teams")
  .option("--json", "print JSON")
  .option(...dbOption)
  .action((opts) =>
    runAction(async () => (await import("./commands/users-command.js")).usersListCommand(opts)),
  );
users
  .command("remove")
  .description("Remove an account (signed out everywhere; their attempts and plans stay)")
  .argument("<email>", "the account's email address")
  .option(...dbOption)
  .action((email, opts) =>
    runAction(async () => (await import("./commands/users-command.js")).usersRemoveCommand(email, opts)),
  );

guardPipedOutput();
await program.parseAsync(process.argv);
