import { describe, expect, it } from "vitest";
import { authorQueue } from "./item-queue.js";
import {
  firstAnswers,
  ITEM_THRESHOLDS,
  itemStatistics,
  pearson,
  type ScoredResponse,
  secondsToAnswer,
} from "./item-statistics.js";
import type { MultipleChoiceQuestion, Question } from "./question-types.js";

function mc(id: string): MultipleChoiceQuestion {
  return {
    id,
    exam: "CLF-C02",
    examGuide: "1.0",
    domain: "1",
    services: [],
    stem: `Stem of ${id}`,
    references: [],
    verifiedOn: "2026-11-01",
    type: "multiple-choice",
    options: ["a", "b", "c", "d"].map((o) => ({ id: o, text: o, correct: o === "a", explanation: "x" })),
  };
}

// Twelve learners, one timed exam each, six questions; 1 = right. The key is "a"; a wrong answer picks "b"
// on q3 (a distractor more popular than the key) and "c" elsewhere. q4 is the bad item: the strongest
// learners (A–D) miss it and the weakest get it. Every learner answers in 40 s, except q1: 20 s + 10 s × row.
const MATRIX = `
A 1 1 1 0 1 1
B 1 1 1 0 1 0
C 1 1 0 0 1 0
D 1 0 1 0 1 0
E 1 1 0 1 1 0
F 0 1 1 0 1 0
G 1 0 0 1 1 0
H 0 1 0 1 1 0
I 0 0 1 1 1 0
J 0 0 0 1 1 0
K 0 0 0 1 1 0
L 0 0 0 0 1 0`;

const QUESTIONS: Question[] = ["q1", "q2", "q3", "q4", "q5", "q6"].map(mc);

function responses(): ScoredResponse[] {
  const rows = MATRIX.trim().split("\n");
  return rows.flatMap((line, row) => {
    const [learner, ...marks] = line.split(" ") as [string, ...string[]];
    return marks.map((m, j) => {
      const qid = `q${j + 1}`;
      const correct = m === "1";
      return {
        attemptId: `att-${learner}`,
        learner,
        questionId: qid,
        correct,
        answer: { selected: [correct ? "a" : qid === "q3" ? "b" : "c"] },
        seconds: qid === "q1" ? 20 + 10 * row : 40,
        answeredAt: "2026-11-20T10:00:00.000Z",
      };
    });
  });
}

