// The expected score of simple test-wise strategies on one question, ties broken at random.

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c;
}

/** Chance of a blind guess of `n` options out of `of` being exactly the key. */
export function chanceOf(n: number, of: number): number {
  return 1 / choose(of, n);
}

/**
 * Chance that picking the `n` highest-scoring options (ties broken at random) is exactly the key.
 * `key[i]` says whether option i is correct; the key has `n` options.
 */
export function topNHit(scores: readonly number[], key: readonly boolean[], n: number): number {
  if (n <= 0 || n > scores.length) return 0;
  const threshold = [...scores].sort((a, b) => b - a)[n - 1] as number;
  let above = 0;
  let tied = 0;
  let keysTied = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (s > threshold) {
      if (!key[i]) return 0;
      above++;
    } else if (s === threshold) {
      tied++;
      if (key[i]) keysTied++;
    } else if (key[i]) return 0;
  }
  const need = n - above;
  return keysTied === need ? 1 / choose(tied, need) : 0;
}

/** Chance that the option at `rank` (0 = highest score, ties broken at random) is the single key option. */
export function rankHit(scores: readonly number[], keyIndex: number, rank: number): number {
  const k = scores[keyIndex] as number;
  const higher = scores.filter((s) => s > k).length;
  const tied = scores.filter((s) => s === k).length;
  return rank >= higher && rank < higher + tied ? 1 / tied : 0;
}
