import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import { correctAnswer, isCorrect } from "../bank/answer-key.js";
import type { Answer, Question } from "../bank/question-types.js";
import { getCertification } from "../catalog/catalog.js";
import { blueprintFor, largestRemainder } from "./blueprint.js";
import { assembleForm, indexBank } from "./form-assembly.js";
import { createRng, sample } from "./rng.js";
import { RAW_CUT, scaleScore, scoreForm } from "./scoring.js";

const clf = blueprintFor(getCertification(content.catalog, "CLF-C02").certification, "2026-11-26");

/** A synthetic bank: `perDomain` multiple-choice questions in each domain of the blueprint. */
function syntheticBank(exam: string, domains: string[], perDomain: number): Question[] {
  return domains.flatMap((d) =>
    Array.from({ length: perDomain }, (_, i) => ({
      id: `${exam}-d${d}-${i}`,
      exam,
      examGuide: exam,
      domain: d,
      type: "multiple-choice" as const,
      services: ["s3"],
      stem: `Question ${i} of domain ${d}`,
      references: ["https://docs.aws.amazon.com/"],
      verifiedOn: "2026-11-26",
      options: ["a", "b", "c", "d"].map((id) => ({
        id,
        text: id,
        correct: id === "a",
        explanation: `because ${id}`,
      })),
    })),
  );
}

describe("blueprint and quotas", () => {
  it("takes the exam's count, time, pass mark and domain weights from the catalog", () => {
    expect([clf.exam, clf.questionCount, clf.durationMinutes, clf.passingScore]).toEqual([
      "CLF-C02",
      65,
      90,
      700,
    ]);
    expect(clf.domains.map((d) => d.weight)).toEqual([24, 30, 34, 12]);
  });

  it("splits by largest remainder: golden values and within one of each exact share", () => {
    expect([...largestRemainder(65, clf.domains).values()]).toEqual([16, 19, 22, 8]);
    const saa = blueprintFor(getCertification(content.catalog, "SAA-C03").certification, "2026-11-26");
    expect([...largestRemainder(65, saa.domains).values()]).toEqual([19, 17, 16, 13]);
    for (const total of [1, 7, 20, 65, 75, 100]) {
      const split = largestRemainder(total, saa.domains);
      expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(total);
      for (const d of saa.domains)
        expect(Math.abs((split.get(d.id) ?? 0) - (total * d.weight) / 100)).toBeLessThan(1);
    }
  });
});

describe("form assembly", () => {
  const bank = syntheticBank("CLF-C02", ["1", "2", "3", "4"], 50);
  const pool = indexBank(bank).get("CLF-C02")!;

  it("builds a full form with each domain's count within one of its weight share", () => {
    const form = assembleForm({ blueprint: clf, pool, seed: "a" });
    expect(form.questionIds).toHaveLength(65);
    expect(new Set(form.questionIds).size).toBe(65);
    expect(form.domainCounts).toEqual({ "1": 16, "2": 19, "3": 22, "4": 8 });
    expect(form.notice).toBeUndefined();
  });

  it("is the same for the same seed and differs for another", () => {
    const a = assembleForm({ blueprint: clf, pool, seed: "same" });
    expect(assembleForm({ blueprint: clf, pool, seed: "same" })).toEqual(a);
    expect(assembleForm({ blueprint: clf, pool, seed: "other" }).questionIds).not.toEqual(a.questionIds);
  });

  it("prefers questions the learner has not seen", () => {
    const first = assembleForm({ blueprint: clf, pool, seed: "one" });
    const second = assembleForm({ blueprint: clf, pool, seed: "two", seen: new Set(first.questionIds) });
    expect(second.questionIds.filter((id) => first.questionIds.includes(id))).toEqual([]);
  });

  it("repeats seen questions only when there are not enough new ones, and says so", () => {
    const small = indexBank(syntheticBank("CLF-C02", ["1", "2", "3", "4"], 25)).get("CLF-C02")!;
    const first = assembleForm({ blueprint: clf, pool: small, seed: "one" });
    const second = assembleForm({
      blueprint: clf,
      pool: small,
      seed: "two",
      seen: new Set(first.questionIds),
    });
    expect(second.questionIds).toHaveLength(65);
    expect(second.notice).toMatch(/repeat ones you have already seen/);
  });

  it("gives a shorter form with an explicit notice when the bank is short", () => {
    const tiny = indexBank(syntheticBank("CLF-C02", ["1", "2", "3", "4"], 5)).get("CLF-C02")!;
    const form = assembleForm({ blueprint: clf, pool: tiny, seed: "x" });
    expect(form.questionIds).toHaveLength(20);
    expect(form.notice).toMatch(/too small for a full form .* 20 questions instead of 65/);
  });

  it("never mixes in a question of another exam, and drills only the chosen domains", () => {
    const index = indexBank([...bank, ...syntheticBank("SAA-C03", ["1", "2", "3", "4"], 50)]);
    const form = assembleForm({
      blueprint: clf,
      pool: index.get("CLF-C02")!,
      seed: "z",
      domains: ["4"],
      count: 10,
    });
    expect(form.questionIds).toHaveLength(10);
    expect(form.questionIds.every((id) => id.startsWith("CLF-C02-d4-"))).toBe(true);
  });

  it("shuffles option order per attempt and keeps every option", () => {
    const form = assembleForm({ blueprint: clf, pool, seed: "opts" });
    const orders = Object.values(form.optionOrder);
    expect(orders.every((o) => [...o].sort().join() === "a,b,c,d")).toBe(true);
    expect(orders.some((o) => o.join() !== "a,b,c,d")).toBe(true);
  });

  it("a retake has the same questions, freshly shuffled", () => {
    const first = assembleForm({ blueprint: clf, pool, seed: "r1" });
    const retake = assembleForm({ blueprint: clf, pool, seed: "r2", questionIds: first.questionIds });
    expect([...retake.questionIds].sort()).toEqual([...first.questionIds].sort());
    expect(retake.questionIds).not.toEqual(first.questionIds);
  });

  it("seeded sampling is uniform enough and distinct", () => {
    const rng = createRng("u");
    const picks = sample(
      Array.from({ length: 1000 }, (_, i) => i),
      100,
      rng,
    );
    expect(new Set(picks).size).toBe(100);
  });
});

