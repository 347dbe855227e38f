import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import { betaBinomialPmf, convolve, logGamma, quantile } from "./beta-binomial.js";
import { brierScore, reliability } from "./calibration.js";
import { simulateCalibration } from "./calibration-simulation.js";
import { estimateReadiness, firstAnswers, type ScoredAnswer } from "./readiness.js";
import { scheduleReviews } from "./review-schedule.js";
import { buildStudyPlan, type PlanExam } from "./study-plan.js";

const CLF = {
  exam: "CLF-C02",
  questionCount: 65,
  passingScore: 700,
  domains: [
    { id: "1", name: "Cloud Concepts", weight: 24 },
    { id: "2", name: "Security and Compliance", weight: 30 },
    { id: "3", name: "Cloud Technology and Services", weight: 34 },
    { id: "4", name: "Billing, Pricing, and Support", weight: 12 },
  ],
};
const NOW = new Date("2026-11-30T12:00:00Z");

/** `n` answers spread over the domains by weight, `share` of them right, answered `daysAgo` days before NOW. */
function history(
  n: number,
  share: number,
  opts: { daysAgo?: number; mode?: ScoredAnswer["mode"]; domain?: string; prefix?: string } = {},
): ScoredAnswer[] {
  const at = new Date(NOW.getTime() - (opts.daysAgo ?? 1) * 86_400_000).toISOString();
  const ids = ["1", "2", "2", "3", "3", "3", "1", "4", "2", "3"];
  return Array.from({ length: n }, (_, i) => ({
    questionId: `${opts.prefix ?? "q"}${i}`,
    domain: opts.domain ?? (ids[i % ids.length] as string),
    correct: (i * share) % 1 >= 1 - share - 1e-9 ? true : Math.floor((i + 1) * share) > Math.floor(i * share),
    mode: opts.mode ?? "practice",
    answeredAt: at,
  }));
}

describe("beta-binomial arithmetic", () => {
  it("matches known values", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
    // Beta(1,1) prior: every count of 2 items is equally likely.
    for (const p of betaBinomialPmf(2, 1, 1)) expect(p).toBeCloseTo(1 / 3, 10);
    const pmf = convolve(betaBinomialPmf(16, 8, 3), betaBinomialPmf(19, 2, 2));
    expect(pmf).toHaveLength(36);
    expect(pmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    expect(quantile([0.1, 0.2, 0.3, 0.4], 0.5)).toBe(2);
  });
});

