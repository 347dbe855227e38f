import type { Domain } from "../catalog/catalog-types.js";
import { largestRemainder } from "../exam/blueprint.js";
import { RAW_CUT, scaleScore } from "../exam/scoring.js";
import { betaBinomialPmf, convolve, quantile } from "./beta-binomial.js";

/** How an answer was given: a timed exam, practice, a drill of chosen domains/mistakes, or a spaced review. */
export type AnswerMode = "exam" | "practice" | "drill" | "review";

/** One scored answer of the learner's history (the first complete answer of a question in an attempt). */
export interface ScoredAnswer {
  questionId: string;
  domain: string;
  correct: boolean;
  mode: AnswerMode;
  /** ISO instant of the answer (server clock). */
  answeredAt: string;
}

/** What the model needs of an exam's blueprint. */
export interface ReadinessBlueprint {
  exam: string;
  questionCount: number;
  passingScore: number;
  domains: readonly Domain[];
}

/** Model settings; the defaults are documented in docs/readiness.md. */
export interface ReadinessOptions {
  /** Days after which an answer counts half (recency weighting). Default 14. */
  halfLifeDays?: number;
  /** Prior strength in pseudo-answers per domain. Default 2. */
  priorStrength?: number;
  /** Answers needed before a probability is given. Default 20. */
  minimumAnswers?: number;
  /** Central probability of the predicted interval. Default 0.8 (10th to 90th percentile). */
  interval?: number;
}

export interface DomainReadiness {
  id: string;
  name: string;
  weight: number;
  /** Distinct questions of this domain answered (first answers only). */
  answered: number;
  correct: number;
  /** Posterior mean share correct on a fresh question of the domain, 0–1. */
  estimate: number;
  /** Questions a full form draws from this domain. */
  formQuestions: number;
  /** The interval (same probability as the score's) of the share right on this domain's part of a fresh form, 0–1. */
  low: number;
  high: number;
  /** Probability of meeting this domain's competencies on a fresh form (at least 70% of its questions right). */
  meetsProbability: number;
}

/** The readiness estimate for one exam: a predicted scaled score with an interval and a pass probability. */
export interface Readiness {
  exam: string;
  /** ISO instant the estimate was made for. */
  asOf: string;
  /** Distinct questions answered (first answers only). */
  answered: number;
  /** Answers still needed before a probability is given (0 once there is one). */
  needed: number;
  predictedScaledScore: { estimate: number; low: number; high: number } | null;
  passProbability: number | null;
  passingScore: number;
  /** Central probability of the `low`–`high` interval (0.8). */
  intervalProbability: number;
  evidence: {
    level: "none" | "low" | "medium" | "high";
    /** Sum of recency weights of the answers used. */
    weightedAnswers: number;
    domainsCovered: number;
    /** Share correct over the non-drill answers that set the prior, or null when there are none. */
    mixedShare: number | null;
  };
  domains: DomainReadiness[];
  /** Domains whose gap to the cut costs the most points (weight × shortfall), worst first. */
  weakest: string[];
}

const DAY_MS = 86_400_000;

