import { isCorrect } from "../bank/answer-key.js";
import type { Answer, Question } from "../bank/question-types.js";
import { type Blueprint, largestRemainder } from "./blueprint.js";

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

/** Why a report has (or has not) a pass/fail verdict: a drill (or a spaced-repetition review) has none. */
export type VerdictKind = "scored" | "drill" | "short-form";

export interface ScoreReport {
  /** Null when no verdict makes sense (a drill, a form that is not a full blueprint form). */
  scaledScore: number | null;
  passingScore: number;
  passed: boolean | null;
  verdictKind: VerdictKind;
  /** One sentence: the verdict, or why there is none. */
  verdict: string;
  correct: number;
  total: number;
  percent: number;
  domains: DomainResult[];
  method: string;
}

/** True when a form is a full blueprint form: the exam's question count, split over every domain by weight. */
export function isBlueprintForm(
  blueprint: Blueprint,
  questions: readonly Pick<Question, "domain">[],
): boolean {
  if (questions.length !== blueprint.questionCount) return false;
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.domain, (counts.get(q.domain) ?? 0) + 1);
  const quotas = largestRemainder(blueprint.questionCount, blueprint.domains);
  return blueprint.domains.every((d) => (counts.get(d.id) ?? 0) === (quotas.get(d.id) ?? 0));
}

/** Which verdict a form of this mode and these questions gets. */
export function verdictKind(
  mode: "exam" | "practice" | "drill" | "review",
  blueprint: Blueprint,
  questions: readonly Pick<Question, "domain">[],
): VerdictKind {
  if (mode === "drill" || mode === "review") return "drill";
  return isBlueprintForm(blueprint, questions) ? "scored" : "short-form";
}

function verdictText(kind: VerdictKind, blueprint: Blueprint, total: number, scaled: number): string {
  if (kind === "drill")
    return "No pass/fail verdict: a drill or a review is not an exam form, so it gets a percentage and a domain breakdown.";
  if (kind === "short-form")
    return `No pass/fail verdict: this form has ${total} questions, not a full ${blueprint.exam} form of ${blueprint.questionCount} split over every domain by weight, so a scaled score would mislead.`;
  return scaled >= blueprint.passingScore
    ? `Pass: an estimated ${scaled} against the pass mark of ${blueprint.passingScore}.`
    : `Did not pass: an estimated ${scaled} against the pass mark of ${blueprint.passingScore}.`;
}

/** Scores a submitted form: all-or-nothing items, unanswered counts as wrong, a rating per domain. */
export function scoreForm(
  blueprint: Blueprint,
  questions: readonly Question[],
  answers: ReadonlyMap<string, Answer>,
  kind: VerdictKind = "scored",
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
  const scaled = total === 0 ? 100 : scaleScore(correct / total, blueprint.passingScore);
  const scored = kind === "scored";
  return {
    scaledScore: scored ? scaled : null,
    passingScore: blueprint.passingScore,
    passed: scored ? scaled >= blueprint.passingScore : null,
    verdictKind: kind,
    verdict: verdictText(kind, blueprint, total, scaled),
    correct,
    total,
    percent: total === 0 ? 0 : Math.round((100 * correct) / total),
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
