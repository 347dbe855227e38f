/** Calibration metrics for probability forecasts of binary outcomes (pass/fail). */

/** One forecast and what happened: `p` in [0, 1], `outcome` true when the event happened. */
export interface Forecast {
  p: number;
  outcome: boolean;
}

/** Brier score: mean of (p − o)², 0 is perfect; lower is better. */
export function brierScore(forecasts: readonly Forecast[]): number {
  if (forecasts.length === 0) return Number.NaN;
  return forecasts.reduce((s, f) => s + (f.p - (f.outcome ? 1 : 0)) ** 2, 0) / forecasts.length;
}

/** One row of a reliability table: forecasts in a bin, their mean forecast and the observed rate. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanForecast: number;
  observedRate: number;
}

/**
 * Reliability table over quantile bins (equal counts, so sparse extremes do not hide), and the expected
 * calibration error ECE = Σ (|B|/N)·|observed − mean forecast| (Naeini et al. 2015; quantile bins as in
 * Roelofs et al. 2022, "Mitigating bias in calibration error estimation").
 */
export function reliability(
  forecasts: readonly Forecast[],
  bins = 10,
): { bins: ReliabilityBin[]; ece: number } {
  const sorted = [...forecasts].sort((a, b) => a.p - b.p);
  const out: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const slice = sorted.slice(
      Math.floor((b * sorted.length) / bins),
      Math.floor(((b + 1) * sorted.length) / bins),
    );
    if (slice.length === 0) continue;
    const mean = slice.reduce((s, f) => s + f.p, 0) / slice.length;
    const rate = slice.filter((f) => f.outcome).length / slice.length;
    ece += (slice.length / sorted.length) * Math.abs(rate - mean);
    out.push({
      from: (slice[0] as Forecast).p,
      to: (slice[slice.length - 1] as Forecast).p,
      count: slice.length,
      meanForecast: mean,
      observedRate: rate,
    });
  }
  return { bins: out, ece };
}
