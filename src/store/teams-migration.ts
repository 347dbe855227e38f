import type { Kysely, Migration } from "kysely";

/**
 * "2026-12-01-020-teams": assignments of an exam or an advisor path, with a target date, to a whole team
 * (user_id null) or to one member (one row per chosen member).
 */
export const teamsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("assignments")
      .addColumn("id", "varchar(64)", (c) => c.primaryKey())
      // A team or a user that goes takes its assignments with it.
      .addColumn("team_id", "varchar(64)", (c) => c.notNull().references("teams.id").onDelete("cascade"))
      .addColumn("user_id", "varchar(64)", (c) => c.references("users.id").onDelete("cascade"))
      .addColumn("exam", "varchar(16)")
      // An advisor path: a JSON list of exam codes in order.
      .addColumn("path", "text")
      .addColumn("target_date", "varchar(10)", (c) => c.notNull())
      .addColumn("assigned_by", "varchar(64)", (c) => c.notNull())
      .addColumn("created_at", "varchar(32)", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("assignments_team")
      .on("assignments")
      .columns(["team_id", "created_at"])
      .execute();
    await db.schema.createIndex("assignments_user").on("assignments").column("user_id").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("assignments").execute();
  },
};
