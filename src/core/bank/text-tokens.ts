// Word handling shared by the realism checks: one tokeniser, so every figure counts words the same way.

const STOP = new Set(
  (
    "a an the and or of to in on for with by at from as is are be been was were this that these those it its into " +
    "which what who whom how when where why should must can will would could not no than then so such each every all " +
    "any some more most least only also both either neither company team needs need wants want uses use using used " +
    "solution solutions meet meets requirements requirement following option options aws amazon has have had does do " +
    "they them their there our your you we he she his her new one two three four five choose"
  ).split(" "),
);

/** Lowercase content words of a text (3+ characters, not a stop word), in order, repeats kept. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9-]*/g) ?? []).filter((w) => w.length >= 3 && !STOP.has(w));
}

/** Distinct content words of a text. */
export function wordSet(text: string): Set<string> {
  return new Set(contentWords(text));
}

/** Words as a reader counts them (whitespace-separated). */
export function wordCount(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}

/** Jaccard similarity of two sets: 1 for equal sets, 0 when disjoint or either is empty. */
export function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  for (const s of small) if (big.has(s)) inter++;
  return inter / (x.size + y.size - inter);
}

/** Median of a list of numbers (0 for an empty list). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
