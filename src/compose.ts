import { randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import type { AccountService } from "./app/account-service.js";
import type { Download } from "./app/bank-export.js";
import { ExamService, LOCAL_LEARNER } from "./app/exam-service.js";
import type { ImportService } from "./app/import-service.js";
import type { ItemService } from "./app/item-service.js";
import type { LearningService } from "./app/learning-service.js";
import { type Actor, localActor } from "./app/policy.js";
import type { RecordAccess } from "./app/record-access.js";
import type { ReportService } from "./app/report-service.js";
import type { TeamService } from "./app/team-service.js";
import { contentRoot } from "./content/content-root.js";
import { loadCoreContentFast, loadQuestionsFast } from "./content/content-snapshot.js";
import type { CoreContent } from "./content/load-content.js";
import type { Question } from "./core/bank/question-types.js";
/** The calendar date where the user is (the process's time zone): at 21:00 in California it is still today there. */
export function localIsoDate(instant: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${instant.getFullYear()}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}`;
}

/** The one place where content, clock and storage are wired together for the shells. */
export interface AppContext extends CoreContent {
  now: () => Date;
  today: () => string;
}

/** Builds the context the CLI and the server use; `now` can be fixed for tests. */
export async function createContext(
  options: { now?: () => Date; content?: CoreContent } = {},
): Promise<AppContext> {
  const content = options.content ?? (await loadCoreContentFast());
  const now = options.now ?? (() => new Date());
  return { ...content, now, today: () => localIsoDate(now()) };
}

/** Import jobs and exports for authors (issue 14), over the same database as the exams. */
export interface AuthoringContext {
  imports: ImportService;
  exportBank(exam: string, format: string): Download;
}

export interface ExamContext {
  exams: ExamService;
  authoring: AuthoringContext;
  /** Readiness, spaced repetition and study plans over the same database. */
  learning: LearningService;
  /** Item statistics and the author queue (authors and admins). */
  items: ItemService;
  /** Question reports: learners file them from reviews, authors resolve them. */
  reports: ReportService;
  /** Who the CLI acts for: the local learner, or with accounts the account named by --as. */
  actor: Actor;
  /** The actor's learner id (the CLI's records). */
  learner: string;
  /** Accounts, sessions, sign-in limits and invitations. */
  accounts: AccountService;
  /** Teams: stack and advice, assignments, the dashboard. */
  teams: TeamService;
  /** The policy applied to attempts and plans named by id. */
  access: RecordAccess;
  /** Where the attempts are stored, for logs. */
  location: string;
  close(): Promise<void>;
}

/** Parses and checks the question bank (file:line errors on any problem; the realism figures are `bank lint`'s). */
export async function loadQuestionBankChecked(
  ctx: AppContext,
  root = join(contentRoot(), "questions"),
): Promise<Question[]> {
  const { loadQuestionFiles, scanQuestionFiles, sizeProblem } = await import("./content/load-questions.js");
  const { lintBank } = await import("./core/bank/bank-lint.js");
  const { ContentError } = await import("./content/content-error.js");
  const scan = scanQuestionFiles(root);
  const early = [...scan.problems, ...scan.files.flatMap((f) => sizeProblem(f) ?? [])];
  if (early.length > 0) throw new ContentError(early);
  const load = loadQuestionFiles(scan.files);
  // Broken or oversized files stop the start at once, with file:line, before the whole-bank checks.
  if (load.problems.length > 0) throw new ContentError(load.problems);
  const problems = lintBank(load.questions, ctx.catalog, ctx.today(), { realism: false }).problems;
  if (problems.length > 0) throw new ContentError(problems);
  return load.questions.map((q) => q.question);
}

/** The question bank the server and the exam commands use: the build's checked snapshot, or a fresh check. */
export function loadQuestionBank(ctx: AppContext): Promise<Question[]> {
  return loadQuestionsFast(() => loadQuestionBankChecked(ctx));
}

/** Opens the database and the question bank behind practice exams. */
export async function openExamContext(
  ctx: AppContext,
  options: {
    databaseUrl?: string | undefined;
    questions?: Question[];
    /** Tests only: fixed id keys, so that a form's opaque ids replay exactly. */
    newIdKey?: () => string;
    /** Read-only commands: a missing SQLite file is an error, never created. */
    readOnly?: boolean;
  } = {},
): Promise<ExamContext> {
  const { openStore } = await import("./store/database.js");
  const { AttemptRepository } = await import("./store/attempt-repository.js");
  const { indexBank } = await import("./core/exam/form-assembly.js");
  const { LearningRepository } = await import("./store/learning-repository.js");
  const { LearningService } = await import("./app/learning-service.js");
  const { hmacIds, newIdKey } = await import("./app/opaque-ids.js");
  const { ItemRepository } = await import("./store/item-repository.js");
  const { ItemService } = await import("./app/item-service.js");
  const { ReportService } = await import("./app/report-service.js");
  const { AccountRepository } = await import("./store/account-repository.js");
  const { AccountService } = await import("./app/account-service.js");
  const { RecordAccess } = await import("./app/record-access.js");
  const questions =
    options.questions ?? (await withImports(await loadQuestionBank(ctx), options.databaseUrl));
  const store = await openStore(options.databaseUrl, { readOnly: options.readOnly ?? false });
  const byId = new Map(questions.map((q) => [q.id, q]));
  const { isServed } = await import("./core/bank/question-types.js");
  // Drafts are never served: reviews, readiness and plans see only servable questions; past attempts keep theirs.
  const served = new Map(questions.filter(isServed).map((q) => [q.id, q]));
  const learning = new LearningService({
    catalog: ctx.catalog,
    rules: ctx.rules,
    questions: served,
    repo: new LearningRepository(store.db),
    now: ctx.now,
    today: ctx.today,
    newId: () => randomUUID(),
  });
  const attempts = new AttemptRepository(store.db, store.dialect);
  const accountRepo = new AccountRepository(store.db);
  const itemRepo = new ItemRepository(store.db);
  const items = new ItemService({ questions: byId, items: itemRepo });
  const reports = new ReportService({
    questions: byId,
    items: itemRepo,
    attempts,
    stats: items,
    idHash: hmacIds,
    now: ctx.now,
    today: ctx.today,
    newId: () => randomUUID(),
    emailOf: async (learner) => (await accountRepo.findUserById(learner))?.email,
  });
  const exams = new ExamService({
    catalog: ctx.catalog,
    bank: indexBank(questions),
    questions: byId,
    repo: attempts,
    dueReviews: (learner, exam) => learning.dueQuestionIds(learner, exam),
    now: ctx.now,
    newId: () => randomUUID(),
    newSeed: () => randomBytes(6).toString("hex"),
    newIdKey: options.newIdKey ?? newIdKey,
    idHash: hmacIds,
  });
  const accounts = new AccountService({ repo: accountRepo, now: ctx.now, newId: () => randomUUID() });
  const { TeamService } = await import("./app/team-service.js");
  const { TeamRepository } = await import("./store/team-repository.js");
  const { AssignmentRepository } = await import("./store/assignment-repository.js");
  const teams = new TeamService({
    catalog: ctx.catalog,
    rules: ctx.rules,
    learning,
    teams: new TeamRepository(store.db),
    assignments: new AssignmentRepository(store.db),
    now: ctx.now,
    today: ctx.today,
    newId: () => randomUUID(),
  });
  const access = new RecordAccess({
    attemptOwner: (id, expected) => exams.ownerOf(id, expected),
    planOwner: (id) => learning.planOwner(id),
    teamsOf: async (userId) => (await accountRepo.teamsOf(userId)).map((t) => t.id),
  });
  const authoring = await openAuthoring(ctx, store.db, questions, options.databaseUrl);
  return {
    exams,
    learning,
    authoring,
    items,
    reports,
    actor: localActor(LOCAL_LEARNER),
    learner: LOCAL_LEARNER,
    accounts,
    teams,
    access,
    location: store.location,
    close: async () => {
      await authoring.imports.idle();
      await store.close();
    },
  };
}

/** The shipped bank plus the imports confirmed through the web page (their folder is read at start). */
async function withImports(bank: Question[], databaseUrl: string | undefined): Promise<Question[]> {
  const { importsDir, loadImportedQuestions } = await import("./content/import-output.js");
  const imported = loadImportedQuestions(importsDir(databaseUrl), new Set(bank.map((q) => q.id)));
  return imported.length > 0 ? [...bank, ...imported] : bank;
}

async function openAuthoring(
  ctx: AppContext,
  db: import("./store/database.js").Store["db"],
  questions: Question[],
  databaseUrl: string | undefined,
): Promise<AuthoringContext> {
  const { ImportService } = await import("./app/import-service.js");
  const { ImportJobRepository } = await import("./store/import-job-repository.js");
  const { exportBank } = await import("./app/bank-export.js");
  const { convertFileOffThread, BANK_WRITERS } = await import("./app/import-convert.js");
  const { importsDir, writeImport } = await import("./content/import-output.js");
  const dir = importsDir(databaseUrl);
  const ids = new Set(questions.map((q) => q.id));
  const imports = new ImportService({
    repo: new ImportJobRepository(db),
    catalog: ctx.catalog,
    convert: convertFileOffThread,
    bankIds: () => ids,
    write: async (exam, jobId, files) => writeImport(dir, exam, jobId, files),
    now: ctx.now,
    today: ctx.today,
    newId: () => randomUUID(),
    worker: `${process.pid}-${randomBytes(4).toString("hex")}`,
  });
  return { imports, exportBank: (exam, format) => exportBank(BANK_WRITERS, questions, exam, format) };
}
