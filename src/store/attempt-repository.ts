import type { Kysely, Selectable } from "kysely";
import type { Answer } from "../core/bank/question-types.js";
import { NotFoundError } from "../core/errors.js";
import type { Attempt, ExamMode, SavedAnswer } from "../core/exam/attempt.js";
import type { Dialect } from "./database.js";
import { PreparedQueries } from "./prepared-queries.js";
import type { AnswersTable, AttemptsTable, Database } from "./schema.js";

function toRow(a: Attempt): AttemptsTable {
  return {
    id: a.id,
    learner: a.learner,
    exam: a.exam,
    mode: a.mode,
    status: a.status,
    seed: a.seed,
    id_key: a.idKey,
    started_at: a.startedAt,
    ends_at: a.endsAt,
    submitted_at: a.submittedAt,
    question_ids: JSON.stringify(a.questionIds),
    option_order: JSON.stringify(a.optionOrder),
    prompt_order: JSON.stringify(a.promptOrder),
    notice: a.notice,
    retake_of: a.retakeOf,
    result: a.result ? JSON.stringify(a.result) : null,
  };
}

// Attempts stored before opaque ids had no key: theirs derives from what the row holds (they predate the rule).
const idKeyOf = (r: Pick<AttemptsTable, "id" | "seed" | "id_key">) => r.id_key ?? `legacy:${r.id}:${r.seed}`;

function fromRow(r: AttemptsTable): Attempt {
  return {
    id: r.id,
    learner: r.learner,
    exam: r.exam,
    mode: r.mode as ExamMode,
    status: r.status as Attempt["status"],
    seed: r.seed,
    idKey: idKeyOf(r),
    startedAt: r.started_at,
    endsAt: r.ends_at,
    submittedAt: r.submitted_at,
    questionIds: JSON.parse(r.question_ids),
    optionOrder: JSON.parse(r.option_order),
    promptOrder: JSON.parse(r.prompt_order),
    notice: r.notice,
    retakeOf: r.retake_of,
    result: r.result ? JSON.parse(r.result) : null,
  };
}

function answerFromRow(r: Selectable<AnswersTable>): SavedAnswer {
  const a: SavedAnswer = {
    questionId: r.question_id,
    flagged: Boolean(r.flagged),
    locked: Boolean(r.locked),
    updatedAt: r.updated_at,
  };
  if (r.selected !== null) a.selected = JSON.parse(r.selected);
  if (r.pairs !== null) a.pairs = JSON.parse(r.pairs);
  return a;
}

/** One line of the attempt history. */
export interface AttemptSummary {
  id: string;
  exam: string;
  mode: ExamMode;
  status: Attempt["status"];
  startedAt: string;
  endsAt: string | null;
  submittedAt: string | null;
  questions: number;
  result: Attempt["result"];
}

export interface HistoryEntry {
  questionId: string;
  exam: string;
  correct: boolean;
  at: string;
  /** The attempt and its mode: with them the answer is also logged as evidence (answer_log), once per attempt. */
  attemptId?: string | undefined;
  mode?: ExamMode | undefined;
}

