import type { Answer, Question } from "./question-types.js";

/**
 * Item statistics after Moodle's quiz statistics (https://docs.moodle.org/en/Quiz_statistics_calculations):
 * facility, discrimination as the corrected item–total correlation, choice counts and time to answer.
 *
 * Which answers count: the scored answers of exam and practice attempts (one per question per attempt: the
 * submitted answer of a timed exam, an unanswered question scoring 0; the first complete answer of practice).
 * Like Moodle's default, only each learner's FIRST scored answer to a question counts: a learner who has seen
 * the key measures memory, not the item. Drills and spaced reviews are left out by the caller: their questions
 * are picked from the learner's weak spots, which would bias every figure.
 */
export interface ScoredResponse {
  attemptId: string;
  learner: string;
  questionId: string;
  correct: boolean;
  /** The answer in the bank's ids (null: not answered). */
  answer: Answer | null;
  /** Seconds the learner took to give the first answer (see `secondsToAnswer`); null when unknown. */
  seconds: number | null;
  /** When the answer was scored (ISO instant): orders a learner's answers to find the first. */
  answeredAt: string;
}

/** Where the flags start; documented in docs/item-statistics.md. */
export const ITEM_THRESHOLDS = {
  /** Facility above this: almost everyone gets it right, it tells candidates apart very little. */
  tooEasy: 0.9,
  /** Facility below this: worse than a guess among 4–5 options; often a wrong key or an unclear stem. */
  tooHard: 0.2,
  /** Below this (and ≥ 0) the item barely separates strong from weak candidates (Moodle: "weak"). */
  weakDiscrimination: 0.2,
  /** Fewer counted answers than this: figures are shown, flags are suppressed (they would be noise). */
  minN: 10,
  /** A gap longer than this between two answers is a break, not time on the question. */
  maxSecondsPerAnswer: 30 * 60,
} as const;

export type ItemFlag =
  | "too-easy"
  | "too-hard"
  | "negative-discrimination"
  | "weak-discrimination"
  | "distractor-beats-key";

/** How often one option (or, for matching, one prompt→option pair) was chosen. */
export interface ChoiceCount {
  /** Bank id of the option (ordering: the item placed first). */
  option: string;
  /** Matching only: the prompt the option was matched to. */
  prompt?: string;
  /** Part of the key. */
  key: boolean;
  count: number;
}

export interface ItemStatistics {
  questionId: string;
  exam: string;
  domain: string;
  type: Question["type"];
  /** Counted answers. */
  n: number;
  correct: number;
  /** Share of counted answers that were right (Moodle's facility index F = mean score / max score). */
  facility: number | null;
  /** Corrected item–total correlation, −1…1; null when it cannot be computed (too few, or no spread). */
  discrimination: number | null;
  choices: ChoiceCount[];
  unanswered: number;
  /** Median seconds to answer over the answers whose time is known. */
  medianSeconds: number | null;
  timed: number;
  /** True when n < ITEM_THRESHOLDS.minN: no flag is raised. */
  lowN: boolean;
  flags: ItemFlag[];
}

