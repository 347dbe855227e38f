import { terminalSafe } from "../cli/safe-text.js";
import { REPORT_KINDS, type ReportKind, type ReportStatus } from "../core/bank/item-queue.js";
import type { ItemStatistics } from "../core/bank/item-statistics.js";
import type { Question } from "../core/bank/question-types.js";
import { isIsoDate } from "../core/dates.js";
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from "../core/errors.js";
import { type IdHash, type IdKind, questionIds } from "../core/exam/attempt-ids.js";
import type { AttemptRepository } from "../store/attempt-repository.js";
import type { ItemReport, ItemRepository } from "../store/item-repository.js";
import type { ItemService } from "./item-service.js";

export interface ReportServiceDeps {
  questions: ReadonlyMap<string, Question>;
  items: ItemRepository;
  attempts: AttemptRepository;
  stats: ItemService;
  idHash: (key: string) => IdHash;
  now: () => Date;
  today: () => string;
  newId: () => string;
  /** The email of a learner id (accounts), or undefined for the local learner and removed accounts. */
  emailOf?: ((learner: string) => Promise<string | undefined>) | undefined;
}

/** What a learner sends to report a question (options in the attempt's opaque ids). */
export interface ReportInput {
  kind: ReportKind;
  note?: string | undefined;
  options?: string[] | undefined;
}

export interface ResolveInput {
  status: "resolved" | "dismissed";
  /** What changed (resolved) or why nothing needs to (dismissed). */
  resolution: string;
  /** The date the question was checked against the sources (YYYY-MM-DD); required to resolve. */
  verifiedOn?: string | undefined;
}

export const NOTE_MAX = 1000;
export const RESOLUTION_MAX = 2000;
/** Reports one learner may file in a day: enough for any honest review, a bound on a flood. */
export const REPORTS_PER_DAY = 50;