/** The first answer of each question: repeats of a question already seen say more about memory than ability. */
export function firstAnswers(answers: readonly ScoredAnswer[]): ScoredAnswer[] {
  const sorted = [...answers].sort(
    (a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.questionId.localeCompare(b.questionId),
  );
  const seen = new Set<string>();
  const out: ScoredAnswer[] = [];
  for (const a of sorted) {
    if (seen.has(a.questionId)) continue;
    seen.add(a.questionId);
    out.push(a);
  }
  return out;
}

/**
 * Predicts a learner's result on a fresh full form of an exam from their answer history.
 * Model (docs/readiness.md): per domain, share correct p_d ~ Beta(m·μ + c_d, m·(1−μ) + w_d), where c_d and
 * w_d are recency-weighted counts (weight 0.5^(age/halfLife)) of first answers right and wrong, and μ, the
 * prior mean, comes from exam and practice answers only (drills of chosen domains inflate it). The
 * beta-binomial predictive of each domain's form count is convolved into the total; P(pass) is the mass at
 * or above ⌈RAW_CUT·N⌉ (scoring.ts), and the interval's quantiles go through scaleScore().
 */
export function estimateReadiness(
  blueprint: ReadinessBlueprint,
  answers: readonly ScoredAnswer[],
  now: Date,
  options: ReadinessOptions = {},
): Readiness {
  const halfLife = options.halfLifeDays ?? 14;
  const m = options.priorStrength ?? 2;
  const minimum = options.minimumAnswers ?? 20;
  const interval = options.interval ?? 0.8;
  const domainIds = new Set(blueprint.domains.map((d) => d.id));
  const first = firstAnswers(answers).filter((a) => domainIds.has(a.domain));

  // One pass: each answer's recency weight and the per-domain weighted counts.
  const nowMs = now.getTime();
  const perDomain = new Map(blueprint.domains.map((d) => [d.id, { c: 0, w: 0, answered: 0, correct: 0 }]));
  let priorRight = 0;
  let priorAll = 0;
  let allRight = 0;
  let allWeight = 0;
  let mixedCount = 0;
  let mixedCorrect = 0;
  for (const a of first) {
    const wt = 0.5 ** (Math.max(0, nowMs - Date.parse(a.answeredAt)) / DAY_MS / halfLife);
    const d = perDomain.get(a.domain);
    if (!d) continue;
    d.answered++;
    allWeight += wt;
    if (a.correct) {
      d.correct++;
      d.c += wt;
      allRight += wt;
    } else d.w += wt;
    if (a.mode === "exam" || a.mode === "practice") {
      mixedCount++;
      priorAll += wt;
      if (a.correct) {
        mixedCorrect++;
        priorRight += wt;
      }
    }
  }
  // The prior mean comes from exam and practice answers (drills inflate it), else from all answers;
  // with no evidence at all it is centred on the cut: nothing says either way.
  if (mixedCount === 0) {
    priorRight = allRight;
    priorAll = allWeight;
  }
  const mu = priorAll > 0 ? (priorRight + 0.5) / (priorAll + 1) : RAW_CUT;

  const formCounts = largestRemainder(blueprint.questionCount, [...blueprint.domains]);
  let total: number[] = [1];
  let weighted = 0;
  const domains: DomainReadiness[] = blueprint.domains.map((d) => {
    const { c, w, answered, correct } = perDomain.get(d.id) ?? { c: 0, w: 0, answered: 0, correct: 0 };
    weighted += c + w;
    const alpha = m * mu + c;
    const beta = m * (1 - mu) + w;
    const n = formCounts.get(d.id) ?? 0;
    const pmf = betaBinomialPmf(n, alpha, beta);
    total = convolve(total, pmf);
    const tail = (1 - interval) / 2;
    const share = (x: number) => (n === 0 ? 0 : x / n);
    return {
      id: d.id,
      name: d.name,
      weight: d.weight,
      answered,
      correct,
      estimate: alpha / (alpha + beta),
      formQuestions: n,
      low: round(share(quantile(pmf, tail)), 3),
      high: round(share(quantile(pmf, 1 - tail)), 3),
      meetsProbability: round(
        pmf.slice(Math.ceil(RAW_CUT * n - 1e-9)).reduce((a, p) => a + p, 0),
        3,
      ),
    };
  });

  const n = blueprint.questionCount;
  const cut = Math.ceil(RAW_CUT * n - 1e-9);
  const answered = first.length;
  const needed = Math.max(0, minimum - answered);
  let passProbability: number | null = null;
  let predicted: Readiness["predictedScaledScore"] = null;
  if (needed === 0) {
    passProbability = total.slice(cut).reduce((s, p) => s + p, 0);
    const tail = (1 - interval) / 2;
    const at = (q: number) => scaleScore(quantile(total, q) / n, blueprint.passingScore);
    predicted = { estimate: at(0.5), low: at(tail), high: at(1 - tail) };
  }
  const weakest = [...domains]
    .filter((d) => d.estimate < RAW_CUT + 0.1)
    .sort((a, b) => b.weight * (RAW_CUT + 0.1 - b.estimate) - a.weight * (RAW_CUT + 0.1 - a.estimate))
    .map((d) => d.id);
  const level = answered === 0 ? "none" : weighted < 30 ? "low" : weighted < 100 ? "medium" : "high";
  return {
    exam: blueprint.exam,
    asOf: now.toISOString(),
    answered,
    needed,
    predictedScaledScore: predicted,
    passProbability: passProbability === null ? null : round(passProbability, 3),
    passingScore: blueprint.passingScore,
    intervalProbability: interval,
    evidence: {
      level,
      weightedAnswers: round(weighted, 1),
      domainsCovered: domains.filter((d) => d.answered > 0).length,
      mixedShare: mixedCount > 0 ? round(mixedCorrect / mixedCount, 3) : null,
    },
    domains: domains.map((d) => ({ ...d, estimate: round(d.estimate, 3) })),
    weakest,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
