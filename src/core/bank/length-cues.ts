import type { Question } from "./question-types.js";
import { chanceOf, rankHit, topNHit } from "./strategy-odds.js";

/** Key-by-length figures of one exam's bank: what a candidate who reads only option lengths scores. */
export interface LengthFigures {
  chooseOne: {
    count: number;
    /** Share of choose-one questions whose key is the option at each length rank (index 0 = longest). */
    rankShares: number[];
    /** The best "always pick length rank r" strategy (from the longest, or `shortest`). */
    best: { rank: number | "shortest"; share: number };
    chance: number;
  };
  chooseN: {
    count: number;
    /** Share of choose-N questions whose key is exactly the N longest options. */
    longest: number;
    /** Share whose key is exactly the N shortest options. */
    shortest: number;
    chance: number;
  };
}

/** A per-question cue: the key is much longer than every distractor. */
export interface LengthCue {
  id: string;
  keyLength: number;
  longestDistractor: number;
}

/** Key much longer = the shortest key option is this many times the longest distractor, and 20+ characters longer. */
export const LONG_KEY_RATIO = 1.3;

type Choice = Extract<Question, { type: "multiple-choice" | "multiple-response" }>;

/** The choice questions of a list (multiple choice and multiple response). */
export function choiceQuestions(questions: readonly Question[]): Choice[] {
  return questions.filter((q): q is Choice => q.type === "multiple-choice" || q.type === "multiple-response");
}

const share = (sum: number, n: number) => (n === 0 ? 0 : sum / n);

/** Length-rank and N-longest/N-shortest figures over the choice questions, each with its chance rate. */
export function lengthFigures(questions: readonly Question[]): LengthFigures {
  const choice = choiceQuestions(questions);
  const one = choice.filter((q) => q.options.filter((o) => o.correct).length === 1);
  const many = choice.filter((q) => q.options.filter((o) => o.correct).length > 1);
  const maxOptions = Math.max(0, ...one.map((q) => q.options.length));
  const rankSums = Array.from({ length: maxOptions }, () => 0);
  let shortestSum = 0;
  let chanceOne = 0;
  for (const q of one) {
    const lens = q.options.map((o) => o.text.length);
    const key = q.options.findIndex((o) => o.correct);
    for (let r = 0; r < maxOptions; r++) rankSums[r] = (rankSums[r] as number) + rankHit(lens, key, r);
    shortestSum += rankHit(lens, key, lens.length - 1);
    chanceOne += 1 / lens.length;
  }
  const rankShares = rankSums.map((s) => share(s, one.length));
  let best: LengthFigures["chooseOne"]["best"] = { rank: 0, share: rankShares[0] ?? 0 };
  rankShares.forEach((s, r) => {
    if (s > best.share) best = { rank: r, share: s };
  });
  const shortestShare = share(shortestSum, one.length);
  if (shortestShare > best.share) best = { rank: "shortest", share: shortestShare };

  let longest = 0;
  let shortest = 0;
  let chanceMany = 0;
  for (const q of many) {
    const lens = q.options.map((o) => o.text.length);
    const key = q.options.map((o) => o.correct);
    const n = key.filter(Boolean).length;
    longest += topNHit(lens, key, n);
    shortest += topNHit(
      lens.map((l) => -l),
      key,
      n,
    );
    chanceMany += chanceOf(n, lens.length);
  }
  return {
    chooseOne: { count: one.length, rankShares, best, chance: share(chanceOne, one.length) },
    chooseN: {
      count: many.length,
      longest: share(longest, many.length),
      shortest: share(shortest, many.length),
      chance: share(chanceMany, many.length),
    },
  };
}

/** Choice questions whose key is much longer than every distractor (a give-away for a test-wise reader). */
export function longKeyCue(q: Question): LengthCue | undefined {
  if (q.type !== "multiple-choice" && q.type !== "multiple-response") return undefined;
  const keyLength = Math.min(...q.options.filter((o) => o.correct).map((o) => o.text.length));
  const longestDistractor = Math.max(...q.options.filter((o) => !o.correct).map((o) => o.text.length));
  if (!Number.isFinite(keyLength) || !Number.isFinite(longestDistractor)) return undefined;
  return keyLength > LONG_KEY_RATIO * longestDistractor && keyLength - longestDistractor >= 20
    ? { id: q.id, keyLength, longestDistractor }
    : undefined;
}