/** Untrusted text: control characters and escapes removed, runs of blank lines collapsed, trimmed. */
export function cleanNote(text: string): string {
  return terminalSafe(text.replace(/\r\n?/g, "\n"))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const KIND_OF_ANSWER = (q: Question): IdKind => (q.type === "ordering" ? "item" : "option");

/** A question as an author sees it next to a report: stem, options with the key, the bank's verifiedOn. */
function questionForAuthor(q: Question | undefined) {
  if (!q) return null;
  const options =
    q.type === "ordering"
      ? q.items.map((i, n) => ({ id: i.id, text: i.text, key: n === 0 }))
      : q.type === "matching"
        ? q.options.map((o) => ({ id: o.id, text: o.text, key: false }))
        : q.options.map((o) => ({ id: o.id, text: o.text, key: o.correct }));
  return { stem: q.stem, type: q.type, domain: q.domain, verifiedOn: q.verifiedOn, options };
}

/** Question reports: learners file them from reviews; authors and admins resolve or dismiss them. */
export class ReportService {
  constructor(private readonly d: ReportServiceDeps) {}

  /**
   * A learner reports a question of their own SUBMITTED attempt (a running exam shows no key, and a report
   * must not become a way to probe for one). Another learner's attempt is "not found".
   */
  async report(learner: string, attemptId: string, questionId: string, input: ReportInput) {
    const attempt = await this.d.attempts.find(attemptId);
    if (!attempt || attempt.learner !== learner)
      throw new NotFoundError("attempt.not_found", `No attempt has the id "${attemptId}".`);
    if (attempt.status !== "submitted")
      throw new ConflictError(
        "attempt.not_submitted",
        "Questions are reported from the review, which opens after the attempt is submitted.",
      );
    const q = this.d.questions.get(questionId);
    if (!q || !attempt.questionIds.includes(questionId))
      throw new NotFoundError(
        "attempt.question_not_found",
        `Question "${questionId}" is not part of attempt ${attemptId}.`,
      );
    if (!REPORT_KINDS.includes(input.kind))
      throw new ValidationError("report.invalid_input", `kind: use one of ${REPORT_KINDS.join(", ")}.`, {
        field: "kind",
        allowed: REPORT_KINDS,
      });
    const note = cleanNote(input.note ?? "");
    if (note.length > NOTE_MAX)
      throw new ValidationError(
        "report.invalid_input",
        `note: at most ${NOTE_MAX} characters (this one has ${note.length}).`,
        { field: "note" },
      );
    if (input.kind === "other" && note.length < 3)
      throw new ValidationError("report.invalid_input", 'note: say what is wrong when the kind is "other".', {
        field: "note",
      });
    const ids = questionIds(q, this.d.idHash(attempt.idKey));
    const suggested = [...new Set(input.options ?? [])].map((o) => {
      const bank = ids.bank(KIND_OF_ANSWER(q), o);
      if (bank === undefined)
        throw new ValidationError(
          "report.invalid_input",
          `options: "${o}" is not an option of this question in this attempt.`,
          { field: "options" },
        );
      return bank;
    });
    if (await this.d.items.findOpenReport(learner, questionId, input.kind))
      throw new ConflictError(
        "report.duplicate",
        "You already reported this question for the same reason; an author will look at it.",
      );
    const now = this.d.now();
    const day = 86_400_000;
    const recent = await this.d.items.reportTimesSince(
      learner,
      new Date(now.getTime() - day).toISOString(),
      REPORTS_PER_DAY,
    );
    if (recent.length >= REPORTS_PER_DAY) {
      // The oldest of the day's reports leaves the 24-hour window first.
      const wait = Math.max(1, Math.ceil((Date.parse(recent[0] as string) + day - now.getTime()) / 1000));
      throw new RateLimitedError(
        "report.too_many",
        `You filed ${REPORTS_PER_DAY} reports in the last 24 hours, the most a day allows; try again in ${Math.ceil(wait / 3600)} hour${wait > 3600 ? "s" : ""}.`,
        wait,
      );
    }
    const report: ItemReport = {
      id: this.d.newId(),
      questionId,
      exam: q.exam,
      learner,
      attemptId,
      kind: input.kind,
      note,
      suggested,
      createdAt: now.toISOString(),
      status: "open",
      resolution: null,
      verifiedOn: null,
      resolvedBy: null,
      resolvedAt: null,
    };
    await this.d.items.createReport(report);
    // The learner gets back what they sent, nothing about the key or other learners.
    return {
      id: report.id,
      questionId,
      kind: report.kind,
      note,
      status: report.status,
      createdAt: report.createdAt,
    };
  }

  /** Reports for authors (open ones oldest first), each with its question and the question's statistics. */
  async list(filter: { status?: ReportStatus | undefined; exam?: string | undefined }) {
    const exam = filter.exam === undefined ? undefined : this.d.stats.examCode(filter.exam);
    const reports = await this.d.items.listReports({ status: filter.status, exam });
    return { reports: await this.views(reports) };
  }

  private async views(reports: ItemReport[]) {
    const exams = [...new Set(reports.map((r) => r.exam))];
    const stats = new Map<string, ItemStatistics>();
    for (const e of exams)
      if (this.d.stats.banks().includes(e))
        for (const s of await this.d.stats.statistics(e)) stats.set(s.questionId, s);
    const emails = new Map<string, string | null>();
    for (const l of new Set(reports.map((r) => r.learner)))
      emails.set(l, (await this.d.emailOf?.(l)) ?? null);
    return reports.map((r) => ({
      ...r,
      reporter: emails.get(r.learner) ?? null,
      question: questionForAuthor(this.d.questions.get(r.questionId)),
      statistics: stats.get(r.questionId) ?? null,
    }));
  }

  /** Resolves (what changed, verifiedOn) or dismisses (why) an open report; a closed one is a 409. */
  async resolve(actor: string, id: string, input: ResolveInput) {
    const report = await this.d.items.findReport(id);
    if (!report) throw new NotFoundError("report.not_found", `No report has the id "${id}".`);
    const resolution = cleanNote(input.resolution);
    if (resolution.length < 3 || resolution.length > RESOLUTION_MAX)
      throw new ValidationError(
        "report.invalid_input",
        input.status === "resolved"
          ? `resolution: say what changed in the question (3 to ${RESOLUTION_MAX} characters).`
          : `resolution: say why nothing needs to change (3 to ${RESOLUTION_MAX} characters).`,
        { field: "resolution" },
      );
    let verifiedOn: string | null = null;
    if (input.status === "resolved") {
      if (!input.verifiedOn || !isIsoDate(input.verifiedOn))
        throw new ValidationError(
          "report.invalid_input",
          "verifiedOn: the date you checked the question against its sources, as YYYY-MM-DD.",
          { field: "verifiedOn" },
        );
      if (input.verifiedOn > this.d.today())
        throw new ValidationError(
          "report.invalid_input",
          `verifiedOn: ${input.verifiedOn} is in the future; use the date you checked the question.`,
          { field: "verifiedOn" },
        );
      verifiedOn = input.verifiedOn;
    }
    const closed = await this.d.items.closeReport(id, {
      status: input.status,
      resolution,
      verifiedOn,
      resolvedBy: actor,
      resolvedAt: this.d.now().toISOString(),
    });
    if (!closed)
      throw new ConflictError(
        "report.closed",
        `Report ${id} was already ${report.status === "open" ? "closed by someone else" : report.status}.`,
      );
    const [view] = await this.views([(await this.d.items.findReport(id)) as ItemReport]);
    return view;
  }
}
