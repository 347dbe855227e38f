import type { Kysely, Selectable } from "kysely";
import type { ReportKind, ReportStatus } from "../core/bank/item-queue.js";
import type { Answer } from "../core/bank/question-types.js";
import type { Database, ItemReportsTable } from "./schema.js";

/** One scored answer with what item statistics need: the answer itself and when it was first given. */
export interface ScoredAnswerRow {
  attemptId: string;
  learner: string;
  questionId: string;
  correct: boolean;
  answeredAt: string;
  startedAt: string;
  answer: Answer | null;
  firstAnsweredAt: string | null;
}

/** A question report as stored. */
export interface ItemReport {
  id: string;
  questionId: string;
  exam: string;
  learner: string;
  attemptId: string;
  kind: ReportKind;
  note: string;
  /** Bank ids of the options a "wrong key" report says are right (empty when none were named). */
  suggested: string[];
  createdAt: string;
  status: ReportStatus;
  resolution: string | null;
  verifiedOn: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

function reportFromRow(r: Selectable<ItemReportsTable>): ItemReport {
  return {
    id: r.id,
    questionId: r.question_id,
    exam: r.exam,
    learner: r.learner,
    attemptId: r.attempt_id,
    kind: r.kind as ReportKind,
    note: r.note,
    suggested: r.suggested ? JSON.parse(r.suggested) : [],
    createdAt: r.created_at,
    status: r.status as ReportStatus,
    resolution: r.resolution,
    verifiedOn: r.verified_on,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}

/** Reads for item statistics and the question reports; the same behaviour on SQLite and PostgreSQL. */
export class ItemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The scored answers of exam and practice attempts (drills and reviews are chosen by the learner's weak
   * spots, so they are left out), of one exam or all, with the saved answer and its first-answer time.
   */
  async scoredAnswers(exam?: string): Promise<ScoredAnswerRow[]> {
    const rows = await this.db
      .selectFrom("answer_log as l")
      .innerJoin("attempts as t", "t.id", "l.attempt_id")
      .leftJoin("answers as a", (j) =>
        j.onRef("a.attempt_id", "=", "l.attempt_id").onRef("a.question_id", "=", "l.question_id"),
      )
      .select([
        "l.attempt_id",
        "l.learner",
        "l.question_id",
        "l.correct",
        "l.answered_at",
        "t.started_at",
        "a.selected",
        "a.pairs",
        "a.first_answered_at",
      ])
      .where("l.mode", "in", ["exam", "practice"])
      .$if(exam !== undefined, (q) => q.where("l.exam", "=", exam as string))
      .orderBy("l.answered_at")
      .orderBy("l.attempt_id")
      .orderBy("l.question_id")
      .execute();
    return rows.map((r) => {
      const answer: Answer = {};
      if (r.selected) answer.selected = JSON.parse(r.selected);
      if (r.pairs) answer.pairs = JSON.parse(r.pairs);
      return {
        attemptId: r.attempt_id,
        learner: r.learner,
        questionId: r.question_id,
        correct: r.correct === 1,
        answeredAt: r.answered_at,
        startedAt: r.started_at,
        answer: r.selected || r.pairs ? answer : null,
        firstAnsweredAt: r.first_answered_at ?? null,
      };
    });
  }

  async createReport(report: ItemReport): Promise<void> {
    await this.db
      .insertInto("item_reports")
      .values({
        id: report.id,
        question_id: report.questionId,
        exam: report.exam,
        learner: report.learner,
        attempt_id: report.attemptId,
        kind: report.kind,
        note: report.note,
        suggested: report.suggested.length ? JSON.stringify(report.suggested) : null,
        created_at: report.createdAt,
        status: report.status,
        resolution: null,
        verified_on: null,
        resolved_by: null,
        resolved_at: null,
      })
      .execute();
  }

  async findReport(id: string): Promise<ItemReport | undefined> {
    const r = await this.db.selectFrom("item_reports").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? reportFromRow(r) : undefined;
  }

  /** The learner's open report of this kind on this question, if any (a second one would be noise). */
  async findOpenReport(
    learner: string,
    questionId: string,
    kind: ReportKind,
  ): Promise<ItemReport | undefined> {
    const r = await this.db
      .selectFrom("item_reports")
      .selectAll()
      .where("learner", "=", learner)
      .where("question_id", "=", questionId)
      .where("kind", "=", kind)
      .where("status", "=", "open")
      .executeTakeFirst();
    return r ? reportFromRow(r) : undefined;
  }

  /** When the learner filed reports since `since`, oldest first, at most `limit` (a bound on one account). */
  async reportTimesSince(learner: string, since: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("item_reports")
      .select("created_at")
      .where("learner", "=", learner)
      .where("created_at", ">=", since)
      .orderBy("created_at")
      .limit(limit)
      .execute();
    return rows.map((r) => r.created_at);
  }

  /** Reports, oldest open first (the queue), or newest first for resolved and dismissed ones. */
  async listReports(
    filter: { status?: ReportStatus | undefined; exam?: string | undefined; questionId?: string },
    limit = 500,
  ): Promise<ItemReport[]> {
    const rows = await this.db
      .selectFrom("item_reports")
      .selectAll()
      .$if(filter.status !== undefined, (q) => q.where("status", "=", filter.status as string))
      .$if(filter.exam !== undefined, (q) => q.where("exam", "=", filter.exam as string))
      .$if(filter.questionId !== undefined, (q) => q.where("question_id", "=", filter.questionId as string))
      .orderBy("created_at", filter.status === "open" ? "asc" : "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(reportFromRow);
  }

  /** Open reports' kinds per question (for the author queue). */
  async openReportKinds(exam?: string): Promise<Map<string, ReportKind[]>> {
    const rows = await this.db
      .selectFrom("item_reports")
      .select(["question_id", "kind"])
      .where("status", "=", "open")
      .$if(exam !== undefined, (q) => q.where("exam", "=", exam as string))
      .orderBy("question_id")
      .orderBy("created_at")
      .execute();
    const out = new Map<string, ReportKind[]>();
    for (const r of rows) out.set(r.question_id, [...(out.get(r.question_id) ?? []), r.kind as ReportKind]);
    return out;
  }

  /**
   * Closes an open report (resolved or dismissed) with what was done; false when it was not open any more
   * (another author closed it first: the check and the write are one statement).
   */
  async closeReport(
    id: string,
    close: {
      status: Exclude<ReportStatus, "open">;
      resolution: string;
      verifiedOn: string | null;
      resolvedBy: string;
      resolvedAt: string;
    },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("item_reports")
      .set({
        status: close.status,
        resolution: close.resolution,
        verified_on: close.verifiedOn,
        resolved_by: close.resolvedBy,
        resolved_at: close.resolvedAt,
      })
      .where("id", "=", id)
      .where("status", "=", "open")
      .returning("id")
      .executeTakeFirst();
    return r !== undefined;
  }
}