describe("readiness", () => {
  it("asks for more answers below the minimum and always answers from 60 on", () => {
    const few = estimateReadiness(CLF, history(12, 0.8), NOW);
    expect(few.passProbability).toBeNull();
    expect(few.predictedScaledScore).toBeNull();
    expect(few.needed).toBe(8);
    const many = estimateReadiness(CLF, history(60, 0.3), NOW);
    expect(many.passProbability).not.toBeNull();
    expect(many.needed).toBe(0);
  });

  it("gives golden values for a fixed history", () => {
    const r = estimateReadiness(CLF, history(100, 0.8), NOW);
    expect(r.answered).toBe(100);
    expect(r.passProbability).toBeCloseTo(0.942, 3);
    expect(r.predictedScaledScore).toEqual({ estimate: 800, low: 723, high: 862 });
    expect(r.domains.map((d) => d.formQuestions)).toEqual([16, 19, 22, 8]);
  });

  it("is surer with more evidence: the interval narrows", () => {
    const few = estimateReadiness(CLF, history(25, 0.76), NOW).predictedScaledScore;
    const many = estimateReadiness(CLF, history(400, 0.76), NOW).predictedScaledScore;
    expect(few && many).toBeTruthy();
    if (!few || !many) return;
    expect(few.high - few.low).toBeGreaterThan(many.high - many.low);
  });

  it("orders learners by ability", () => {
    const weak = estimateReadiness(CLF, history(120, 0.55), NOW).passProbability ?? 1;
    const strong = estimateReadiness(CLF, history(120, 0.9), NOW).passProbability ?? 0;
    expect(weak).toBeLessThan(0.1);
    expect(strong).toBeGreaterThan(0.95);
  });

  it("weighs a heavy weak domain more than a light one", () => {
    const base = history(120, 0.85);
    const weakIn = (domain: string) => base.map((a) => (a.domain === domain ? { ...a, correct: false } : a));
    const heavy = estimateReadiness(CLF, weakIn("3"), NOW);
    const light = estimateReadiness(CLF, weakIn("4"), NOW);
    expect(heavy.passProbability ?? 1).toBeLessThan(light.passProbability ?? 0);
    expect(heavy.weakest[0]).toBe("3");
  });

  it("counts the first answer of a question only, and recent answers more than old ones", () => {
    const first = history(40, 0.5);
    const repeat = first.map((a) => ({ ...a, correct: true, answeredAt: NOW.toISOString() }));
    expect(firstAnswers([...repeat, ...first])).toHaveLength(40);
    expect(estimateReadiness(CLF, [...first, ...repeat], NOW).passProbability).toBe(
      estimateReadiness(CLF, first, NOW).passProbability,
    );
    const oldWrongRecentRight = [
      ...history(60, 0.4, { daysAgo: 60, prefix: "old" }),
      ...history(60, 0.85, { daysAgo: 1, prefix: "new" }),
    ];
    const oldRightRecentWrong = [
      ...history(60, 0.85, { daysAgo: 60, prefix: "old" }),
      ...history(60, 0.4, { daysAgo: 1, prefix: "new" }),
    ];
    expect(estimateReadiness(CLF, oldWrongRecentRight, NOW).passProbability ?? 0).toBeGreaterThan(
      estimateReadiness(CLF, oldRightRecentWrong, NOW).passProbability ?? 1,
    );
  });

  it("gives each domain an interval and a chance of meeting its competencies", () => {
    const base = history(120, 0.85);
    const r = estimateReadiness(
      CLF,
      base.map((a) => (a.domain === "3" ? { ...a, correct: false } : a)),
      NOW,
    );
    for (const d of r.domains) {
      expect(d.low).toBeLessThanOrEqual(d.estimate);
      expect(d.high).toBeGreaterThanOrEqual(d.estimate);
    }
    const weak = r.domains.find((d) => d.id === "3");
    const strong = r.domains.find((d) => d.id === "2");
    expect(weak?.meetsProbability ?? 1).toBeLessThan(0.05);
    expect(strong?.meetsProbability ?? 0).toBeGreaterThan(0.6);
  });

  it("does not let a drill of one strong domain set the prior for the others", () => {
    const practice = history(30, 0.6);
    const drill = history(40, 1, { mode: "drill", domain: "1", prefix: "d" });
    const r = estimateReadiness(CLF, [...practice, ...drill], NOW);
    expect(r.evidence.mixedShare).toBeCloseTo(0.6, 1);
    const d4 = r.domains.find((d) => d.id === "4");
    expect(d4?.estimate ?? 1).toBeLessThan(0.7);
  });

  it("is calibrated on simulated learners and beats the 70%-so-far rule", () => {
    const report = simulateCalibration({ learners: 600, seed: "unit", blueprint: CLF, now: NOW });
    expect(report.brier.improvement).toBeGreaterThan(0.25);
    expect(report.ece).toBeLessThan(0.08);
    expect(
      brierScore([
        { p: 1, outcome: true },
        { p: 0, outcome: true },
      ]),
    ).toBe(0.5);
    expect(
      reliability(
        [
          { p: 0.2, outcome: false },
          { p: 0.8, outcome: true },
        ],
        2,
      ).bins,
    ).toHaveLength(2);
  });
});

describe("spaced repetition to the exam date", () => {
  const weights = new Map(CLF.domains.map((d) => [d.id, d.weight]));
  const wrong = (id: string, daysAgo: number, correct = false): ScoredAnswer => ({
    questionId: id,
    domain: "2",
    correct,
    mode: "practice",
    answeredAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  });

  it("makes a card of every question answered wrong, none of those always right", () => {
    const cards = scheduleReviews({
      answers: [wrong("a", 3), wrong("b", 2, true), wrong("c", 1)],
      domainWeights: weights,
      today: "2026-11-30",
    });
    expect(cards.map((c) => c.questionId).sort()).toEqual(["a", "c"]);
    expect(cards[0]?.dueNow).toBe(true);
  });

  it("never schedules a card on or after the exam date", () => {
    const answers = Array.from({ length: 30 }, (_, i) => [
      wrong(`q${i}`, 40),
      wrong(`q${i}`, 20, true),
      wrong(`q${i}`, 5, true),
    ]).flat();
    for (const examDate of ["2026-12-01", "2026-12-10", "2027-01-20"]) {
      const cards = scheduleReviews({ answers, domainWeights: weights, today: "2026-11-30", examDate });
      expect(cards).toHaveLength(30);
      for (const c of cards) {
        expect(c.due < examDate).toBe(true);
        expect(c.due >= "2026-11-30").toBe(true);
      }
    }
  });

  it("moves the next due date when a card is reviewed", () => {
    const before = scheduleReviews({
      answers: [wrong("a", 10)],
      domainWeights: weights,
      today: "2026-11-30",
      examDate: "2027-02-01",
    });
    const after = scheduleReviews({
      answers: [wrong("a", 10), { ...wrong("a", 0, true), answeredAt: NOW.toISOString() }],
      domainWeights: weights,
      today: "2026-11-30",
      examDate: "2027-02-01",
    });
    expect(before[0]?.dueNow).toBe(true);
    expect(after[0]?.dueNow).toBe(false);
    expect((after[0]?.due ?? "") > "2026-11-30").toBe(true);
  });
});