/** Attempts, answers and per-question history; the same behaviour on SQLite and PostgreSQL. */
export class AttemptRepository {
  private readonly prepared: PreparedQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect = "sqlite",
  ) {
    this.prepared = new PreparedQueries(db);
  }

  async create(attempt: Attempt): Promise<void> {
    await this.db.insertInto("attempts").values(toRow(attempt)).execute();
  }

  async find(id: string): Promise<Attempt | undefined> {
    const row = await this.db.selectFrom("attempts").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async get(id: string): Promise<Attempt> {
    const a = await this.find(id);
    if (!a) throw new NotFoundError("attempt.not_found", `No attempt has the id "${id}".`);
    return a;
  }

  /** The few fields an answer save needs, without decoding the whole attempt. */
  async findOpenState(
    id: string,
  ): Promise<
    | Pick<Attempt, "id" | "learner" | "exam" | "mode" | "status" | "endsAt" | "questionIds" | "idKey">
    | undefined
  > {
    const {
      rows: [r],
    } = await this.prepared.run(
      "findOpenState",
      (p) =>
        this.db
          .selectFrom("attempts")
          .select(["id", "learner", "exam", "mode", "status", "ends_at", "question_ids", "seed", "id_key"])
          .where("id", "=", p("id")),
      { id },
    );
    if (!r) return undefined;
    return {
      id: r.id,
      learner: r.learner,
      exam: r.exam,
      mode: r.mode as ExamMode,
      status: r.status as Attempt["status"],
      endsAt: r.ends_at,
      questionIds: JSON.parse(r.question_ids),
      idKey: idKeyOf(r),
    };
  }

  /**
   * Questions of the learner's exam-mode attempts still running at `now` (no route may show their keys),
   * with the attempt each belongs to.
   */
  async openExamQuestions(learner: string, now: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("attempts")
      .select(["id", "question_ids"])
      .where("learner", "=", learner)
      .where("mode", "=", "exam")
      .where("status", "=", "in-progress")
      .where((w) => w.or([w("ends_at", "is", null), w("ends_at", ">", now)]))
      .execute();
    const out = new Map<string, string>();
    for (const r of rows) for (const q of JSON.parse(r.question_ids) as string[]) out.set(q, r.id);
    return out;
  }

  /** Newest first. */
  async list(learner: string, limit = 200): Promise<Attempt[]> {
    const rows = await this.db
      .selectFrom("attempts")
      .selectAll()
      .where("learner", "=", learner)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  /** Newest first, only what a history list shows: no question order or option order is decoded. */
  async listSummaries(learner: string, limit = 200): Promise<AttemptSummary[]> {
    const rows = await this.db
      .selectFrom("attempts")
      .select([
        "id",
        "exam",
        "mode",
        "status",
        "started_at",
        "ends_at",
        "submitted_at",
        "question_ids",
        "result",
      ])
      .where("learner", "=", learner)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      exam: r.exam,
      mode: r.mode as ExamMode,
      status: r.status as Attempt["status"],
      startedAt: r.started_at,
      endsAt: r.ends_at,
      submittedAt: r.submitted_at,
      questions: (JSON.parse(r.question_ids) as unknown[]).length,
      result: r.result ? JSON.parse(r.result) : null,
    }));
  }

  /**
   * Saves (or replaces) one answer, only while the attempt is still open at `now`. The openness check
   * and the write are a single statement, so a concurrent submit cannot slip between them; a field left
   * out (e.g. a flag-only update) keeps its saved value. A locked answer (`lock`: practice feedback was
   * given) never changes again; only its flag does. Returns false when the attempt was closed or the
   * answer is locked (`isLocked` tells which).
   */
  async saveAnswer(
    attemptId: string,
    questionId: string,
    answer: Answer & { flagged?: boolean | undefined },
    now: string,
    lock = false,
  ): Promise<boolean> {
    const selected = answer.selected !== undefined ? JSON.stringify(answer.selected) : null;
    const pairs = answer.pairs !== undefined ? JSON.stringify(answer.pairs) : null;
    const flagged = answer.flagged !== undefined ? Number(answer.flagged) : null;
    const changesAnswer = selected !== null || pairs !== null;
    // One compiled statement per combination of given fields: a field left out keeps its saved value.
    const shape = `saveAnswer:${selected === null}:${pairs === null}:${flagged === null}:${lock}`;
    const { rows, affected } = await this.prepared.run(
      shape,
      (p) =>
        this.db
          .insertInto("answers")
          .columns([
            "attempt_id",
            "question_id",
            "selected",
            "pairs",
            "flagged",
            "locked",
            "updated_at",
            "first_answered_at",
          ])
          .expression((eb) =>
            eb
              .selectFrom("attempts")
              .select([
                "id",
                eb.val(p("questionId")).as("question_id"),
                eb.val(p("selected")).as("selected"),
                eb.val(p("pairs")).as("pairs"),
                eb.val(p("flagged")).as("flagged"),
                eb.val(p("locked")).as("locked"),
                eb.val(p("now")).as("updated_at"),
                eb.val(p("firstAnsweredAt")).as("first_answered_at"),
              ])
              .where("id", "=", p("attemptId"))
              .where("status", "=", "in-progress")
              .where((w) => w.or([w("ends_at", "is", null), w("ends_at", ">", p("now"))])),
          )
          .onConflict((oc) => {
            const update = oc.columns(["attempt_id", "question_id"]).doUpdateSet((eb) => ({
              selected: selected === null ? eb.ref("answers.selected") : eb.ref("excluded.selected"),
              pairs: pairs === null ? eb.ref("answers.pairs") : eb.ref("excluded.pairs"),
              flagged: flagged === null ? eb.ref("answers.flagged") : eb.ref("excluded.flagged"),
              locked: lock ? eb.ref("excluded.locked") : eb.ref("answers.locked"),
              updated_at: eb.ref("excluded.updated_at"),
              // Set by the first save that carries an answer, then kept.
              first_answered_at: eb.fn.coalesce("answers.first_answered_at", "excluded.first_answered_at"),
            }));
            // The lock check is part of the same statement, so two racing answers cannot both be scored.
            return changesAnswer ? update.where("answers.locked", "=", 0) : update;
          })
          // SQLite reports the affected rows, and RETURNING on an upsert costs it ~15× the statement;
          // PGlite reports no row counts, so PostgreSQL dialects use RETURNING.
          .$if(this.dialect !== "sqlite", (q) => q.returning("question_id")),
      {
        questionId,
        selected,
        pairs,
        flagged: flagged ?? 0,
        locked: lock ? 1 : 0,
        now,
        attemptId,
        firstAnsweredAt: changesAnswer ? now : null,
      },
    );
    return this.dialect === "sqlite" ? affected === 1n : rows.length > 0;
  }

  /** True when the answer to this question of this attempt is locked (practice feedback was given). */
  async isLocked(attemptId: string, questionId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("answers")
      .select("locked")
      .where("attempt_id", "=", attemptId)
      .where("question_id", "=", questionId)
      .executeTakeFirst();
    return Boolean(row?.locked);
  }

  async answers(attemptId: string): Promise<SavedAnswer[]> {
    const rows = await this.db
      .selectFrom("answers")
      .selectAll()
      .where("attempt_id", "=", attemptId)
      .orderBy("question_id")
      .execute();
    return rows.map(answerFromRow);
  }

  /**
   * Marks an attempt submitted with its result and records the learner's history, once: a second
   * submit (or an auto-submit racing a manual one) changes nothing and returns false.
   */
  async submit(
    attempt: Attempt,
    result: NonNullable<Attempt["result"]>,
    submittedAt: string,
    history: HistoryEntry[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // RETURNING instead of the affected-row count, which not every driver reports (PGlite does not).
      const changed = await trx
        .updateTable("attempts")
        .set({ status: "submitted", submitted_at: submittedAt, result: JSON.stringify(result) })
        .where("id", "=", attempt.id)
        .where("status", "=", "in-progress")
        .returning("id")
        .executeTakeFirst();
      if (!changed) return false;
      // One statement per 100 questions instead of one per question.
      const logged = history.map((h) => ({ attemptId: attempt.id, mode: attempt.mode, ...h }));
      for (let i = 0; i < logged.length; i += 100)
        await recordHistory(trx, attempt.learner, logged.slice(i, i + 100));
      return true;
    });
  }

  /** Records answers given outside a submission (practice feedback). */
  async recordHistory(learner: string, entry: HistoryEntry): Promise<void> {
    await recordHistory(this.db, learner, [entry]);
  }

  /** Ids of questions of an exam the learner has seen. */
  async seenQuestionIds(learner: string, exam: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom("question_history")
      .select("question_id")
      .where("learner", "=", learner)
      .where("exam", "=", exam)
      .execute();
    return new Set(rows.map((r) => r.question_id));
  }

  /** Ids of questions the learner got wrong the last time they answered them. */
  async lastWrongQuestionIds(learner: string, exam: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("question_history")
      .select("question_id")
      .where("learner", "=", learner)
      .where("exam", "=", exam)
      .where("last_correct", "=", 0)
      .orderBy("last_answered_at", "desc")
      .orderBy("question_id")
      .execute();
    return rows.map((r) => r.question_id);
  }
}

