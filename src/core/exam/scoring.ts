import { isCorrect } from "../bank/answer-key.js";
import type { Answer, Question } from "../bank/question-types.js";
import type { Blueprint } from "./blueprint.js";

/**
 * AWS reports a scaled score from 100 to 1000 and does not publish its equating. certpath uses a
 * documented piecewise-linear stand-in: a raw share of RAW_CUT correct maps exactly to the exam's pass
 * mark, 0% to 100 and 100% to 1000, linear in between. It is monotone, so more correct answers never
 * lower the score, and the report calls the result an estimate.
 */
export const RAW_CUT = 0.7;
export const SCORING_METHOD =
  "AWS does not publish how raw results are equated to its 100–1000 scale. certpath maps 70% correct to the exam's pass mark, 0% to 100 and 100% to 1000, linearly in between. Every question counts (AWS leaves 10–15 unscored), and each is all-or-nothing, as on the real exam.";

/** Scaled score for a raw share of correct answers. */
export function scaleScore(rawShare: number, passingScore: number): number {
  const p = Math.min(1, Math.max(0, rawShare));
  const scaled =
    p <= RAW_CUT
      ? 100 + ((passingScore - 100) * p) / RAW_CUT
      : passingScore + ((1000 - passingScore) * (p - RAW_CUT)) / (1 - RAW_CUT);
  return Math.round(scaled);
}

export interface DomainResult {
  id: string;
  name: string;
  weight: number;
  correct: number;
  total: number;
  rating: "meets" | "needs-improvement";
}

export interface ScoreReport {
  scaledScore: number;
  passingScore: number;
  passed: boolean;
  correct: number;
  total: number;
  domains: DomainResult[];
  method: string;
}

/** Scores a submitted form: all-or-nothing items, unanswered counts as wrong, a rating per domain. */
export function scoreForm(
  blueprint: Blueprint,
  questions: readonly Question[],
  answers: ReadonlyMap<string, Answer>,
): ScoreReport {
  const perDomain = new Map(blueprint.domains.map((d) => [d.id, { correct: 0, total: 0 }]));
  let correct = 0;
  for (const q of questions) {
    const ok = isCorrect(q, answers.get(q.id));
    const d = perDomain.get(q.domain);
    if (d) {
      d.total++;
      if (ok) d.correct++;
    }
    if (ok) correct++;
  }
  const total = questions.length;
  const scaledScore = total === 0 ? 100 : scaleScore(correct / total, blueprint.passingScore);
  return {
    scaledScore,
    passingScore: blueprint.passingScore,
    passed: scaledScore >= blueprint.passingScore,
    correct,
    total,
    domains: blueprint.domains
      .map((d) => {
        const r = perDomain.get(d.id) ?? { correct: 0, total: 0 };
        const rating: DomainResult["rating"] =
          r.total > 0 && r.correct / r.total >= RAW_CUT ? "meets" : "needs-improvement";
        return { id: d.id, name: d.name, weight: d.weight, correct: r.correct, total: r.total, rating };
      })
      .filter((d) => d.total > 0),
    method: SCORING_METHOD,
  };
}
