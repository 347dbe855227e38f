import { describe, expect } from "vitest";
import { storeDialects } from "../test/store-dialects.js";
import { ImportJobRepository } from "./import-job-repository.js";

// One contract, every dialect: SQLite in memory and on disk, PGlite, and a real PostgreSQL server.
const { dialects, open } = storeDialects();

const T0 = "2026-12-01T10:00:00.000Z";
const T1 = "2026-12-01T10:00:30.000Z";
const T2 = "2026-12-01T10:01:00.000Z";
const T3 = "2026-12-01T10:02:00.000Z";

describe.each(dialects)("import job repository on %s", (name, url) => {
  let repo: ImportJobRepository;
  const storeTest = open(name, url);
  const test = (title: string, fn: () => Promise<void>) =>
    storeTest(title, async (store) => {
      repo = new ImportJobRepository(store.db);
      await fn();
    });

  const create = (id: string) =>
    repo.create(
      { id, owner: "ana", format: "gift", exam: "SAA-C03", domain: null, uploadBytes: 12, now: T0 },
      [
        { name: "a.gift", encoding: "utf8", content: "::a:: Q? {=x ~y}" },
        { name: "b.zip", encoding: "base64", content: "UEsDBA==" },
      ],
    );

  test("a new job is queued with its files, progress 0 of the number of files", async () => {
    await create("j1");
    const job = await repo.find("j1");
    expect(job).toMatchObject({
      id: "j1",
      owner: "ana",
      format: "gift",
      exam: "SAA-C03",
      domain: null,
      status: "queued",
      progress: { done: 0, total: 2 },
      uploadBytes: 12,
      runs: 0,
      outcome: null,
      createdAt: T0,
    });
    expect(await repo.find("nope")).toBeUndefined();
    expect(await repo.nextUpload("j1")).toEqual({
      position: 0,
      name: "a.gift",
      encoding: "utf8",
      content: "::a:: Q? {=x ~y}",
    });
  });

  test("one worker claims; its file outcomes advance progress; the job ends done with its outcome", async () => {
    await create("j2");
    expect(await repo.claim("j2", "w1", T0, T1)).toBe(true);
    expect(await repo.claim("j2", "w2", T0, T1)).toBe(false);
    expect(await repo.saveFileOutcome("j2", "w1", 0, { file: "a.gift", status: "written" }, T0, T1)).toBe(
      true,
    );
    expect((await repo.find("j2"))?.progress).toEqual({ done: 1, total: 2 });
    expect((await repo.nextUpload("j2"))?.position).toBe(1);
    expect(await repo.saveFileOutcome("j2", "w1", 1, { file: "b.zip", status: "refused" }, T0, T1)).toBe(
      true,
    );
    expect(await repo.nextUpload("j2")).toBeUndefined();
    expect((await repo.fileOutcomes("j2")).map((f) => f.outcome)).toEqual([
      { file: "a.gift", status: "written" },
      { file: "b.zip", status: "refused" },
    ]);
    expect(await repo.finish("j2", "w1", { status: "done", outcome: { totals: { questions: 1 } } }, T1)).toBe(
      true,
    );
    const job = await repo.find("j2");
    expect(job).toMatchObject({
      status: "done",
      outcome: { totals: { questions: 1 } },
      leaseOwner: null,
      runs: 1,
    });
  });

  test("a job whose server died is taken over after its lease expires; the old worker's writes are refused", async () => {
    await create("j3");
    expect(await repo.claim("j3", "dead", T0, T1)).toBe(true);
    expect(await repo.saveFileOutcome("j3", "dead", 0, { n: 1 }, T0, T1)).toBe(true);
    expect(await repo.stale(T0)).not.toContain("j3");
    expect(await repo.claim("j3", "w2", T0, T2)).toBe(false); // lease still held
    // A heartbeat keeps it held past its first expiry.
    expect(await repo.renew("j3", "dead", T0, T1)).toBe(true);
    expect(await repo.renew("j3", "w2", T0, T3)).toBe(false);
    expect(await repo.stale(T2)).toContain("j3");
    expect(await repo.claim("j3", "w2", T2, T3)).toBe(true);
    // The first file's work is kept: the new worker resumes at the second file.
    expect((await repo.nextUpload("j3"))?.position).toBe(1);
    expect(await repo.saveFileOutcome("j3", "dead", 1, { n: 2 }, T2, T3)).toBe(false);
    expect(await repo.renew("j3", "dead", T2, T3)).toBe(false);
    expect(await repo.finish("j3", "dead", { status: "done", outcome: {} }, T2)).toBe(false);
    expect(await repo.saveFileOutcome("j3", "w2", 1, { n: 2 }, T2, T3)).toBe(true);
    expect((await repo.find("j3"))?.runs).toBe(2);
  });

  test("a stale job can be failed by anyone; a held one cannot", async () => {
    await create("j4");
    expect(await repo.claim("j4", "w1", T0, T1)).toBe(true);
    const error = { code: "import.stalled", message: "stopped" };
    expect(await repo.failStale("j4", error, T0)).toBe(false);
    expect(await repo.failStale("j4", error, T2)).toBe(true);
    expect(await repo.find("j4")).toMatchObject({ status: "failed", error });
  });

  test("confirm happens once; a failed write can undo it", async () => {
    await create("j5");
    expect(await repo.markConfirmed("j5", { written: [] }, T1)).toBe(false); // not done yet
    await repo.claim("j5", "w1", T0, T1);
    await repo.finish("j5", "w1", { status: "done", outcome: {} }, T0);
    expect(await repo.markConfirmed("j5", { written: ["x.yaml"] }, T1)).toBe(true);
    expect(await repo.markConfirmed("j5", { written: ["x.yaml"] }, T1)).toBe(false);
    expect(await repo.find("j5")).toMatchObject({ status: "confirmed", confirmed: { written: ["x.yaml"] } });
    await repo.unconfirm("j5", T2);
    expect(await repo.find("j5")).toMatchObject({ status: "done", confirmed: null });
  });
});
