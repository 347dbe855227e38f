import { daysBetween, type IsoDate, toIsoDate } from "../dates.js";
import { RAW_CUT } from "../exam/scoring.js";
import type { Readiness } from "../learning/readiness.js";
import { readinessTrend, type TrackStatus, type TrendDirection, trackStatus } from "./team-status.js";

/** What the dashboard knows about one member and one assigned exam. */
export interface MemberExamInput {
  email: string;
  exam: string;
  assignmentId: string;
  targetDate: IsoDate;
  readiness: Readiness;
  /** The estimate as it was `TRACK_RULE.trendDays` ago (answers up to then), or null. */
  earlier: Readiness | null;
  /** ISO instant of the member's last answer on this exam, or null. */
  lastActivity: string | null;
}

export interface DashboardRow {
  email: string;
  exam: string;
  assignmentId: string;
  targetDate: IsoDate;
  daysLeft: number;
  status: TrackStatus;
  /** Pass probability the on-track rule asks for today. */
  requiredProbability: number;
  reasons: string[];
  passProbability: number | null;
  predictedScaledScore: { estimate: number; low: number; high: number } | null;
  passingScore: number;
  intervalProbability: number;
  answered: number;
  needed: number;
  evidence: Readiness["evidence"]["level"];
  trend: { direction: TrendDirection; change: number | null };
  weakestDomains: { id: string; name: string; estimate: number }[];
  lastActivity: string | null;
}

export interface TeamDomainGap {
  exam: string;
  domain: string;
  name: string;
  weight: number;
  /** Members assigned the exam who answered questions of this domain. */
  practisedBy: number;
  /** Members assigned the exam who have not. */
  unpractisedBy: number;
  /** Mean estimated share right over the members who practised it, or null. */
  meanEstimate: number | null;
  /** Members whose estimate is below the 70% cut. */
  belowCut: number;
  /** weight × shortfall of the mean to 80%: the points the team loses here (bigger is weaker). */
  gap: number;
}

const WEAKEST_SHOWN = 3;
const GOAL = RAW_CUT + 0.1;

/** One dashboard row: readiness, 80% interval, trend, weakest domains and the on-track status for the date. */
export function dashboardRow(input: MemberExamInput, today: IsoDate): DashboardRow {
  const r = input.readiness;
  const track = trackStatus({
    readiness: r,
    targetDate: input.targetDate,
    today,
    lastActivity: input.lastActivity ? toIsoDate(new Date(input.lastActivity)) : null,
  });
  const byId = new Map(r.domains.map((d) => [d.id, d]));
  return {
    email: input.email,
    exam: input.exam,
    assignmentId: input.assignmentId,
    targetDate: input.targetDate,
    daysLeft: daysBetween(today, input.targetDate),
    status: track.status,
    requiredProbability: track.required,
    reasons: track.reasons,
    passProbability: r.passProbability,
    predictedScaledScore: r.predictedScaledScore,
    passingScore: r.passingScore,
    intervalProbability: r.intervalProbability,
    answered: r.answered,
    needed: r.needed,
    evidence: r.evidence.level,
    trend: readinessTrend(r, input.earlier),
    weakestDomains:
      r.answered === 0
        ? []
        : r.weakest.slice(0, WEAKEST_SHOWN).flatMap((id) => {
            const d = byId.get(id);
            return d ? [{ id, name: d.name, estimate: d.estimate }] : [];
          }),
    lastActivity: input.lastActivity,
  };
}

/**
 * The team's weakest domains over every assigned exam, weighted by the blueprint: for each exam and domain, the
 * mean estimate of the members who practised it and gap = weight × max(0, 80% − mean), worst first.
 */
export function teamWeakestDomains(inputs: readonly Pick<MemberExamInput, "exam" | "readiness">[]) {
  const groups = new Map<
    string,
    { exam: string; d: Readiness["domains"][number]; estimates: number[]; n: number }
  >();
  for (const { exam, readiness } of inputs)
    for (const d of readiness.domains) {
      const key = `${exam}\u0000${d.id}`;
      let g = groups.get(key);
      if (!g) {
        g = { exam, d, estimates: [], n: 0 };
        groups.set(key, g);
      }
      g.n++;
      if (d.answered > 0) g.estimates.push(d.estimate);
    }
  const out: TeamDomainGap[] = [];
  for (const { exam, d, estimates, n } of groups.values()) {
    const mean = estimates.length ? estimates.reduce((s, x) => s + x, 0) / estimates.length : null;
    out.push({
      exam,
      domain: d.id,
      name: d.name,
      weight: d.weight,
      practisedBy: estimates.length,
      unpractisedBy: n - estimates.length,
      meanEstimate: mean === null ? null : round(mean, 3),
      belowCut: estimates.filter((e) => e < RAW_CUT).length,
      gap: mean === null ? 0 : round(d.weight * Math.max(0, GOAL - mean), 2),
    });
  }
  return out.sort(
    (a, b) =>
      b.gap - a.gap ||
      b.unpractisedBy - a.unpractisedBy ||
      b.weight - a.weight ||
      a.exam.localeCompare(b.exam) ||
      a.domain.localeCompare(b.domain),
  );
}

/** Counts of rows by status, for the dashboard's summary line. */
export function statusCounts(rows: readonly Pick<DashboardRow, "status">[]): Record<TrackStatus, number> {
  const counts: Record<TrackStatus, number> = { "on-track": 0, "at-risk": 0, "no-data": 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
