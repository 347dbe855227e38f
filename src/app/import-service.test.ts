import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import { ImportJobRepository } from "../store/import-job-repository.js";
import { content } from "../test/fixtures.js";
import { convertFile } from "./import-convert.js";
import { type Actor, ImportService, type ImportServiceDeps } from "./import-service.js";

// Two servers of a fleet: two processes' worth of services over one database file, each with its own
// clock the test moves. Nothing is shared between them but the database.
const file = join(mkdtempSync(join(tmpdir(), "certpath-fleet-")), "fleet.db");
const gift = readFileSync(join(import.meta.dirname, "../test/fixtures/import/storage.gift"));
const ana: Actor = { id: "ana", role: "author" };
let a: Store;
let b: Store;
let clock = new Date("2026-12-01T10:00:00Z");
let ids = 0;

function server(
  store: Store,
  worker: string,
  convert: ImportServiceDeps["convert"] = convertFile,
  maxFileMs = 60_000,
) {
  return new ImportService({
    repo: new ImportJobRepository(store.db),
    catalog: content.catalog,
    convert,
    bankIds: () => new Set(),
    write: async () => [],
    now: () => clock,
    today: () => "2026-12-01",
    newId: () => `job-${++ids}`,
    worker,
    leaseMs: 30_000,
    maxRuns: 2,
    maxFileMs,
  });
}

beforeAll(async () => {
  a = await openStore(file);
  b = await openStore(file);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const upload = (names: string[]) => ({
  format: "gift",
  exam: "SAA-C03",
  files: names.map((name) => ({ name, bytes: new Uint8Array(gift) })),
});

describe("import jobs across a fleet", () => {
  it("a job made on one server is answered by another, progress and preview included", async () => {
    const one = server(a, "one");
    const two = server(b, "two");
    const { id } = await one.create(ana, upload(["x.gift", "y.gift"]));
    await one.idle();
    const seen = await two.view(ana, id);
    expect(seen.status).toBe("done");
    expect(seen.progress).toEqual({ done: 2, total: 2 });
    expect(seen.preview?.files.map((f) => f.file)).toEqual(["x.gift", "y.gift"]);
    // The same questions in two files: the second file's ids clash with the first's, and say so.
    expect(seen.preview?.totals.conflicts).toBe(3);
    await expect(two.view({ id: "bob", role: "author" }, id)).rejects.toMatchObject({
      code: "import.not_found",
    });
    expect((await two.view({ id: "root", role: "admin" }, id)).status).toBe("done");
  });

  it("a job left running by a server that died is resumed by another once its lease expires", async () => {
    const repo = new ImportJobRepository(a.db);
    // What a server killed after converting the first of three files leaves: the job running under its
    // lease, one file's outcome saved.
    await repo.create(
      {
        id: "dead-1",
        owner: "ana",
        format: "gift",
        exam: "SAA-C03",
        domain: null,
        uploadBytes: 3,
        now: clock.toISOString(),
      },
      ["p.gift", "q.gift", "r.gift"].map((name) => ({
        name,
        encoding: "utf8" as const,
        content: gift.toString(),
      })),
    );
    expect(await repo.claim("dead-1", "one", clock.toISOString(), "2026-12-01T10:00:30.000Z")).toBe(true);
    const first = await repo.nextUpload("dead-1");
    const converted = convertFile(
      { file: "p.gift", text: first?.content ?? "" },
      { format: "gift", exam: "SAA-C03", today: "2026-12-01", catalog: content.catalog },
    );
    await repo.saveFileOutcome(
      "dead-1",
      "one",
      0,
      converted,
      clock.toISOString(),
      "2026-12-01T10:00:30.000Z",
    );
    const two = server(b, "two");
    // Within the lease nobody takes over.
    const early = await two.view(ana, "dead-1");
    await two.idle();
    expect(early.status).toBe("running");
    expect(early.progress).toEqual({ done: 1, total: 3 });
    expect((await repo.find("dead-1"))?.leaseOwner).toBe("one");
    // After it, the next status request resumes the job where it stopped.
    clock = new Date("2026-12-01T10:01:00Z");
    await two.view(ana, "dead-1");
    await two.idle();
    const done = await two.view(ana, "dead-1");
    expect(done.status).toBe("done");
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(done.preview?.files.map((f) => f.file)).toEqual(["p.gift", "q.gift", "r.gift"]);
    expect((await repo.find("dead-1"))?.runs).toBe(2);
  });

  it("a job that stopped its servers too often is failed, not retried forever", async () => {
    const repo = new ImportJobRepository(a.db);
    const two = server(b, "two");
    // Two claims that never finished (maxRuns 2), as two crashed servers leave them.
    await repo.create(
      {
        id: "dead-2",
        owner: "ana",
        format: "gift",
        exam: null,
        domain: null,
        uploadBytes: 1,
        now: clock.toISOString(),
      },
      [{ name: "z.gift", encoding: "utf8", content: "x" }],
    );
    await a.db
      .updateTable("import_jobs")
      .set({ status: "running", runs: 2, lease_owner: "gone", lease_until: "2026-12-01T09:00:00.000Z" })
      .where("id", "=", "dead-2")
      .execute();
    await two.view(ana, "dead-2");
    await two.idle();
    const job = await two.view(ana, "dead-2");
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("import.stalled");
  });

  it("a file that converts too slowly is refused as such, and the other files of the job still convert", async () => {
    const slow: ImportServiceDeps["convert"] = (source, options, signal) =>
      source.file === "slow.gift"
        ? new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)))
        : convertFile(source, options);
    const one = server(a, "one", slow, 50);
    const { id } = await one.create(ana, upload(["slow.gift", "fine.gift"]));
    await one.idle();
    const job = await one.view(ana, id);
    expect(job.status).toBe("done");
    const [first, second] = job.preview?.files ?? [];
    expect(first).toMatchObject({ file: "slow.gift", status: "refused" });
    expect(first?.fatal[0]?.message).toMatch(/took more than/);
    expect(second).toMatchObject({ file: "fine.gift", status: "ok" });
  });
});
