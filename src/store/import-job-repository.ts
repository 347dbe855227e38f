import type { Expression, ExpressionBuilder, Kysely, SqlBool } from "kysely";
import type { Database, ImportJobsTable } from "./schema.js";

export type ImportJobStatus = "queued" | "running" | "done" | "failed" | "confirmed";

/** An import job as stored (the uploaded files' contents are read one at a time by the worker). */
export interface StoredImportJob {
  id: string;
  owner: string;
  format: string;
  exam: string | null;
  domain: string | null;
  status: ImportJobStatus;
  progress: { done: number; total: number };
  uploadBytes: number;
  outcome: unknown;
  error: { code: string; message: string } | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  runs: number;
  confirmed: unknown;
  createdAt: string;
  updatedAt: string;
}

/** One uploaded file: text as utf8, binary (zip packages) as base64. */
export interface StoredUpload {
  position: number;
  name: string;
  encoding: "utf8" | "base64";
  content: string;
}

const parse = (text: string | null) => (text === null ? null : JSON.parse(text));

function fromRow(r: ImportJobsTable): StoredImportJob {
  return {
    id: r.id,
    owner: r.owner,
    format: r.format,
    exam: r.exam,
    domain: r.domain,
    status: r.status as ImportJobStatus,
    progress: { done: Number(r.progress_done), total: Number(r.progress_total) },
    uploadBytes: Number(r.upload_bytes),
    outcome: parse(r.outcome),
    error: parse(r.error),
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    runs: Number(r.runs),
    confirmed: parse(r.confirmed),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

type Where = (eb: ExpressionBuilder<Database, "import_jobs">) => Expression<SqlBool>;
/** Nobody holds the job: queued, or running under a lease that expired before `now`. */
const unheld =
  (now: string): Where =>
  (eb) =>
    eb.or([eb("status", "=", "queued"), eb.and([eb("status", "=", "running"), eb("lease_until", "<", now)])]);
/** The worker still holds the job. */
const heldBy =
  (worker: string): Where =>
  (eb) =>
    eb.and([eb("status", "=", "running"), eb("lease_owner", "=", worker)]);

// RETURNING (SQLite ≥ 3.35 and PostgreSQL) says whether a conditional update hit its row on every driver.
const changed = (r: { id: string } | undefined) => r !== undefined;

/**
 * Import jobs over SQLite and PostgreSQL alike. A worker holds a job through a lease (owner + expiry):
 * every write of a worker is conditional on still holding it, so a server that lost its lease (it was
 * too slow, another server took over) can never overwrite the work of the one that holds it now.
 */
export class ImportJobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new queued job and its files in one transaction. */
  async create(
    job: {
      id: string;
      owner: string;
      format: string;
      exam: string | null;
      domain: string | null;
      uploadBytes: number;
      now: string;
    },
    files: Omit<StoredUpload, "position">[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("import_jobs")
        .values({
          id: job.id,
          owner: job.owner,
          format: job.format,
          exam: job.exam,
          domain: job.domain,
          status: "queued",
          progress_done: 0,
          progress_total: files.length,
          upload_bytes: job.uploadBytes,
          outcome: null,
          error: null,
          lease_owner: null,
          lease_until: null,
          runs: 0,
          confirmed: null,
          created_at: job.now,
          updated_at: job.now,
        })
        .execute();
      for (const [position, f] of files.entries())
        await trx
          .insertInto("import_job_files")
          .values({
            job_id: job.id,
            position,
            name: f.name,
            encoding: f.encoding,
            content: f.content,
            outcome: null,
          })
          .execute();
    });
  }

  async find(id: string): Promise<StoredImportJob | undefined> {
    const row = await this.db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Takes the job for `worker` until `leaseUntil` when it is queued, or running under a lease that
   * expired at `now` (its server died or stalled). Returns whether this worker now holds it.
   */
  async claim(id: string, worker: string, now: string, leaseUntil: string): Promise<boolean> {
    const r = await this.db
      .updateTable("import_jobs")
      .set((eb) => ({
        status: "running",
        lease_owner: worker,
        lease_until: leaseUntil,
        runs: eb("runs", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", id)
      .where(unheld(now))
      .returning("id")
      .executeTakeFirst();
    return changed(r);
  }

  /** Extends the worker's lease while a file converts; false when the lease was lost (another server took over). */
  async renew(id: string, worker: string, now: string, leaseUntil: string): Promise<boolean> {
    const r = await this.db
      .updateTable("import_jobs")
      .set({ lease_until: leaseUntil, updated_at: now })
      .where("id", "=", id)
      .where(heldBy(worker))
      .returning("id")
      .executeTakeFirst();
    return changed(r);
  }

  /** The first file not yet converted, or undefined when every file has its outcome. */
  async nextUpload(id: string): Promise<StoredUpload | undefined> {
    const row = await this.db
      .selectFrom("import_job_files")
      .select(["position", "name", "encoding", "content"])
      .where("job_id", "=", id)
      .where("outcome", "is", null)
      .orderBy("position")
      .limit(1)
      .executeTakeFirst();
    return row
      ? {
          position: Number(row.position),
          name: row.name,
          encoding: row.encoding as StoredUpload["encoding"],
          content: row.content,
        }
      : undefined;
  }

  /** Records one file's outcome and the progress, and extends the lease; false when the lease was lost. */
  async saveFileOutcome(
    id: string,
    worker: string,
    position: number,
    outcome: unknown,
    now: string,
    leaseUntil: string,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable("import_jobs")
        .set((eb) => ({
          progress_done: eb("progress_done", "+", 1),
          lease_until: leaseUntil,
          updated_at: now,
        }))
        .where("id", "=", id)
        .where(heldBy(worker))
        .returning("id")
        .executeTakeFirst();
      if (!changed(r)) return false;
      await trx
        .updateTable("import_job_files")
        .set({ outcome: JSON.stringify(outcome) })
        .where("job_id", "=", id)
        .where("position", "=", position)
        .execute();
      return true;
    });
  }

  /** Every file's name and outcome, in upload order (outcome null while not converted). */
  async fileOutcomes(id: string): Promise<{ position: number; name: string; outcome: unknown }[]> {
    const rows = await this.db
      .selectFrom("import_job_files")
      .select(["position", "name", "outcome"])
      .where("job_id", "=", id)
      .orderBy("position")
      .execute();
    return rows.map((r) => ({ position: Number(r.position), name: r.name, outcome: parse(r.outcome) }));
  }

  /** Ends a job the worker holds: done with its outcome, or failed with an error. */
  async finish(
    id: string,
    worker: string,
    end:
      | { status: "done"; outcome: unknown }
      | { status: "failed"; error: { code: string; message: string } },
    now: string,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable("import_jobs")
      .set({
        status: end.status,
        outcome: end.status === "done" ? JSON.stringify(end.outcome) : null,
        error: end.status === "failed" ? JSON.stringify(end.error) : null,
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      })
      .where("id", "=", id)
      .where(heldBy(worker))
      .returning("id")
      .executeTakeFirst();
    return changed(r);
  }

  /** Fails a job nobody holds any more (queued or running with an expired lease), whoever asks. */
  async failStale(id: string, error: { code: string; message: string }, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("import_jobs")
      .set({
        status: "failed",
        error: JSON.stringify(error),
        lease_owner: null,
        lease_until: null,
        updated_at: now,
      })
      .where("id", "=", id)
      .where(unheld(now))
      .returning("id")
      .executeTakeFirst();
    return changed(r);
  }

  /** done → confirmed, once: false when the job is not done (already confirmed by another request or server). */
  async markConfirmed(id: string, confirmed: unknown, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable("import_jobs")
      .set({ status: "confirmed", confirmed: JSON.stringify(confirmed), updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "done")
      .returning("id")
      .executeTakeFirst();
    return changed(r);
  }

  /** Records what the confirm wrote (the job is confirmed already). */
  async recordConfirmed(id: string, confirmed: unknown): Promise<void> {
    await this.db
      .updateTable("import_jobs")
      .set({ confirmed: JSON.stringify(confirmed) })
      .where("id", "=", id)
      .where("status", "=", "confirmed")
      .execute();
  }

  /** Undoes markConfirmed when writing the files failed, so the author can try again. */
  async unconfirm(id: string, now: string): Promise<void> {
    await this.db
      .updateTable("import_jobs")
      .set({ status: "done", confirmed: null, updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "confirmed")
      .execute();
  }

  /** Jobs queued or running whose lease expired before `now`: candidates for another server to resume. */
  async stale(now: string, limit = 20): Promise<string[]> {
    const rows = await this.db
      .selectFrom("import_jobs")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "queued"), eb("updated_at", "<", now)]),
          eb.and([eb("status", "=", "running"), eb("lease_until", "<", now)]),
        ]),
      )
      .orderBy("created_at")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }
}
