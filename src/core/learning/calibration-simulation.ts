import type { Domain } from "../catalog/catalog-types.js";
import { largestRemainder } from "../exam/blueprint.js";
import { createRng, type Rng } from "../exam/rng.js";
import { RAW_CUT, scaleScore } from "../exam/scoring.js";
import { brierScore, type Forecast, reliability } from "./calibration.js";
import { estimateReadiness, type ReadinessBlueprint, type ScoredAnswer } from "./readiness.js";

/** Settings of the simulated learners (see docs/readiness.md, "How it is measured"). */
export interface SimulationOptions {
  /** Model options to evaluate (defaults otherwise). */
  model?: import("./readiness.js").ReadinessOptions;
  /** Largest gain in ability (logits) over the six weeks; default 0.6. */
  maxGrowth?: number;
  learners: number;
  seed: string;
  blueprint: ReadinessBlueprint;
  /** Fixed "today" of every simulated learner. */
  now: Date;
}

/** What the simulation reports: the model against the "≥ 70% so far" rule on the same learners. */
export interface CalibrationReport {
  learners: number;
  withProbability: number;
  brier: { model: number; rule: number; improvement: number };
  ece: number;
  intervalCoverage: number;
  reliability: {
    bins: { from: number; to: number; count: number; meanForecast: number; observedRate: number }[];
  };
  fewAnswers: { meanIntervalWidth: number; manyAnswersMeanIntervalWidth: number };
}

function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Simulated learners of known ability answer practice sets and domain drills over ~6 weeks (improving as
 * they go), the readiness model predicts, then each takes a fresh full form. Item response:
 * P(correct) = σ(θ + δ_d + growth·t − b_i) with learner ability θ ~ N(0.6, 0.9), domain offsets
 * δ_d ~ N(0, 0.5), item difficulty b_i ~ N(0, 0.8). Pure and seeded: same options, same report.
 */
export function simulateCalibration(opts: SimulationOptions): CalibrationReport {
  const rng = createRng(opts.seed);
  const bp = opts.blueprint;
  const formCounts = largestRemainder(bp.questionCount, [...bp.domains]);
  const model: Forecast[] = [];
  const rule: Forecast[] = [];
  let covered = 0;
  let withP = 0;
  const widthsFew: number[] = [];
  const widthsMany: number[] = [];
  const weightSum = bp.domains.reduce((s, d) => s + d.weight, 0);
  const pickDomain = (): Domain => {
    let r = rng.next() * weightSum;
    for (const d of bp.domains) {
      r -= d.weight;
      if (r <= 0) return d;
    }
    return bp.domains[bp.domains.length - 1] as Domain;
  };
  for (let l = 0; l < opts.learners; l++) {
    const theta = 0.6 + 0.9 * normal(rng);
    const offset = new Map(bp.domains.map((d) => [d.id, 0.5 * normal(rng)]));
    const growth = rng.next() * (opts.maxGrowth ?? 0.6); // logits gained over the whole period
    const days = 42;
    const answers: ScoredAnswer[] = [];
    const sessions = 2 + rng.int(10);
    let qn = 0;
    for (let s = 0; s < sessions; s++) {
      const dayOffset = Math.floor((s / sessions) * days);
      const at = new Date(opts.now.getTime() - (days - dayOffset) * 86_400_000).toISOString();
      const t = dayOffset / days;
      const drill = rng.next() < 0.35;
      const drillDomain = pickDomain();
      const size = drill ? 10 : 10 + rng.int(56);
      for (let i = 0; i < size; i++) {
        const d = drill ? drillDomain : pickDomain();
        const b = 0.8 * normal(rng);
        const p = sigmoid(theta + (offset.get(d.id) ?? 0) + growth * t - b);
        answers.push({
          questionId: `q${qn++}`,
          domain: d.id,
          correct: rng.next() < p,
          mode: drill ? "drill" : "practice",
          answeredAt: at,
        });
      }
    }
    // The real outcome: a fresh full form at today's ability.
    let right = 0;
    for (const d of bp.domains) {
      const n = formCounts.get(d.id) ?? 0;
      for (let i = 0; i < n; i++) {
        const b = 0.8 * normal(rng);
        if (rng.next() < sigmoid(theta + (offset.get(d.id) ?? 0) + growth - b)) right++;
      }
    }
    const passed = right >= Math.ceil(RAW_CUT * bp.questionCount - 1e-9);
    const est = estimateReadiness(bp, answers, opts.now, opts.model);
    if (est.passProbability === null || !est.predictedScaledScore) continue;
    withP++;
    model.push({ p: est.passProbability, outcome: passed });
    const share = answers.filter((a) => a.correct).length / answers.length;
    rule.push({ p: share >= RAW_CUT ? 1 : 0, outcome: passed });
    const scaled = scaleScore(right / bp.questionCount, bp.passingScore);
    if (scaled >= est.predictedScaledScore.low && scaled <= est.predictedScaledScore.high) covered++;
    const width = est.predictedScaledScore.high - est.predictedScaledScore.low;
    (answers.length < 60 ? widthsFew : widthsMany).push(width);
  }
  const bm = brierScore(model);
  const br = brierScore(rule);
  const rel = reliability(model, 10);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN);
  return {
    learners: opts.learners,
    withProbability: withP,
    brier: { model: bm, rule: br, improvement: 1 - bm / br },
    ece: rel.ece,
    intervalCoverage: covered / Math.max(1, withP),
    reliability: { bins: rel.bins },
    fewAnswers: { meanIntervalWidth: mean(widthsFew), manyAnswersMeanIntervalWidth: mean(widthsMany) },
  };
}