describe("study plan", () => {
  const exam = (estimates: [string, number][] = []): PlanExam => ({
    exam: "CLF-C02",
    name: "Cloud Practitioner",
    domains: CLF.domains,
    durationMinutes: 90,
    questionCount: 65,
    studyHours: 30,
    domainEstimates: new Map(estimates),
    progress: 0,
    reviewCards: 12,
    needsBaseline: true,
  });

  it("stays within the hours per week, ends before the date and includes practice exams", () => {
    const plan = buildStudyPlan({
      exams: [exam()],
      startDate: "2026-11-30",
      targetDate: "2027-01-25",
      hoursPerWeek: 6,
    });
    expect(plan.weeks.length).toBeGreaterThan(5);
    for (const w of plan.weeks) {
      expect(w.minutes).toBeLessThanOrEqual(360);
      expect(w.sessions.reduce((s, x) => s + x.minutes, 0)).toBe(w.minutes);
    }
    const all = plan.weeks.flatMap((w) => w.sessions);
    expect(all.every((s) => s.date < "2027-01-25" && s.date >= "2026-11-30")).toBe(true);
    const mocks = all.filter((s) => s.activity === "practice-exam");
    expect(mocks.length).toBeGreaterThanOrEqual(2);
    expect(mocks[0]?.date).toBe(all[0]?.date);
    expect(addDays(mocks.at(-1)?.date ?? "", 3) <= "2027-01-25").toBe(true);
    expect(all.some((s) => s.activity === "review")).toBe(true);
    expect(new Set(all.map((s) => s.key)).size).toBe(all.length);
    expect(plan.feasible).toBe(true);
  });

  it("gives a weak domain more time than its weight alone", () => {
    const minutes = (p: ReturnType<typeof buildStudyPlan>, d: string) =>
      p.weeks
        .flatMap((w) => w.sessions)
        .filter((s) => s.activity !== "practice-exam" && s.domains.includes(d))
        .reduce((s, x) => s + x.minutes, 0);
    const even = buildStudyPlan({
      exams: [
        exam([
          ["1", 0.8],
          ["2", 0.8],
          ["3", 0.8],
          ["4", 0.8],
        ]),
      ],
      startDate: "2026-11-30",
      targetDate: "2027-01-25",
      hoursPerWeek: 6,
    });
    const weak2 = buildStudyPlan({
      exams: [
        exam([
          ["1", 0.8],
          ["2", 0.4],
          ["3", 0.8],
          ["4", 0.8],
        ]),
      ],
      startDate: "2026-11-30",
      targetDate: "2027-01-25",
      hoursPerWeek: 6,
    });
    const share = (p: typeof even) =>
      minutes(p, "2") / ["1", "2", "3", "4"].reduce((s, d) => s + minutes(p, d), 0);
    expect(share(even)).toBeCloseTo(0.3, 1);
    expect(share(weak2)).toBeGreaterThan(0.4);
  });

  it("says when the date cannot be met and what would", () => {
    const plan = buildStudyPlan({
      exams: [exam()],
      startDate: "2026-11-30",
      targetDate: "2026-12-14",
      hoursPerWeek: 2,
    });
    expect(plan.feasible).toBe(false);
    expect(plan.warnings[0]).toMatch(
      /Study about [\d.]+ hours per week, or move the target date to \d{4}-\d{2}-\d{2}/,
    );
  });

  it("keeps completed sessions when re-planned and is deterministic", () => {
    const first = buildStudyPlan({
      exams: [exam()],
      startDate: "2026-11-30",
      targetDate: "2027-01-25",
      hoursPerWeek: 6,
    });
    const done = first.weeks.flatMap((w) => w.sessions).filter((s) => s.date < "2026-12-10");
    const again = buildStudyPlan({
      exams: [exam([["2", 0.4]])],
      startDate: "2026-12-10",
      targetDate: "2027-01-25",
      hoursPerWeek: 6,
      keep: done,
    });
    const kept = again.weeks.flatMap((w) => w.sessions).filter((s) => s.date < "2026-12-10");
    expect(kept).toEqual(done);
    for (const w of again.weeks) expect(w.minutes).toBeLessThanOrEqual(360);
    expect(
      JSON.stringify(
        buildStudyPlan({
          exams: [exam()],
          startDate: "2026-11-30",
          targetDate: "2027-01-25",
          hoursPerWeek: 6,
        }),
      ),
    ).toBe(JSON.stringify(first));
  });
});
