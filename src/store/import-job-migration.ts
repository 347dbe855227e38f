import type { Kysely, Migration } from "kysely";

/** Import jobs and their uploaded files (one row per file: bounded by the upload limit of the API). */
export const importJobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("import_jobs")
      .addColumn("id", "varchar(64)", (c) => c.primaryKey())
      .addColumn("owner", "varchar(128)", (c) => c.notNull())
      .addColumn("format", "varchar(16)", (c) => c.notNull())
      .addColumn("exam", "varchar(16)")
      .addColumn("domain", "varchar(64)")
      .addColumn("status", "varchar(16)", (c) => c.notNull())
      .addColumn("progress_done", "integer", (c) => c.notNull())
      .addColumn("progress_total", "integer", (c) => c.notNull())
      .addColumn("upload_bytes", "integer", (c) => c.notNull())
      .addColumn("outcome", "text")
      .addColumn("error", "text")
      .addColumn("lease_owner", "varchar(64)")
      .addColumn("lease_until", "varchar(32)")
      .addColumn("runs", "integer", (c) => c.notNull())
      .addColumn("confirmed", "text")
      .addColumn("created_at", "varchar(32)", (c) => c.notNull())
      .addColumn("updated_at", "varchar(32)", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("import_jobs_owner")
      .on("import_jobs")
      .columns(["owner", "created_at"])
      .execute();
    await db.schema
      .createIndex("import_jobs_status")
      .on("import_jobs")
      .columns(["status", "lease_until"])
      .execute();
    await db.schema
      .createTable("import_job_files")
      .addColumn("job_id", "varchar(64)", (c) => c.notNull().references("import_jobs.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addColumn("name", "varchar(300)", (c) => c.notNull())
      .addColumn("encoding", "varchar(8)", (c) => c.notNull())
      .addColumn("content", "text", (c) => c.notNull())
      .addColumn("outcome", "text")
      .addPrimaryKeyConstraint("import_job_files_pk", ["job_id", "position"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("import_job_files").execute();
    await db.schema.dropTable("import_jobs").execute();
  },
};
