import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Catalog } from "../core/catalog/catalog-types.js";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "../core/errors.js";
import { IMPORT_FORMATS, type ImportFormat, type SourceFile } from "../interop/interop-model.js";
import type { ImportJobRepository, StoredImportJob, StoredUpload } from "../store/import-job-repository.js";
import {
  type ConvertedFile,
  type ImportJobView,
  type ImportPreview,
  type PreviewFile,
  previewFile,
  previewOf,
} from "./import-preview.js";
import { cleanName, reviveAssets, storedAssets, toSource, toUpload, UPLOAD_LIMITS } from "./import-upload.js";

/** Who asks: the learner id owns the jobs; admins see every job. */
export interface Actor {
  id: string;
  role: string;
}

export interface ImportOptions {
  format: ImportFormat;
  exam?: string | undefined;
  domain?: string | undefined;
  today: string;
  catalog: Catalog;
}

export interface ImportServiceDeps {
  repo: ImportJobRepository;
  catalog: Catalog;
  /** Converts one source file (the import pipeline, importSources); `signal` asks it to stop. */
  convert: (
    source: SourceFile,
    options: ImportOptions,
    signal: AbortSignal,
  ) => ConvertedFile | Promise<ConvertedFile>;
  /** Ids already in the bank, so that an import never reuses one. */
  bankIds: () => ReadonlySet<string>;
  /** Writes the converted files of a confirmed job where imports are read from; returns the paths written. */
  write: (exam: string, jobId: string, files: ConvertedFile[]) => Promise<string[]>;
  now: () => Date;
  today: () => string;
  newId: () => string;
  /** This server process, as the holder of job leases. */
  worker: string;
  /** How long a claim on a job holds without a sign of life. */
  leaseMs?: number;
  /** Claims after which a job that never finishes is failed (a file that stops servers is not retried forever). */
  maxRuns?: number;
  /** How long one file may take to convert before it is refused as too slow (default 5 minutes). */
  maxFileMs?: number;
}

/**
 * Import jobs (issue 14): an upload becomes a job stored in the database; one server converts it file by
 * file, recording each file's outcome and the progress, under a lease that another server takes over
 * when it expires. Any server answers the status and the preview; confirm writes the YAML once.
 */
