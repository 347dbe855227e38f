import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { teamsMigration } from "./teams-migration.js";

// Migrations live in code (not files on disk) so the bundled CLI carries them; never edit a shipped one.
const migrations: Record<string, Migration> = {
  "2026-11-26-001-attempts": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("attempts")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("learner", "varchar(128)", (c) => c.notNull())
        .addColumn("exam", "varchar(16)", (c) => c.notNull())
        .addColumn("mode", "varchar(16)", (c) => c.notNull())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("seed", "varchar(128)", (c) => c.notNull())
        .addColumn("started_at", "varchar(32)", (c) => c.notNull())
        .addColumn("ends_at", "varchar(32)")
        .addColumn("submitted_at", "varchar(32)")
        .addColumn("question_ids", "text", (c) => c.notNull())
        .addColumn("option_order", "text", (c) => c.notNull())
        .addColumn("prompt_order", "text", (c) => c.notNull())
        .addColumn("notice", "text")
        .addColumn("retake_of", "varchar(64)")
        .addColumn("result", "text")
        .execute();
      await db.schema
        .createIndex("attempts_learner_started")
        .on("attempts")
        .columns(["learner", "started_at"])
        .execute();
      await db.schema
        .createTable("answers")
        .addColumn("attempt_id", "varchar(64)", (c) =>
          c.notNull().references("attempts.id").onDelete("cascade"),
        )
        .addColumn("question_id", "varchar(128)", (c) => c.notNull())
        .addColumn("selected", "text")
        .addColumn("pairs", "text")
        .addColumn("flagged", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .addPrimaryKeyConstraint("answers_pk", ["attempt_id", "question_id"])
        .execute();
      await db.schema
        .createTable("question_history")
        .addColumn("learner", "varchar(128)", (c) => c.notNull())
        .addColumn("question_id", "varchar(128)", (c) => c.notNull())
        .addColumn("exam", "varchar(16)", (c) => c.notNull())
        .addColumn("times_seen", "integer", (c) => c.notNull())
        .addColumn("times_correct", "integer", (c) => c.notNull())
        .addColumn("last_correct", "integer", (c) => c.notNull())
        .addColumn("last_answered_at", "varchar(32)", (c) => c.notNull())
        .addPrimaryKeyConstraint("question_history_pk", ["learner", "question_id"])
        .execute();
      await db.schema
        .createIndex("question_history_exam")
        .on("question_history")
        .columns(["learner", "exam"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("question_history").execute();
      await db.schema.dropTable("answers").execute();
      await db.schema.dropTable("attempts").execute();
      void sql;
    },
  },
  "2026-11-30-020-learning": {
    async up(db: Kysely<unknown>) {
      // One row per scored answer (the first complete answer of a question in an attempt): the evidence
      // behind readiness and spaced repetition. An attempt scores a question once.
      await db.schema
        .createTable("answer_log")
        .addColumn("attempt_id", "varchar(64)", (c) => c.notNull())
        .addColumn("question_id", "varchar(128)", (c) => c.notNull())
        .addColumn("learner", "varchar(128)", (c) => c.notNull())
        .addColumn("exam", "varchar(16)", (c) => c.notNull())
        .addColumn("mode", "varchar(16)", (c) => c.notNull())
        .addColumn("correct", "integer", (c) => c.notNull())
        .addColumn("answered_at", "varchar(32)", (c) => c.notNull())
        .addPrimaryKeyConstraint("answer_log_pk", ["attempt_id", "question_id"])
        .execute();
      await db.schema
        .createIndex("answer_log_learner_exam")
        .on("answer_log")
        .columns(["learner", "exam", "answered_at"])
        .execute();
      await db.schema
        .createTable("plans")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("learner", "varchar(128)", (c) => c.notNull())
        .addColumn("exams", "varchar(200)", (c) => c.notNull())
        .addColumn("target_date", "varchar(10)", (c) => c.notNull())
        .addColumn("request", "text", (c) => c.notNull())
        .addColumn("plan", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("plans_learner").on("plans").columns(["learner", "created_at"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("plans").execute();
      await db.schema.dropTable("answer_log").execute();
    },
  },
  "2026-11-30-001-attempt-id-key": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("attempts").addColumn("id_key", "varchar(64)").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("attempts").dropColumn("id_key").execute();
    },
  },
  // Practice and drills score the first complete answer: once feedback is given the answer is locked.
  "2026-11-30-030-answer-lock": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("answers")
        .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("answers").dropColumn("locked").execute();
    },
  },
  // Learners report questions from the review; authors resolve (what changed, verifiedOn) or dismiss them.
  "2026-12-01-030-item-reports": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("item_reports")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("question_id", "varchar(128)", (c) => c.notNull())
        .addColumn("exam", "varchar(16)", (c) => c.notNull())
        .addColumn("learner", "varchar(128)", (c) => c.notNull())
        .addColumn("attempt_id", "varchar(64)", (c) => c.notNull())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("suggested", "text")
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("resolution", "text")
        .addColumn("verified_on", "varchar(10)")
        .addColumn("resolved_by", "varchar(128)")
        .addColumn("resolved_at", "varchar(32)")
        .execute();
      await db.schema
        .createIndex("item_reports_status")
        .on("item_reports")
        .columns(["status", "created_at"])
        .execute();
      await db.schema
        .createIndex("item_reports_question")
        .on("item_reports")
        .columns(["question_id", "status"])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("item_reports").execute();
    },
  },
  // Time to answer (item statistics): when each question of an attempt first got an answer, set once.
  "2026-12-01-031-answer-first-answered": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("answers").addColumn("first_answered_at", "varchar(32)").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("answers").dropColumn("first_answered_at").execute();
    },
  },
  // Accounts and teams (issue 13): users, sessions in the database (stateless servers), teams and their
  // members, invitations by link, and the sign-in rate limit's state (shared by every server).
  "2026-12-01-010-accounts": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("email", "varchar(320)", (c) => c.notNull().unique())
        .addColumn("password_hash", "varchar(256)", (c) => c.notNull())
        .addColumn("role", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("password_changed_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("user_id", "varchar(64)", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .addColumn("last_seen_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("teams")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("name", "varchar(200)", (c) => c.notNull().unique())
        .addColumn("stack", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("team_members")
        .addColumn("team_id", "varchar(64)", (c) => c.notNull().references("teams.id").onDelete("cascade"))
        .addColumn("user_id", "varchar(64)", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("role", "varchar(16)", (c) => c.notNull())
        .addPrimaryKeyConstraint("team_members_pk", ["team_id", "user_id"])
        .execute();
      await db.schema.createIndex("team_members_user").on("team_members").column("user_id").execute();
      await db.schema
        .createTable("invitations")
        .addColumn("token_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("email", "varchar(320)", (c) => c.notNull())
        .addColumn("role", "varchar(16)", (c) => c.notNull())
        .addColumn("team_id", "varchar(64)", (c) => c.references("teams.id").onDelete("cascade"))
        .addColumn("invited_by", "varchar(64)", (c) => c.notNull())
        .addColumn("created_at", "varchar(32)", (c) => c.notNull())
        .addColumn("expires_at", "varchar(32)", (c) => c.notNull())
        .addColumn("accepted_at", "varchar(32)")
        .execute();
      await db.schema
        .createTable("sign_in_attempts")
        .addColumn("key", "varchar(400)", (c) => c.primaryKey())
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("window_start", "varchar(32)", (c) => c.notNull())
        .addColumn("locked_until", "varchar(32)")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["sign_in_attempts", "invitations", "team_members", "teams", "sessions", "users"])
        await db.schema.dropTable(t).execute();
    },
  },
  "2026-12-01-020-teams": teamsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; run on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed)
    throw new Error(
      `database migration failed${failed ? ` at ${failed.migrationName}` : ""}: ${String(error)}`,
      { cause: error },
    );
}