describe("item statistics (golden values)", () => {
  const stats = new Map(itemStatistics(QUESTIONS, responses()).map((s) => [s.questionId, s]));
  const s = (id: string) => stats.get(id) as NonNullable<ReturnType<typeof stats.get>>;

  it("facility is the share right", () => {
    expect([1, 2, 3, 4, 5, 6].map((i) => s(`q${i}`).facility)).toEqual([0.5, 0.5, 5 / 12, 0.5, 1, 1 / 12]);
    expect(s("q3").n).toBe(12);
    expect(s("q3").correct).toBe(5);
  });

  it("discrimination is the item–rest correlation, computed by hand", () => {
    // Rest share of each attempt = (row total − item) / 5. For q4 (x = item, y = rest):
    // x = 0: A 1, B .8, C .6, D .6, F .6, L .2 (Σ 3.8);  x = 1: E .6, G .4, H .4, I .4, J .2, K .2 (Σ 2.2).
    // x̄ = .5, ȳ = .5; Σ(x−x̄)(y−ȳ) = .5·2.2 − .5·3.8 = −0.8; Σ(x−x̄)² = 12·.25 = 3;
    // Σ(y−ȳ)² = Σy² − 12ȳ² = 3.68 − 3 = 0.68; D = −0.8 / √(3 · 0.68) = −0.56011.
    expect(s("q4").discrimination).toBeCloseTo(-0.560112, 5);
    expect(s("q1").discrimination).toBeCloseTo(0.218218, 5);
    expect(s("q2").discrimination).toBeCloseTo(0.218218, 5);
    expect(s("q3").discrimination).toBeCloseTo(0.016341, 5);
    expect(s("q6").discrimination).toBeCloseTo(0.378927, 5);
    // Everyone right: no spread, no correlation.
    expect(s("q5").discrimination).toBeNull();
  });

  it("a question the strong candidates miss more than the weak ones is flagged", () => {
    expect(s("q4").flags).toContain("negative-discrimination");
    expect(s("q1").flags).toEqual([]);
  });

  it("flags too easy, too hard, weak discrimination and a distractor chosen over the key", () => {
    expect(s("q5").flags).toEqual(["too-easy"]);
    // Eleven of twelve chose "c" over the key: a possible wrong key as well as a hard item.
    expect(s("q6").flags).toEqual(["too-hard", "distractor-beats-key"]);
    expect(s("q3").flags).toEqual(["weak-discrimination", "distractor-beats-key"]);
  });

  it("counts each option's choices in the bank's ids", () => {
    expect(s("q3").choices).toEqual([
      { option: "a", key: true, count: 5 },
      { option: "b", key: false, count: 7 },
      { option: "c", key: false, count: 0 },
      { option: "d", key: false, count: 0 },
    ]);
    expect(s("q3").unanswered).toBe(0);
  });

  it("time to answer is the median of the known seconds", () => {
    // q1: 20, 30, …, 130 s → median of the 6th and 7th = (70 + 80) / 2.
    expect(s("q1").medianSeconds).toBe(75);
    expect(s("q2").medianSeconds).toBe(40);
    expect(s("q1").timed).toBe(12);
  });

  it("only each learner's first answer counts; later attempts do not change the figures", () => {
    const later: ScoredResponse[] = QUESTIONS.map((q) => ({
      attemptId: "att-L2",
      learner: "L",
      questionId: q.id,
      correct: true,
      answer: { selected: ["a"] },
      seconds: 5,
      answeredAt: "2026-11-25T10:00:00.000Z",
    }));
    const again = itemStatistics(QUESTIONS, [...later, ...responses()]);
    expect(again).toEqual(itemStatistics(QUESTIONS, responses()));
    expect(firstAnswers(later.concat(responses())).filter((r) => r.learner === "L")).toHaveLength(6);
  });

  it("suppresses flags below the minimum number of answers", () => {
    const few = responses().filter((r) => r.learner < "E");
    const q6 = itemStatistics(QUESTIONS, few).find((x) => x.questionId === "q6");
    expect(q6?.n).toBe(4);
    expect(q6?.lowN).toBe(true);
    expect(q6?.flags).toEqual([]);
    expect(ITEM_THRESHOLDS.minN).toBe(10);
  });

  it("a question nobody answered has no figures", () => {
    const none = itemStatistics([mc("q9")], responses())[0];
    expect(none).toMatchObject({
      n: 0,
      facility: null,
      discrimination: null,
      medianSeconds: null,
      flags: [],
    });
  });
});

describe("pearson (point-biserial)", () => {
  it("matches a 4-point hand computation", () => {
    // (x, y) = (1,1) (1,.5) (0,.5) (0,0): x̄ = ȳ = .5; Σdxdy = .25 + 0 + 0 + .25 = .5; Σdx² = 1;
    // Σdy² = .5 → r = .5 / √.5 = 0.70711.
    expect(pearson([1, 1, 0, 0], [1, 0.5, 0.5, 0])).toBeCloseTo(Math.SQRT1_2, 10);
    expect(pearson([1, 1], [0.2, 0.4])).toBeNull();
  });
});

describe("seconds to answer", () => {
  it("is the gap since the previous first answer of the attempt, breaks unknown", () => {
    const t = secondsToAnswer("2026-11-20T10:00:00.000Z", [
      { questionId: "q2", at: "2026-11-20T10:01:30.000Z" },
      { questionId: "q1", at: "2026-11-20T10:00:45.000Z" },
      { questionId: "q3", at: "2026-11-20T11:01:30.000Z" },
    ]);
    expect(Object.fromEntries(t)).toEqual({ q1: 45, q2: 45, q3: null });
  });
});

describe("author queue", () => {
  it("puts reported and flagged items first, most attention first", () => {
    const stats = itemStatistics(QUESTIONS, responses());
    const queue = authorQueue(stats, new Map([["q2", ["wrong-key", "unclear"] as const]]));
    expect(queue.map((e) => [e.questionId, e.attention])).toEqual([
      ["q2", 8],
      ["q6", 6],
      ["q4", 5],
      ["q3", 4],
      ["q5", 1],
      ["q1", 0],
    ]);
    expect(queue[0]?.openReports).toEqual({ "wrong-key": 1, unclear: 1 });
  });
});