export class ImportService {
  private readonly leaseMs: number;
  private readonly maxRuns: number;
  private readonly maxFileMs: number;
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly deps: ImportServiceDeps) {
    this.leaseMs = deps.leaseMs ?? 30_000;
    this.maxRuns = deps.maxRuns ?? 3;
    this.maxFileMs = deps.maxFileMs ?? 5 * 60_000;
  }

  /** Checks the request, stores the job and its files, and starts converting in the background. */
  async create(
    actor: Actor,
    input: {
      format: string;
      exam?: string | undefined;
      domain?: string | undefined;
      files: { name: string; bytes: Uint8Array }[];
    },
  ): Promise<{ id: string }> {
    if (!(IMPORT_FORMATS as readonly string[]).includes(input.format))
      throw new ValidationError(
        "import.unsupported_format",
        `format "${input.format.slice(0, 40)}" is not a format certpath imports: use one of ${IMPORT_FORMATS.join(", ")}.`,
        { field: "format", allowed: IMPORT_FORMATS },
      );
    const exam = input.exam ? this.examCode(input.exam) : undefined;
    if (input.domain !== undefined && !/^[\w.-]{1,64}$/.test(input.domain))
      throw new ValidationError("import.invalid_domain", "domain: give the exam-guide domain id, e.g. 2.", {
        field: "domain",
      });
    if (input.files.length === 0)
      throw new ValidationError("import.no_files", "files: choose at least one file to import.", {
        field: "files",
      });
    if (input.files.length > UPLOAD_LIMITS.files)
      throw new DomainError(
        "import.too_large",
        `The upload has ${input.files.length} files; at most ${UPLOAD_LIMITS.files} at once: upload them in parts.`,
      );
    const bytes = input.files.reduce((n, f) => n + f.bytes.byteLength, 0);
    if (bytes > UPLOAD_LIMITS.totalBytes)
      throw new DomainError(
        "import.too_large",
        `The upload is ${(bytes / 1024 / 1024).toFixed(1)} MB; at most 10 MB at once: upload the files in parts, or use certpath bank import.`,
      );
    const id = this.deps.newId();
    await this.deps.repo.create(
      {
        id,
        owner: actor.id,
        format: input.format,
        exam: exam ?? null,
        domain: input.domain ?? null,
        uploadBytes: bytes,
        now: this.deps.now().toISOString(),
      },
      input.files.map((f, i) => toUpload(cleanName(f.name, i), f.bytes)),
    );
    this.start(id);
    return { id };
  }

  /** The job as its owner (or an admin) sees it; a job whose server stopped is resumed here. */
  async view(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.get(actor, id);
    if (this.orphaned(job)) this.start(id);
    return toView(job);
  }

  /** Converts the job's remaining files; resolves when this server is done with it (or another holds it). */
  run(id: string): Promise<void> {
    const now = this.running.get(id);
    if (now) return now;
    const work = (async () => {
      // In the background: the request that made or asked for the job answers first.
      await yieldToEventLoop();
      await this.work(id);
    })()
      .catch((e) => console.error(`certpath: import ${id} could not be processed:`, e))
      .finally(() => this.running.delete(id));
    this.running.set(id, work);
    return work;
  }

  /** Every job this server is converting, for tests and a graceful stop. */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  /** Marks the job confirmed and writes its converted files; once, whichever server is asked. */
  async confirm(actor: Actor, id: string): Promise<ImportJobView> {
    const job = await this.get(actor, id);
    if (job.status === "confirmed")
      throw new ConflictError("import.already_confirmed", "This import was confirmed already.");
    if (job.status !== "done")
      throw new ConflictError(
        "import.not_ready",
        job.status === "failed"
          ? "This import failed: upload the files again."
          : "This import is still being converted: wait until its preview is shown.",
      );
    const preview = job.outcome as ImportPreview;
    if (preview.totals.conflicts > 0)
      throw new ConflictError(
        "import.id_conflict",
        `${preview.totals.conflicts} question(s) reuse an id of the bank or of another file: rename them in the source and import again.`,
      );
    const files = (await this.deps.repo.fileOutcomes(id))
      .map((f) => f.outcome as ConvertedFile)
      .filter((f) => f.status !== "refused" && f.yaml);
    if (files.length === 0)
      throw new ConflictError(
        "import.nothing_to_write",
        "No file of this import converted: nothing to write.",
      );
    const exam = job.exam ?? "imported";
    const at = this.deps.now().toISOString();
    if (!(await this.deps.repo.markConfirmed(id, { at, exam, written: [] }, at)))
      throw new ConflictError("import.already_confirmed", "This import was confirmed already.");
    let written: string[];
    try {
      written = await this.deps.write(exam, id, files.map(reviveAssets));
    } catch (e) {
      await this.deps.repo.unconfirm(id, at);
      throw e;
    }
    await this.deps.repo.recordConfirmed(id, { at, exam, written });
    return this.view(actor, id);
  }

  private async get(actor: Actor, id: string): Promise<StoredImportJob> {
    const job = await this.deps.repo.find(id);
    // Someone else's job does not exist for this actor (no hint that the id is taken).
    if (!job || (job.owner !== actor.id && actor.role !== "admin"))
      throw new NotFoundError("import.not_found", `There is no import ${id.slice(0, 64)}.`);
    return job;
  }

  private examCode(exam: string): string {
    const code = exam.trim().toUpperCase();
    if (!this.deps.catalog.certifications.some((c) => c.versions.some((v) => v.code === code)))
      throw new ValidationError(
        "import.unknown_exam",
        `exam "${exam.slice(0, 20)}" is not an exam code in the catalog (e.g. SAA-C03).`,
        {
          field: "exam",
        },
      );
    return code;
  }

  private orphaned(job: StoredImportJob): boolean {
    if (this.running.has(job.id)) return false;
    const now = this.deps.now().toISOString();
    if (job.status === "running") return (job.leaseUntil ?? "") < now;
    return job.status === "queued";
  }

  private start(id: string): void {
    void this.run(id);
  }

  /**
   * Converts one file while a heartbeat renews the lease. A file that takes longer than maxFileMs is
   * refused as too slow (the rest of the job goes on); undefined when the lease was lost meanwhile.
   */
  private async convertOne(
    id: string,
    upload: StoredUpload,
    options: ImportOptions,
  ): Promise<ConvertedFile | undefined> {
    const stop = new AbortController();
    const beat = setInterval(
      () => {
        const now = this.deps.now();
        void this.deps.repo
          .renew(
            id,
            this.deps.worker,
            now.toISOString(),
            new Date(now.getTime() + this.leaseMs).toISOString(),
          )
          .then((held) => held || stop.abort(new LeaseLost()))
          .catch(() => {});
      },
      Math.max(1_000, this.leaseMs / 3),
    );
    const slow = setTimeout(() => stop.abort(new Error("too slow")), this.maxFileMs);
    try {
      return await this.deps.convert(toSource(upload), options, stop.signal);
    } catch (e) {
      if (stop.signal.reason instanceof LeaseLost) return undefined;
      if (!stop.signal.aborted) throw e;
      const limit =
        this.maxFileMs >= 60_000
          ? `${Math.round(this.maxFileMs / 60_000)} minutes`
          : `${Math.max(1, Math.round(this.maxFileMs / 1000))} seconds`;
      return {
        file: upload.name,
        status: "refused",
        fatal: [
          {
            location: { file: upload.name, line: 1 },
            message: `converting the file took more than ${limit}`,
            hint: "split it into smaller files, or import it with certpath bank import",
          },
        ],
        unsupported: [],
        questions: [],
      };
    } finally {
      clearInterval(beat);
      clearTimeout(slow);
    }
  }

  private async work(id: string): Promise<void> {
    const { repo } = this.deps;
    const stamp = () => {
      const now = this.deps.now();
      return { now: now.toISOString(), until: new Date(now.getTime() + this.leaseMs).toISOString() };
    };
    let t = stamp();
    const before = await repo.find(id);
    if (!before) return;
    if (before.runs >= this.maxRuns) {
      await repo.failStale(
        id,
        {
          code: "import.stalled",
          message: "Converting these files stopped the server several times: check the files, or split them.",
        },
        t.now,
      );
      return;
    }
    if (!(await repo.claim(id, this.deps.worker, t.now, t.until))) return;
    const job = (await repo.find(id)) as StoredImportJob;
    const options: ImportOptions = {
      format: job.format as ImportFormat,
      exam: job.exam ?? undefined,
      domain: job.domain ?? undefined,
      today: this.deps.today(),
      catalog: this.deps.catalog,
    };
    try {
      for (let next = await repo.nextUpload(id); next; next = await repo.nextUpload(id)) {
        const converted = await this.convertOne(id, next, options);
        if (!converted) return; // another server holds the job now
        t = stamp();
        const stored = storedAssets(converted);
        if (!(await repo.saveFileOutcome(id, this.deps.worker, next.position, stored, t.now, t.until)))
          return;
        // One file per turn: other requests are served between files.
        await yieldToEventLoop();
      }
      const files = (await repo.fileOutcomes(id)).map((f) => previewFile(f.outcome as ConvertedFile));
      await repo.finish(
        id,
        this.deps.worker,
        { status: "done", outcome: previewOf(files, this.deps.bankIds()) },
        stamp().now,
      );
    } catch (e) {
      console.error(`certpath: import ${id} failed:`, e);
      await repo.finish(
        id,
        this.deps.worker,
        {
          status: "failed",
          error: {
            code: "import.failed",
            message: "The files could not be converted: the error was logged on the server.",
          },
        },
        stamp().now,
      );
    }
  }
}

/** Whether the lease was lost while a file converted (the conversion is abandoned, not an error). */
class LeaseLost extends Error {}

function toView(job: StoredImportJob): ImportJobView {
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    exam: job.exam,
    domain: job.domain,
    progress: job.progress,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.error ? { error: job.error } : {}),
    ...(job.outcome && (job.status === "done" || job.status === "confirmed")
      ? { preview: job.outcome as ImportPreview }
      : {}),
    ...(job.confirmed ? { confirmed: job.confirmed as ImportJobView["confirmed"] & object } : {}),
  };
}

export type { ImportJobView, PreviewFile };
export { UPLOAD_LIMITS };