describe("scoring", () => {
  it("maps the raw cut to the pass mark, all correct to 1000 and none to 100 (monotone)", () => {
    expect(scaleScore(RAW_CUT, 720)).toBe(720);
    expect(scaleScore(1, 720)).toBe(1000);
    expect(scaleScore(0, 720)).toBe(100);
    expect([0.5, 0.6, 0.69, 0.7, 0.71, 0.8, 0.9].map((p) => scaleScore(p, 750))).toEqual([
      564, 657, 741, 750, 758, 833, 917,
    ]);
    let last = 0;
    for (let i = 0; i <= 100; i++) {
      const s = scaleScore(i / 100, 700);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });

  const questions = syntheticBank("CLF-C02", ["1", "2", "3", "4"], 10);

  it("answering every question with the key gives 1000 and a pass; none gives 100 and a fail", () => {
    const all = new Map<string, Answer>(questions.map((q) => [q.id, correctAnswer(q)]));
    const full = scoreForm(clf, questions, all);
    expect([full.scaledScore, full.passed, full.correct, full.total]).toEqual([1000, true, 40, 40]);
    expect(full.domains.every((d) => d.rating === "meets")).toBe(true);
    const none = scoreForm(clf, questions, new Map());
    expect([none.scaledScore, none.passed, none.correct]).toEqual([100, false, 0]);
    expect(none.domains.every((d) => d.rating === "needs-improvement")).toBe(true);
  });

  it("rates each domain by its own answers", () => {
    const answers = new Map<string, Answer>(
      questions.filter((q) => q.domain !== "2").map((q) => [q.id, correctAnswer(q)]),
    );
    const r = scoreForm(clf, questions, answers);
    expect(r.domains.map((d) => [d.id, d.rating])).toEqual([
      ["1", "meets"],
      ["2", "needs-improvement"],
      ["3", "meets"],
      ["4", "meets"],
    ]);
    expect(r.scaledScore).toBe(scaleScore(30 / 40, 700));
  });

  it("scores items all-or-nothing, including multiple response, ordering and matching", () => {
    const mr = {
      ...questions[0]!,
      type: "multiple-response" as const,
      select: 2,
      options: ["a", "b", "c", "d", "e"].map((id) => ({
        id,
        text: id,
        correct: id === "a" || id === "c",
        explanation: "x",
      })),
    };
    expect(isCorrect(mr, { selected: ["c", "a"] })).toBe(true);
    expect(isCorrect(mr, { selected: ["a"] })).toBe(false);
    expect(isCorrect(mr, { selected: ["a", "c", "e"] })).toBe(false);
    const ord = {
      ...questions[0]!,
      type: "ordering" as const,
      items: ["x", "y", "z"].map((id) => ({ id, text: id, explanation: "e" })),
    };
    expect(isCorrect(ord, { selected: ["x", "y", "z"] })).toBe(true);
    expect(isCorrect(ord, { selected: ["y", "x", "z"] })).toBe(false);
    const mat = {
      ...questions[0]!,
      type: "matching" as const,
      prompts: [
        { id: "p1", text: "1", match: "o1", explanation: "e" },
        { id: "p2", text: "2", match: "o2", explanation: "e" },
        { id: "p3", text: "3", match: "o1", explanation: "e" },
      ],
      options: [
        { id: "o1", text: "o1" },
        { id: "o2", text: "o2" },
      ],
    };
    expect(
      isCorrect(mat, {
        pairs: [
          ["p3", "o1"],
          ["p1", "o1"],
          ["p2", "o2"],
        ],
      }),
    ).toBe(true);
    expect(
      isCorrect(mat, {
        pairs: [
          ["p1", "o1"],
          ["p2", "o2"],
        ],
      }),
    ).toBe(false);
  });
});