/** Each learner's first scored answer to each question, oldest first (ties broken by attempt id). */
export function firstAnswers(responses: readonly ScoredResponse[]): ScoredResponse[] {
  const sorted = [...responses].sort(
    (a, b) => cmp(a.answeredAt, b.answeredAt) || cmp(a.attemptId, b.attemptId),
  );
  const seen = new Set<string>();
  return sorted.filter((r) => {
    const k = `${r.learner}\u0000${r.questionId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Pearson correlation of two equally long series; null when either has no spread or fewer than 2 points.
 * With x ∈ {0,1} this is the point-biserial correlation r = (M₁ − M₀)/s · √(p(1 − p)).
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** The median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Seconds to answer each question of one attempt, measured by the server: the gap between the first saved
 * answer to the question and the first saved answer before it in the attempt (or the attempt's start). In
 * a form taken in order that is the time spent reading and answering the question; a question skipped and
 * answered later gets the time since the previous answer. Gaps over `maxSeconds` are breaks: unknown (null).
 */
export function secondsToAnswer(
  startedAt: string,
  firstSaves: readonly { questionId: string; at: string }[],
  maxSeconds: number = ITEM_THRESHOLDS.maxSecondsPerAnswer,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  let previous = Date.parse(startedAt);
  for (const s of [...firstSaves].sort((a, b) => cmp(a.at, b.at) || cmp(a.questionId, b.questionId))) {
    const at = Date.parse(s.at);
    const gap = (at - previous) / 1000;
    out.set(s.questionId, Number.isFinite(gap) && gap >= 0 && gap <= maxSeconds ? gap : null);
    previous = at;
  }
  return out;
}

/** Counts how often each option, item or pair was chosen over the answered responses. */
function choiceCounts(q: Question, answers: readonly Answer[]): ChoiceCount[] {
  const tally = new Map<string, number>();
  const bump = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
  for (const a of answers)
    if (q.type === "matching") for (const [p, o] of a.pairs ?? []) bump(`${p}\u0000${o}`);
    else if (q.type === "ordering") {
      if (a.selected?.[0]) bump(a.selected[0]);
    } else for (const o of new Set(a.selected ?? [])) bump(o);
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      return q.options.map((o) => ({ option: o.id, key: o.correct, count: tally.get(o.id) ?? 0 }));
    case "ordering":
      return q.items.map((it, i) => ({ option: it.id, key: i === 0, count: tally.get(it.id) ?? 0 }));
    case "matching":
      return q.prompts.flatMap((p) =>
        q.options.map((o) => ({
          option: o.id,
          prompt: p.id,
          key: p.match === o.id,
          count: tally.get(`${p.id}\u0000${o.id}`) ?? 0,
        })),
      );
  }
}

/** A wrong choice picked more often than a keyed one: the key may be wrong, or the distractor also right. */
function distractorBeatsKey(choices: readonly ChoiceCount[]): boolean {
  const byPrompt = new Map<string, ChoiceCount[]>();
  for (const c of choices) byPrompt.set(c.prompt ?? "", [...(byPrompt.get(c.prompt ?? "") ?? []), c]);
  for (const list of byPrompt.values()) {
    const keyed = list.filter((c) => c.key).map((c) => c.count);
    const wrong = list.filter((c) => !c.key).map((c) => c.count);
    if (keyed.length && wrong.length && Math.max(...wrong) > Math.min(...keyed)) return true;
  }
  return false;
}

function flagsOf(s: Omit<ItemStatistics, "flags">): ItemFlag[] {
  if (s.lowN || s.facility === null) return [];
  const t = ITEM_THRESHOLDS;
  const flags: ItemFlag[] = [];
  if (s.facility > t.tooEasy) flags.push("too-easy");
  if (s.facility < t.tooHard) flags.push("too-hard");
  if (s.discrimination !== null && s.discrimination < 0) flags.push("negative-discrimination");
  else if (s.discrimination !== null && s.discrimination < t.weakDiscrimination)
    flags.push("weak-discrimination");
  if (distractorBeatsKey(s.choices)) flags.push("distractor-beats-key");
  return flags;
}

/**
 * Per question of `questions`: facility, discrimination, choice counts, median time and flags, from the
 * scored answers given (see ScoredResponse for which count).
 *
 * Discrimination is the corrected item–total correlation (Moodle's discrimination index, as a fraction):
 * over the counted answers to the item, with xᵢ = 1 when right and 0 otherwise, and yᵢ the REST of that
 * attempt's score — the share right of the attempt's other scored answers, (Tᵢ − xᵢ)/(mᵢ − 1), a share
 * because practice forms differ in length —
 *   D = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² · Σ(yᵢ − ȳ)²)  (the point-biserial correlation).
 * Leaving the item out of the total keeps it from correlating with itself. Answers from attempts with no
 * other scored answer have no rest score and are left out of D only.
 */
export function itemStatistics(
  questions: readonly Question[],
  responses: readonly ScoredResponse[],
): ItemStatistics[] {
  const totals = new Map<string, { right: number; scored: number }>();
  for (const r of responses) {
    const t = totals.get(r.attemptId) ?? { right: 0, scored: 0 };
    t.right += r.correct ? 1 : 0;
    t.scored += 1;
    totals.set(r.attemptId, t);
  }
  const byQuestion = new Map<string, ScoredResponse[]>();
  for (const r of firstAnswers(responses))
    byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);

  return questions.map((q) => {
    const rs = byQuestion.get(q.id) ?? [];
    const correct = rs.filter((r) => r.correct).length;
    const x: number[] = [];
    const y: number[] = [];
    for (const r of rs) {
      const t = totals.get(r.attemptId) as { right: number; scored: number };
      if (t.scored < 2) continue;
      const xi = r.correct ? 1 : 0;
      x.push(xi);
      y.push((t.right - xi) / (t.scored - 1));
    }
    const answered = rs.flatMap((r) => (r.answer && hasContent(r.answer) ? [r.answer] : []));
    const times = rs.flatMap((r) => (r.seconds === null ? [] : [r.seconds]));
    const base = {
      questionId: q.id,
      exam: q.exam,
      domain: q.domain,
      type: q.type,
      n: rs.length,
      correct,
      facility: rs.length ? correct / rs.length : null,
      discrimination: pearson(x, y),
      choices: choiceCounts(q, answered),
      unanswered: rs.length - answered.length,
      medianSeconds: median(times),
      timed: times.length,
      lowN: rs.length < ITEM_THRESHOLDS.minN,
    };
    return { ...base, flags: flagsOf(base) };
  });
}

const hasContent = (a: Answer) => (a.selected?.length ?? 0) > 0 || (a.pairs?.length ?? 0) > 0;
