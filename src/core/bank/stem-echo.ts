import { choiceQuestions } from "./length-cues.js";
import type { Question } from "./question-types.js";
import { chanceOf, topNHit } from "./strategy-odds.js";
import { contentWords, wordSet } from "./text-tokens.js";

/** What a candidate scores who picks the option(s) sharing the most distinct words with the stem. */
export interface EchoFigures {
  count: number;
  share: number;
  /** The reverse strategy: the option(s) sharing the fewest words (authors who avoid echo can overshoot). */
  fewest: number;
  chance: number;
}

/** Stem words of 5+ letters that appear in a key option and in no distractor. */
export function echoedWords(q: Question): string[] {
  if (q.type !== "multiple-choice" && q.type !== "multiple-response") return [];
  const key = new Set(q.options.filter((o) => o.correct).flatMap((o) => contentWords(o.text)));
  const distractors = new Set(q.options.filter((o) => !o.correct).flatMap((o) => contentWords(o.text)));
  return [...wordSet(q.stem)].filter((w) => w.length >= 5 && key.has(w) && !distractors.has(w));
}

/** The "most words in common with the stem" strategy over an exam's choice questions, against chance. */
export function echoFigures(questions: readonly Question[]): EchoFigures {
  const choice = choiceQuestions(questions);
  let hits = 0;
  let fewest = 0;
  let chance = 0;
  for (const q of choice) {
    const stem = wordSet(q.stem);
    const overlap = q.options.map((o) => [...wordSet(o.text)].filter((w) => stem.has(w)).length);
    const key = q.options.map((o) => o.correct);
    const n = key.filter(Boolean).length;
    hits += topNHit(overlap, key, n);
    fewest += topNHit(
      overlap.map((x) => -x),
      key,
      n,
    );
    chance += chanceOf(n, q.options.length);
  }
  const n = choice.length;
  return { count: n, share: n ? hits / n : 0, fewest: n ? fewest / n : 0, chance: n ? chance / n : 0 };
}
