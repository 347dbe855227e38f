import type { Kysely } from "kysely";
import type { AnswerMode } from "../core/learning/readiness.js";
import type { Database } from "./schema.js";

/** A logged scored answer, as stored (domain is looked up from the bank by the caller). */
export interface LoggedAnswer {
  questionId: string;
  correct: boolean;
  mode: AnswerMode;
  answeredAt: string;
}

/** A stored study plan: the request it was made from and the plan as last computed. */
export interface StoredPlan {
  id: string;
  learner: string;
  exams: string[];
  targetDate: string;
  request: unknown;
  plan: unknown;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The learning loop's storage: the answer log (evidence) and study plans; same on SQLite and PostgreSQL. */
export class LearningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every scored answer of a learner on one exam, oldest first. */
  async answers(learner: string, exam: string): Promise<LoggedAnswer[]> {
    const rows = await this.db
      .selectFrom("answer_log")
      .select(["question_id", "correct", "mode", "answered_at"])
      .where("learner", "=", learner)
      .where("exam", "=", exam)
      .orderBy("answered_at")
      .orderBy("question_id")
      .execute();
    return rows.map((r) => ({
      questionId: r.question_id,
      correct: r.correct === 1,
      mode: r.mode as AnswerMode,
      answeredAt: r.answered_at,
    }));
  }

  async createPlan(plan: StoredPlan): Promise<void> {
    await this.db
      .insertInto("plans")
      .values({
        id: plan.id,
        learner: plan.learner,
        exams: plan.exams.join(","),
        target_date: plan.targetDate,
        request: JSON.stringify(plan.request),
        plan: JSON.stringify(plan.plan),
        version: plan.version,
        created_at: plan.createdAt,
        updated_at: plan.updatedAt,
      })
      .execute();
  }

  /** Replaces the computed plan when the stored version is still `fromVersion` (a concurrent re-plan wins once). */
  async updatePlan(id: string, fromVersion: number, plan: unknown, updatedAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable("plans")
      .set({ plan: JSON.stringify(plan), version: fromVersion + 1, updated_at: updatedAt })
      .where("id", "=", id)
      .where("version", "=", fromVersion)
      .returning("id")
      .executeTakeFirst();
    return r !== undefined;
  }

  async findPlan(id: string): Promise<StoredPlan | undefined> {
    const r = await this.db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  /** The learner's newest plan that includes `exam`, if any. */
  async latestPlanFor(learner: string, exam: string): Promise<StoredPlan | undefined> {
    return (await this.listPlans(learner)).find((p) => p.exams.includes(exam));
  }

  /** The learner's plans, newest first. */
  async listPlans(learner: string): Promise<StoredPlan[]> {
    const rows = await this.db
      .selectFrom("plans")
      .selectAll()
      .where("learner", "=", learner)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(100)
      .execute();
    return rows.map(fromRow);
  }
}

function fromRow(r: Database["plans"]): StoredPlan {
  return {
    id: r.id,
    learner: r.learner,
    exams: r.exams.split(","),
    targetDate: r.target_date,
    request: JSON.parse(r.request),
    plan: JSON.parse(r.plan),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