/** Upserts history rows (distinct questions) in one statement, and logs each scored answer once per attempt. */
async function recordHistory(db: Kysely<Database>, learner: string, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const logged = entries.filter((h) => h.attemptId && h.mode);
  if (logged.length > 0)
    await db
      .insertInto("answer_log")
      .values(
        logged.map((h) => ({
          attempt_id: h.attemptId as string,
          question_id: h.questionId,
          learner,
          exam: h.exam,
          mode: h.mode as string,
          correct: h.correct ? 1 : 0,
          answered_at: h.at,
        })),
      )
      .onConflict((oc) => oc.columns(["attempt_id", "question_id"]).doNothing())
      .execute();
  await db
    .insertInto("question_history")
    .values(
      entries.map((h) => ({
        learner,
        question_id: h.questionId,
        exam: h.exam,
        times_seen: 1,
        times_correct: h.correct ? 1 : 0,
        last_correct: h.correct ? 1 : 0,
        last_answered_at: h.at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["learner", "question_id"]).doUpdateSet((eb) => ({
        times_seen: eb("question_history.times_seen", "+", 1),
        times_correct: eb("question_history.times_correct", "+", eb.ref("excluded.times_correct")),
        last_correct: eb.ref("excluded.last_correct"),
        last_answered_at: eb.ref("excluded.last_answered_at"),
      })),
    )
    .execute();
}
