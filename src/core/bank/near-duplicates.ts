import type { Question } from "./question-types.js";
import { contentWords, jaccard, wordSet } from "./text-tokens.js";

/** Two questions of one exam that look alike: by `wording` (stem word 3-grams) or by what is `asked`. */
export interface DuplicatePair {
  /** Indexes into the list given; `a` < `b`. */
  a: number;
  b: number;
  kind: "wording" | "asked";
  /** Wording: stem 3-gram similarity. Asked: similarity of the answers and tagged services. */
  similarity: number;
  /** Asked: similarity of the two scenarios' words. */
  scenario?: number;
}

/** Word 3-gram similarity of two stems at or above which they are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/** "Same question, different words": the answers and tagged services this alike… */
export const ASKED_KEY_THRESHOLD = 0.55;
/** …and the scenarios' words this alike. */
export const ASKED_STEM_THRESHOLD = 0.1;

function shingles(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 2);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Jaccard similarity of word 3-grams: 1 for the same text, near 0 for unrelated stems. */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/** What a question asks for: the words of its answer (key options, or all items and pairs) and its tagged services. */
export function askedFeatures(q: Question): Set<string> {
  const text =
    q.type === "multiple-choice" || q.type === "multiple-response"
      ? q.options.filter((o) => o.correct).map((o) => o.text)
      : q.type === "ordering"
        ? q.items.map((i) => i.text)
        : q.prompts.map((p) => `${p.text} ${q.options.find((o) => o.id === p.match)?.text ?? ""}`);
  const out = new Set(contentWords(text.join(" ")));
  for (const s of q.services) out.add(`service:${s}`);
  return out;
}

/**
 * Pairs of sets whose Jaccard similarity is at least `t`, by a prefix-filtered similarity join (never all
 * pairs): with features ordered rarest first, two sets that similar must share a feature among the first
 * |x| - ceil(t·|x|) + 1 of each, so only those prefixes are indexed and probed. Exact, not sampled, up to
 * `perSet` pairs for each set with the earlier sets it is like (a bank of copies would otherwise give n² pairs).
 */
export function similarPairs(
  sets: readonly Set<string>[],
  t: number,
  perSet = Number.POSITIVE_INFINITY,
): { a: number; b: number; similarity: number }[] {
  const df = new Map<string, number>();
  for (const set of sets) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1);
  // Number shared features rarest first (a bucket sort by count; first-seen order within a count), so that
  // a sorted array of numbers is a rarest-first list. A feature of one set only matches nothing: it is
  // counted in the set's size (it comes first in its prefix) but not indexed.
  const byCount: string[][] = [];
  for (const [f, n] of df) {
    if (n < 2) continue;
    const bucket = byCount[n];
    if (bucket) bucket.push(f);
    else byCount[n] = [f];
  }
  const rank = new Map<string, number>();
  for (const bucket of byCount) for (const f of bucket ?? []) rank.set(f, rank.size);
  const arrays = sets.map((set) => {
    const shared: number[] = [];
    for (const f of set) {
      const r = rank.get(f);
      if (r !== undefined) shared.push(r);
    }
    return Int32Array.from(shared).sort();
  });
  const index = new Map<number, number[]>();
  const stamp = new Int32Array(sets.length).fill(-1);
  const out: { a: number; b: number; similarity: number }[] = [];
  arrays.forEach((x, i) => {
    const size = (sets[i] as Set<string>).size;
    let found = 0;
    // Prefix positions over the whole rarest-first list, less the set's own unshared features.
    const prefix = size - Math.ceil(t * size) + 1 - (size - x.length);
    for (let p = 0; p < prefix && p < x.length && found < perSet; p++)
      for (const j of index.get(x[p] as number) ?? []) {
        if (found >= perSet) break;
        if (stamp[j] === i) continue;
        stamp[j] = i;
        const y = arrays[j] as Int32Array;
        const other = (sets[j] as Set<string>).size;
        if (Math.min(size, other) < t * Math.max(size, other)) continue;
        let inter = 0;
        for (let u = 0, v = 0; u < x.length && v < y.length; ) {
          const d = (x[u] as number) - (y[v] as number);
          if (d === 0) {
            inter++;
            u++;
            v++;
          } else if (d < 0) u++;
          else v++;
        }
        const similarity = inter / (size + other - inter);
        if (similarity >= t) {
          out.push({ a: j, b: i, similarity });
          found++;
        }
      }
    for (let p = 0; p < prefix && p < x.length; p++) {
      const list = index.get(x[p] as number);
      if (list) list.push(i);
      else index.set(x[p] as number, [i]);
    }
  });
  return out;
}

/** At most this many earlier look-alikes are named for one question (the rest add nothing an author needs). */
export const DUPLICATES_PER_QUESTION = 3;

/**
 * Near-duplicate pairs of one exam's questions, by wording and by what is asked, each question paired with at
 * most DUPLICATES_PER_QUESTION earlier ones per kind; pairs marked `variantOf` are left out.
 */
export function nearDuplicates(questions: readonly Question[]): DuplicatePair[] {
  const variant = (a: Question, b: Question) => a.variantOf?.id === b.id || b.variantOf?.id === a.id;
  const out: DuplicatePair[] = [];
  const seen = new Set<string>();
  const stemShingles = questions.map((q) => shingles(q.stem));
  for (const { a, b, similarity } of similarPairs(
    stemShingles,
    NEAR_DUPLICATE_THRESHOLD,
    DUPLICATES_PER_QUESTION,
  )) {
    if (variant(questions[a] as Question, questions[b] as Question)) continue;
    seen.add(`${a} ${b}`);
    out.push({ a, b, kind: "wording", similarity });
  }
  const stems = questions.map((q) => wordSet(q.stem));
  for (const { a, b, similarity } of similarPairs(
    questions.map(askedFeatures),
    ASKED_KEY_THRESHOLD,
    DUPLICATES_PER_QUESTION,
  )) {
    if (seen.has(`${a} ${b}`)) continue;
    const scenario = jaccard(stems[a] as Set<string>, stems[b] as Set<string>);
    if (scenario < ASKED_STEM_THRESHOLD) continue;
    if (variant(questions[a] as Question, questions[b] as Question)) continue;
    out.push({ a, b, kind: "asked", similarity, scenario });
  }
  return out.sort((x, y) => x.a - y.a || x.b - y.b);
}
