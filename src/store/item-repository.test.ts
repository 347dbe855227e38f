import { expect } from "vitest";
import type { Attempt } from "../core/exam/attempt.js";
import type { ScoreReport } from "../core/exam/scoring.js";
import { attemptFixture } from "../test/attempt-fixture.js";
import { eachDialect } from "../test/store-dialects.js";
import { AttemptRepository } from "./attempt-repository.js";
import { type ItemReport, ItemRepository } from "./item-repository.js";

const report = { scaledScore: 700, correct: 1, total: 2 } as unknown as ScoreReport;

const attempt = (id: string, over: Partial<Attempt> = {}) =>
  attemptFixture(id, { exam: "SCS-C03", questionIds: ["q1", "q2"], optionOrder: {}, ...over });

function newReport(id: string, over: Partial<ItemReport> = {}): ItemReport {
  return {
    id,
    questionId: "q1",
    exam: "SCS-C03",
    learner: "ana",
    attemptId: "x1",
    kind: "wrong-key",
    note: "B is also right",
    suggested: ["b"],
    createdAt: "2026-11-26T12:00:00.000Z",
    status: "open",
    resolution: null,
    verifiedOn: null,
    resolvedBy: null,
    resolvedAt: null,
    ...over,
  };
}

eachDialect("item repository", (test) => {
  test("scored answers come with the saved answer and when it was first given", async (store) => {
    const attempts = new AttemptRepository(store.db, store.dialect);
    const items = new ItemRepository(store.db);
    const at = (m: number) => `2026-11-26T10:${String(m).padStart(2, "0")}:00.000Z`;
    await attempts.create(attempt("x1"));
    // A flag alone is not an answer; the first answer's time is kept when the answer changes.
    await attempts.saveAnswer("x1", "q1", { flagged: true }, at(1));
    await attempts.saveAnswer("x1", "q1", { selected: ["b"] }, at(2));
    await attempts.saveAnswer("x1", "q1", { selected: ["a"] }, at(5));
    const history = [
      { questionId: "q1", exam: "SCS-C03", correct: true, at: at(9) },
      { questionId: "q2", exam: "SCS-C03", correct: false, at: at(9) },
    ];
    await attempts.submit(await attempts.get("x1"), report, at(9), history);
    // A drill's answers are not counted.
    await attempts.create(attempt("x2", { mode: "drill", endsAt: null, startedAt: at(20) }));
    await attempts.saveAnswer("x2", "q1", { selected: ["c"] }, at(21), true);
    await attempts.recordHistory("ana", {
      questionId: "q1",
      exam: "SCS-C03",
      correct: false,
      at: at(21),
      attemptId: "x2",
      mode: "drill",
    });
    expect(await items.scoredAnswers("SCS-C03")).toEqual([
      {
        attemptId: "x1",
        learner: "ana",
        questionId: "q1",
        correct: true,
        answeredAt: at(9),
        startedAt: at(0),
        answer: { selected: ["a"] },
        firstAnsweredAt: at(2),
      },
      {
        attemptId: "x1",
        learner: "ana",
        questionId: "q2",
        correct: false,
        answeredAt: at(9),
        startedAt: at(0),
        answer: null,
        firstAnsweredAt: null,
      },
    ]);
    expect(await items.scoredAnswers("CLF-C02")).toEqual([]);
  });

  test("stores reports, lists the open queue oldest first, closes a report once", async (store) => {
    const items = new ItemRepository(store.db);
    await items.createReport(newReport("r1"));
    await items.createReport(
      newReport("r2", {
        questionId: "q2",
        kind: "unclear",
        suggested: [],
        createdAt: "2026-11-26T13:00:00.000Z",
      }),
    );
    await items.createReport(newReport("r3", { exam: "CLF-C02", questionId: "c1", kind: "outdated" }));
    expect(await items.findReport("r1")).toEqual(newReport("r1"));
    expect(await items.findReport("nope")).toBeUndefined();
    expect((await items.findOpenReport("ana", "q1", "wrong-key"))?.id).toBe("r1");
    expect(await items.findOpenReport("ana", "q1", "unclear")).toBeUndefined();
    expect((await items.listReports({ status: "open", exam: "SCS-C03" })).map((r) => r.id)).toEqual([
      "r1",
      "r2",
    ]);
    expect([...(await items.openReportKinds("SCS-C03"))]).toEqual([
      ["q1", ["wrong-key"]],
      ["q2", ["unclear"]],
    ]);
    expect(await items.reportTimesSince("ana", "2026-11-26T12:30:00.000Z", 10)).toEqual([
      "2026-11-26T13:00:00.000Z",
    ]);
    expect(await items.reportTimesSince("ana", "2026-11-26T00:00:00.000Z", 2)).toHaveLength(2);

    const close = {
      status: "resolved" as const,
      resolution: "Option B is right too; the stem now asks for two.",
      verifiedOn: "2026-11-27",
      resolvedBy: "author-1",
      resolvedAt: "2026-11-27T09:00:00.000Z",
    };
    expect(await items.closeReport("r1", close)).toBe(true);
    expect(await items.closeReport("r1", { ...close, status: "dismissed" })).toBe(false);
    expect(await items.findReport("r1")).toMatchObject({
      status: "resolved",
      resolution: close.resolution,
      verifiedOn: "2026-11-27",
      resolvedBy: "author-1",
      resolvedAt: close.resolvedAt,
    });
    expect((await items.listReports({ status: "open" })).map((r) => r.id)).toEqual(["r3", "r2"]);
    expect((await items.listReports({ status: "resolved" })).map((r) => r.id)).toEqual(["r1"]);
    expect((await items.listReports({})).map((r) => r.id)).toEqual(["r2", "r1", "r3"]);
  });
});
