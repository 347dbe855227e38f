import type { Readiness } from "./learning-types.js";

const MIN = 100;
const MAX = 1000;
const at = (score: number) => `${((Math.min(MAX, Math.max(MIN, score)) - MIN) / (MAX - MIN)) * 100}%`;

/** A probability as a percentage that never claims certainty: "<1%" and ">99%" at the ends. */
export function percentChance(p: number): string {
  if (p < 0.01) return "<1%";
  if (p > 0.99) return ">99%";
  return `${Math.round(p * 100)}%`;
}

/** Words for a pass probability, so the number is never the only cue. */
export function chanceWords(p: number): string {
  if (p >= 0.8) return "likely to pass";
  if (p >= 0.5) return "close";
  if (p >= 0.2) return "not ready yet";
  return "far from ready";
}

/**
 * The predicted scaled score on the exam's 100–1000 scale: the 80% interval as a band, the estimate as a
 * marker and the pass mark as a labelled line; the same facts are written out beside it.
 */
export function ReadinessGauge({ r }: { r: Readiness }) {
  const s = r.predictedScaledScore;
  const p = r.passProbability;
  if (!s || p === null) return null;
  const pct = percentChance(p);
  const interval = Math.round(r.intervalProbability * 100);
  const verdict = s.low >= r.passingScore ? "pass" : s.high < r.passingScore ? "fail" : "edge";
  return (
    <figure className="gauge">
      <div className="gauge-figures">
        <p className="gauge-figure">
          <span className="gauge-label">Chance to pass today</span>
          <span className="gauge-value" data-testid="pass-probability">
            {pct}
          </span>
          <span className="gauge-words">{chanceWords(p)}</span>
        </p>
        <p className="gauge-figure">
          <span className="gauge-label">Predicted score</span>
          <span className="gauge-value" data-testid="predicted-score">
            {s.estimate}
          </span>
          <span className="gauge-words">
            {interval}% interval {s.low}–{s.high} · pass mark {r.passingScore}
          </span>
        </p>
      </div>
      <div className="gauge-scale" aria-hidden="true">
        <div className="gauge-track">
          <span className="gauge-fail-zone" style={{ width: at(r.passingScore) }} />
          <span
            className={`gauge-band gauge-band-${verdict}`}
            style={{ left: at(s.low), width: `calc(${at(s.high)} - ${at(s.low)})` }}
          />
          <span className="gauge-estimate" style={{ left: at(s.estimate) }} />
          <span className="gauge-pass" style={{ left: at(r.passingScore) }}>
            <span className="gauge-pass-label">pass {r.passingScore}</span>
          </span>
        </div>
        <div className="gauge-ends">
          <span>{MIN}</span>
          <span>{MAX}</span>
        </div>
      </div>
      <figcaption className="visually-hidden">
        Predicted scaled score {s.estimate}, {interval}% likely between {s.low} and {s.high}, on a scale from{" "}
        {MIN} to {MAX}; the pass mark is {r.passingScore}. Chance to pass a fresh full exam today: {pct}.
      </figcaption>
    </figure>
  );
}
