import { daysBetween, type IsoDate } from "../dates.js";
import type { Readiness } from "../learning/readiness.js";

/** Where a member stands against an assignment's target date. */
export type TrackStatus = "on-track" | "at-risk" | "no-data";

/** Direction of the pass probability over the trend window (28 days); `new` when there was no estimate then. */
export type TrendDirection = "up" | "down" | "flat" | "new" | "none";

/** The settings of the on-track rule (docs/teams.md); exported so the page and the docs quote the same numbers. */
export const TRACK_RULE = {
  /** Pass probability a member needs when the exam is a week away or less (or the date has passed). */
  readyProbability: 0.8,
  /** Pass probability that is enough far from the date (≥ `farDays`): there is time to close the gap. */
  farProbability: 0.3,
  /** From this many days before the date the far requirement applies; it rises linearly to ready at 7 days. */
  farDays: 63,
  nearDays: 7,
  /** No answer on the exam for this many days, while not yet ready, is a stall. */
  stallDays: 14,
  /** With no estimate yet, this few days left is already a risk rather than "no data". */
  noDataRiskDays: 14,
  /** Days between the two estimates the trend compares. */
  trendDays: 28,
  /** A change of the pass probability smaller than this is "flat". */
  trendStep: 0.05,
} as const;

/** Pass probability needed today to be on track for a date `daysLeft` away (linear between 7 and 63 days). */
export function requiredProbability(daysLeft: number): number {
  const r = TRACK_RULE;
  if (daysLeft <= r.nearDays) return r.readyProbability;
  if (daysLeft >= r.farDays) return r.farProbability;
  const t = (daysLeft - r.nearDays) / (r.farDays - r.nearDays);
  return round(r.readyProbability - (r.readyProbability - r.farProbability) * t, 3);
}

export interface TrackInput {
  readiness: Pick<Readiness, "passProbability" | "needed">;
  targetDate: IsoDate;
  today: IsoDate;
  /** Calendar date of the member's last answer on this exam, or null. */
  lastActivity: IsoDate | null;
}

/**
 * On track / at risk / no data for a target date (docs/teams.md):
 * - no estimate yet (fewer answers than readiness needs) → "no-data", or "at-risk" when 14 days or fewer remain;
 * - at risk when today's pass probability is below what the days left require (80% within a week of the date or
 *   after it, falling linearly to 30% at 63 days or more);
 * - at risk when not yet ready (below 80%) and no answer on the exam for 14 days;
 * - otherwise on track. `reasons` says which rule decided, in words a lead can act on.
 */
export function trackStatus(input: TrackInput): { status: TrackStatus; required: number; reasons: string[] } {
  const daysLeft = daysBetween(input.today, input.targetDate);
  const required = requiredProbability(daysLeft);
  const left =
    daysLeft < 0
      ? `the target date ${input.targetDate} has passed`
      : daysLeft === 0
        ? "the target date is today"
        : `${daysLeft} day${daysLeft === 1 ? "" : "s"} left`;
  const p = input.readiness.passProbability;
  if (p === null) {
    const more = `${input.readiness.needed} more answer${input.readiness.needed === 1 ? "" : "s"} needed for an estimate`;
    if (daysLeft <= TRACK_RULE.noDataRiskDays)
      return { status: "at-risk", required, reasons: [`No estimate yet (${more}) and ${left}.`] };
    return { status: "no-data", required, reasons: [`No estimate yet: ${more}.`] };
  }
  const reasons: string[] = [];
  if (p < required)
    reasons.push(`Pass chance ${pct(p)} with ${left}; on track needs ${pct(required)} by now.`);
  const idle = input.lastActivity === null ? null : daysBetween(input.lastActivity, input.today);
  if (p < TRACK_RULE.readyProbability && idle !== null && idle >= TRACK_RULE.stallDays)
    reasons.push(`No practice on this exam for ${idle} days.`);
  if (reasons.length > 0) return { status: "at-risk", required, reasons };
  return {
    status: "on-track",
    required,
    reasons: [`Pass chance ${pct(p)} with ${left}; on track needs ${pct(required)}.`],
  };
}

/** The change of the pass probability between an earlier estimate and today's. */
export function readinessTrend(
  now: Pick<Readiness, "passProbability">,
  earlier: Pick<Readiness, "passProbability"> | null,
): { direction: TrendDirection; change: number | null } {
  if (now.passProbability === null) return { direction: "none", change: null };
  if (!earlier || earlier.passProbability === null) return { direction: "new", change: null };
  const change = round(now.passProbability - earlier.passProbability, 3);
  const direction = change >= TRACK_RULE.trendStep ? "up" : change <= -TRACK_RULE.trendStep ? "down" : "flat";
  return { direction, change };
}

function pct(p: number): string {
  return p < 0.01 ? "under 1%" : p > 0.99 ? "over 99%" : `${Math.round(p * 100)}%`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
