import { describe, expect } from "vitest";
import type { ScoreReport } from "../core/exam/scoring.js";
import { attemptFixture } from "../test/attempt-fixture.js";
import { storeDialects } from "../test/store-dialects.js";
import { AttemptRepository } from "./attempt-repository.js";

// One contract, every dialect: SQLite in memory and on disk, PGlite, and a real PostgreSQL server.
const { dialects, open } = storeDialects();

const attempt = attemptFixture;

const report: ScoreReport = {
  scaledScore: 640,
  passingScore: 700,
  passed: false,
  verdictKind: "scored",
  verdict: "Did not pass: an estimated 640 against the pass mark of 700.",
  correct: 2,
  total: 3,
  percent: 67,
  domains: [],
  method: "m",
};

describe.each(dialects)("attempt repository on %s", (name, url) => {
  let repo: AttemptRepository;
  const test = open(name, url, (store) => {
    repo = new AttemptRepository(store.db, store.dialect);
  });

  test("stores and reads back an attempt exactly", async () => {
    const a = attempt("a1", { notice: "short bank", retakeOf: "a0" });
    await repo.create(a);
    expect(await repo.get("a1")).toEqual(a);
    expect(await repo.find("missing")).toBeUndefined();
    await expect(repo.get("missing")).rejects.toMatchObject({ code: "attempt.not_found" });
  });

  test("keeps each attempt's id key, and lists the questions of exams still running", async () => {
    await repo.create(attempt("k1", { learner: "kim", questionIds: ["q1", "q2"] }));
    await repo.create(attempt("k2", { learner: "kim", mode: "practice", endsAt: null, questionIds: ["q3"] }));
    await repo.create(
      attempt("k3", { learner: "kim", questionIds: ["q4"], endsAt: "2026-11-26T10:30:00.000Z" }),
    );
    await repo.create(attempt("k4", { learner: "lee", questionIds: ["q5"] }));
    expect((await repo.findOpenState("k1"))?.idKey).toBe("key-k1");
    const open = await repo.openExamQuestions("kim", "2026-11-26T10:45:00.000Z");
    expect([...open]).toEqual([
      ["q1", "k1"],
      ["q2", "k1"],
    ]);
    await repo.submit(await repo.get("k1"), report, "2026-11-26T10:50:00.000Z", []);
    expect((await repo.openExamQuestions("kim", "2026-11-26T10:51:00.000Z")).size).toBe(0);
  });

  test("saves, replaces and flags answers, keeping the other field", async () => {
    await repo.create(attempt("a2"));
    expect(await repo.saveAnswer("a2", "q1", { selected: ["b"] }, "2026-11-26T10:01:00.000Z")).toBe(true);
    expect(await repo.saveAnswer("a2", "q1", { flagged: true }, "2026-11-26T10:02:00.000Z")).toBe(true);
    expect(await repo.saveAnswer("a2", "q1", { selected: ["c"] }, "2026-11-26T10:03:00.000Z")).toBe(true);
    expect(await repo.saveAnswer("a2", "q3", { pairs: [["p1", "x"]] }, "2026-11-26T10:04:00.000Z")).toBe(
      true,
    );
    expect(await repo.answers("a2")).toEqual([
      {
        questionId: "q1",
        selected: ["c"],
        flagged: true,
        locked: false,
        updatedAt: "2026-11-26T10:03:00.000Z",
      },
      {
        questionId: "q3",
        pairs: [["p1", "x"]],
        flagged: false,
        locked: false,
        updatedAt: "2026-11-26T10:04:00.000Z",
      },
    ]);
  });

  test("a locked answer (practice feedback given) never changes again; its flag still does", async () => {
    await repo.create(attempt("a2l"));
    const at = (m: number) => `2026-11-26T10:0${m}:00.000Z`;
    expect(await repo.saveAnswer("a2l", "q1", { selected: ["b"] }, at(1), true)).toBe(true);
    expect(await repo.isLocked("a2l", "q1")).toBe(true);
    // A second complete answer, an incomplete one and a clear are all refused.
    expect(await repo.saveAnswer("a2l", "q1", { selected: ["a"] }, at(2), true)).toBe(false);
    expect(await repo.saveAnswer("a2l", "q1", { selected: [] }, at(3))).toBe(false);
    expect(await repo.saveAnswer("a2l", "q1", { flagged: true }, at(4))).toBe(true);
    expect(await repo.answers("a2l")).toEqual([
      { questionId: "q1", selected: ["b"], flagged: true, locked: true, updatedAt: at(4) },
    ]);
    // Unlocked answers change as before, until one locks.
    expect(await repo.saveAnswer("a2l", "q2", { selected: ["a"] }, at(5))).toBe(true);
    expect(await repo.isLocked("a2l", "q2")).toBe(false);
    expect(await repo.saveAnswer("a2l", "q2", { selected: ["c"] }, at(6), true)).toBe(true);
    expect(await repo.saveAnswer("a2l", "q2", { selected: ["d"] }, at(7), true)).toBe(false);
  });

  test("refuses answers after the end time or after submission", async () => {
    await repo.create(attempt("a3"));
    expect(await repo.saveAnswer("a3", "q1", { selected: ["a"] }, "2026-11-26T11:30:00.000Z")).toBe(false);
    expect(await repo.saveAnswer("a3", "q1", { selected: ["a"] }, "2026-11-26T11:29:59.000Z")).toBe(true);
    expect(await repo.submit(await repo.get("a3"), report, "2026-11-26T11:00:00.000Z", [])).toBe(true);
    expect(await repo.saveAnswer("a3", "q2", { selected: ["a"] }, "2026-11-26T11:01:00.000Z")).toBe(false);
    expect(await repo.answers("a3")).toHaveLength(1);
  });

  test("submits once: a second submit changes nothing", async () => {
    await repo.create(attempt("a4"));
    const history = [{ questionId: "q1", exam: "CLF-C02", correct: true, at: "2026-11-26T11:00:00.000Z" }];
    expect(await repo.submit(await repo.get("a4"), report, "2026-11-26T11:00:00.000Z", history)).toBe(true);
    expect(
      await repo.submit(
        await repo.get("a4"),
        { ...report, scaledScore: 1000 },
        "2026-11-26T11:05:00.000Z",
        history,
      ),
    ).toBe(false);
    const a = await repo.get("a4");
    expect(a.status).toBe("submitted");
    expect(a.submittedAt).toBe("2026-11-26T11:00:00.000Z");
    expect(a.result?.scaledScore).toBe(640);
  });

  test("a submit records the history of every question in one go, adding to earlier counts", async () => {
    const at = "2026-11-28T10:00:00.000Z";
    await repo.recordHistory("dee", { questionId: "h2", exam: "SAA-C03", correct: true, at });
    await repo.create(attempt("a-h", { learner: "dee", exam: "SAA-C03", questionIds: ["h1", "h2", "h3"] }));
    const history = ["h1", "h2", "h3"].map((q, i) => ({
      questionId: q,
      exam: "SAA-C03",
      correct: i !== 1,
      at,
    }));
    expect(await repo.submit(await repo.get("a-h"), report, at, history)).toBe(true);
    expect([...(await repo.seenQuestionIds("dee", "SAA-C03"))].sort()).toEqual(["h1", "h2", "h3"]);
    expect(await repo.lastWrongQuestionIds("dee", "SAA-C03")).toEqual(["h2"]);
    const [summary] = await repo.listSummaries("dee");
    expect(summary).toMatchObject({ id: "a-h", status: "submitted", questions: 3, submittedAt: at });
    expect(summary?.result?.scaledScore).toBe(640);
  });

  test("keeps per-question history: seen questions and last mistakes", async () => {
    const at = (m: number) => `2026-11-27T10:0${m}:00.000Z`;
    await repo.recordHistory("bo", { questionId: "x1", exam: "SAA-C03", correct: false, at: at(1) });
    await repo.recordHistory("bo", { questionId: "x2", exam: "SAA-C03", correct: false, at: at(2) });
    await repo.recordHistory("bo", { questionId: "x1", exam: "SAA-C03", correct: true, at: at(3) });
    await repo.recordHistory("bo", { questionId: "y1", exam: "CLF-C02", correct: false, at: at(4) });
    expect([...(await repo.seenQuestionIds("bo", "SAA-C03"))].sort()).toEqual(["x1", "x2"]);
    expect(await repo.lastWrongQuestionIds("bo", "SAA-C03")).toEqual(["x2"]);
    expect(await repo.seenQuestionIds("someone-else", "SAA-C03")).toEqual(new Set());
  });

  test("lists a learner's attempts newest first", async () => {
    await repo.create(attempt("b1", { learner: "cy", startedAt: "2026-11-20T10:00:00.000Z" }));
    await repo.create(attempt("b2", { learner: "cy", startedAt: "2026-11-22T10:00:00.000Z" }));
    await repo.create(attempt("b3", { learner: "other" }));
    expect((await repo.list("cy")).map((a) => a.id)).toEqual(["b2", "b1"]);
    expect((await repo.listSummaries("cy")).map((a) => [a.id, a.questions])).toEqual([
      ["b2", 3],
      ["b1", 3],
    ]);
  });

  test("survives concurrent answer saves to one attempt", async () => {
    await repo.create(attempt("c1", { questionIds: Array.from({ length: 30 }, (_, i) => `q${i}`) }));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        repo.saveAnswer("c1", `q${i}`, { selected: ["a"] }, "2026-11-26T10:10:00.000Z"),
      ),
    );
    expect(await repo.answers("c1")).toHaveLength(30);
  });
});
