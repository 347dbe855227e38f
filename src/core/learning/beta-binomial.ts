/**
 * Beta-binomial arithmetic for the readiness model: log-gamma (Lanczos, g = 7, n = 9), the predictive
 * distribution of successes in n future items given a Beta(a, b) belief, and convolution of independent
 * count distributions. Source: the beta-binomial pmf f(x) = C(n,x)·B(a+x, n−x+b)/B(a,b).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln B(a, b), the log of the Beta function. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** P(X = x) for x = 0..n when X ~ BetaBinomial(n, a, b); returns n + 1 probabilities summing to 1. */
export function betaBinomialPmf(n: number, a: number, b: number): number[] {
  const out: number[] = [];
  const lb = logBeta(a, b);
  const lnN = logGamma(n + 1);
  for (let x = 0; x <= n; x++) {
    const lc = lnN - logGamma(x + 1) - logGamma(n - x + 1);
    out.push(Math.exp(lc + logBeta(a + x, n - x + b) - lb));
  }
  return out;
}

/** The distribution of X + Y for independent counts X ~ p and Y ~ q. */
export function convolve(p: readonly number[], q: readonly number[]): number[] {
  const out = new Array<number>(p.length + q.length - 1).fill(0);
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    if (pi === 0) continue;
    for (let j = 0; j < q.length; j++) out[i + j] = (out[i + j] as number) + pi * (q[j] as number);
  }
  return out;
}

/** The smallest x with P(X ≤ x) ≥ q for a count distribution. */
export function quantile(pmf: readonly number[], q: number): number {
  let acc = 0;
  for (let x = 0; x < pmf.length; x++) {
    acc += pmf[x] as number;
    if (acc >= q - 1e-12) return x;
  }
  return pmf.length - 1;
}
