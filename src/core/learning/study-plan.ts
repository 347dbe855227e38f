import type { Domain } from "../catalog/catalog-types.js";
import { addDays, daysBetween, type IsoDate } from "../dates.js";
import { createRng } from "../exam/rng.js";

/** What one session is for; a session has exactly one activity. */
export type SessionActivity = "study" | "review" | "practice-exam" | "drill";

/** One study session on one day. A session's minutes count equally for each domain it lists. */
export interface PlanSession {
  /** Stable within the plan (used as the calendar UID): `<exam>-<date>-<n>`. */
  key: string;
  date: IsoDate;
  minutes: number;
  activity: SessionActivity;
  exam: string;
  domains: string[];
  /** For practice exams: how many questions (a full form when it fits the week). */
  questions?: number;
  title: string;
}

export interface PlanWeek {
  /** Monday of the week (or the plan's first day). */
  start: IsoDate;
  minutes: number;
  sessions: PlanSession[];
}

/** One exam of the plan, with what is known of the learner's readiness. */
export interface PlanExam {
  exam: string;
  name: string;
  domains: readonly Domain[];
  durationMinutes: number;
  questionCount: number;
  /** Hours a typical learner needs from scratch (the advisor's study-hour rules). */
  studyHours: number;
  /** Estimated share correct per domain (0–1) where the learner has answered questions of it. */
  domainEstimates: ReadonlyMap<string, number>;
  /** Share of the way to readiness already covered, 0–1 (0 without evidence). */
  progress: number;
  /** Cards due for review before the exam. */
  reviewCards: number;
  /** True when the learner has no practice or exam answers yet (a baseline practice exam comes first). */
  needsBaseline: boolean;
}

export interface PlanInput {
  exams: readonly PlanExam[];
  startDate: IsoDate;
  targetDate: IsoDate;
  hoursPerWeek: number;
  /** Sessions already done or locked (before `startDate`); kept as they are. */
  keep?: readonly PlanSession[];
  seed?: string;
}

export interface StudyPlan {
  startDate: IsoDate;
  targetDate: IsoDate;
  hoursPerWeek: number;
  weeks: PlanWeek[];
  feasible: boolean;
  /** Hours per week that would cover the estimated need before the date. */
  neededHoursPerWeek: number;
  warnings: string[];
  /** Exam dates of a path plan (the last is the target date). */
  examDates: { exam: string; date: IsoDate }[];
}

// Weekdays in the order study days are added (0 = Sunday): spread out first, weekend early.
const DAY_ORDER = [1, 3, 6, 2, 4, 0, 5];
const TARGET_SHARE = 0.8;
const REVIEW_MINUTES_PER_CARD = 1.5;

const weekday = (d: IsoDate) => new Date(`${d}T12:00:00Z`).getUTCDay();
const mondayOf = (d: IsoDate) => addDays(d, -((weekday(d) + 6) % 7));
const floor5 = (m: number) => Math.floor(m / 5) * 5;

/**
 * Builds a weekly study plan from a start date to a target date within the given hours per week
 * (docs/readiness.md, "Study plan"). Minutes per domain follow weight × (1 + 2·gap), gap = max(0, 0.8 −
 * estimate), floored at half the weight (learning-methods: allocation); the first ~60% of each exam's days
 * study, the rest drill; review sessions (≤ 40% of a day) clear the cards due; full practice exams come
 * first (baseline, when there is no evidence), at ~65% and at least 3 days before the exam; a buffer of
 * 1 day + 1 per 3 weeks before each exam stays free. Pure and deterministic for the same input.
 */
export function buildStudyPlan(input: PlanInput): StudyPlan {
  const totalDays = daysBetween(input.startDate, input.targetDate);
  const daysPerWeek = Math.min(6, Math.max(2, Math.ceil(input.hoursPerWeek / 1.5)));
  const studyWeekdays = new Set(DAY_ORDER.slice(0, daysPerWeek));
  const rng = createRng(input.seed ?? `${input.startDate}:${input.targetDate}`);
  const warnings: string[] = [];

  // A path splits the time in proportion to what each exam still needs.
  const need = input.exams.map((e) => e.studyHours * (1 - Math.min(0.9, Math.max(0, e.progress))));
  const needSum = need.reduce((s, h) => s + h, 0) || 1;
  const examDates: { exam: string; date: IsoDate }[] = [];
  let acc = 0;
  input.exams.forEach((e, i) => {
    acc += need[i] as number;
    const date =
      i === input.exams.length - 1
        ? input.targetDate
        : addDays(input.startDate, Math.max(1, Math.round((totalDays * acc) / needSum)));
    examDates.push({ exam: e.exam, date });
  });

  const sessions: PlanSession[] = [...(input.keep ?? [])].filter((s) => s.date < input.startDate);
  const usedByWeek = new Map<IsoDate, number>();
  for (const s of sessions)
    usedByWeek.set(mondayOf(s.date), (usedByWeek.get(mondayOf(s.date)) ?? 0) + s.minutes);
  const weekBudget = input.hoursPerWeek * 60;
  let capacity = 0;
  let segmentStart = input.startDate;
  input.exams.forEach((e, i) => {
    const examDate = (examDates[i] as { date: IsoDate }).date;
    const weeks = Math.max(1, daysBetween(segmentStart, examDate) / 7);
    const buffer = 1 + Math.floor(weeks / 3);
    const lastDay = addDays(examDate, -buffer - 1);
    const days: IsoDate[] = [];
    for (let d = segmentStart; d <= lastDay; d = addDays(d, 1))
      if (studyWeekdays.has(weekday(d))) days.push(d);
    const daysInWeek = new Map<IsoDate, number>();
    for (const d of days) daysInWeek.set(mondayOf(d), (daysInWeek.get(mondayOf(d)) ?? 0) + 1);
    const minutesOn = (d: IsoDate) => {
      const week = mondayOf(d);
      const left = Math.max(0, weekBudget - (usedByWeek.get(week) ?? 0));
      // Pro-rate a partial week: the budget of the days that remain in it.
      const remainingDays = days.filter((x) => x >= d && mondayOf(x) === week).length;
      return Math.min(left, floor5(left / Math.max(1, remainingDays)));
    };

    // Minutes per domain: weight × (1 + 2·gap), floored at half the weight.
    const wSum = e.domains.reduce((s, d) => s + d.weight, 0) || 1;
    const raw = e.domains.map((d) => {
      const est = e.domainEstimates.get(d.id);
      const gap = est === undefined ? 0.1 : Math.max(0, TARGET_SHARE - est);
      return { id: d.id, share: (d.weight / wSum) * (1 + 2 * gap), floor: (0.5 * d.weight) / wSum };
    });
    const rSum = raw.reduce((s, r) => s + r.share, 0);
    const share = new Map(raw.map((r) => [r.id, Math.max(r.floor, r.share / rSum)]));
    const given = new Map(e.domains.map((d) => [d.id, 0]));
    const nextDomain = () => {
      let best = e.domains[0]?.id ?? "";
      let bestDeficit = Number.NEGATIVE_INFINITY;
      const total = [...given.values()].reduce((s, m) => s + m, 0) + 1;
      for (const d of e.domains) {
        const deficit = (share.get(d.id) ?? 0) - (given.get(d.id) ?? 0) / total + rng.next() * 1e-6;
        if (deficit > bestDeficit) {
          bestDeficit = deficit;
          best = d.id;
        }
      }
      return best;
    };

    const mockIdx = new Set<number>();
    if (days.length > 0) {
      if (e.needsBaseline) mockIdx.add(0);
      if (days.length >= 6) mockIdx.add(Math.floor(days.length * 0.65));
      const finalIdx = days.findLastIndex((d) => daysBetween(d, examDate) >= 3);
      if (finalIdx >= 0) mockIdx.add(finalIdx);
    }
    let reviewLeft = e.reviewCards * REVIEW_MINUTES_PER_CARD;
    days.forEach((day, idx) => {
      let left = minutesOn(day);
      if (left < 15 && !mockIdx.has(idx)) return;
      let n = 0;
      const add = (s: Omit<PlanSession, "key" | "exam" | "date">) => {
        sessions.push({ key: `${e.exam}-${day}-${n++}`, exam: e.exam, date: day, ...s });
        usedByWeek.set(mondayOf(day), (usedByWeek.get(mondayOf(day)) ?? 0) + s.minutes);
        capacity += s.minutes;
        left -= s.minutes;
      };
      if (mockIdx.has(idx)) {
        // A practice exam may use the rest of the week's budget, not only this day's share.
        const weekLeft = Math.max(0, weekBudget - (usedByWeek.get(mondayOf(day)) ?? 0));
        const minutes = Math.min(weekLeft, e.durationMinutes);
        if (minutes < 15) return;
        const questions = Math.max(10, Math.round((e.questionCount * minutes) / e.durationMinutes));
        add({
          minutes,
          activity: "practice-exam",
          domains: e.domains.map((d) => d.id),
          questions: Math.min(e.questionCount, questions),
          title:
            questions >= e.questionCount
              ? `Full practice exam ${e.exam} (timed)`
              : `Timed practice set: ${questions} questions of ${e.exam}`,
        });
        return;
      }
      if (reviewLeft > 0 && idx > 0) {
        const minutes = Math.max(10, Math.min(floor5(left * 0.4), 5 * Math.ceil(reviewLeft / 5)));
        reviewLeft -= minutes;
        add({ minutes, activity: "review", domains: [], title: `Review due questions of ${e.exam}` });
      }
      const phase = idx / Math.max(1, days.length);
      // Sessions of 25–60 minutes, one domain each; a short day is one session.
      const parts = left < 25 ? 0 : Math.max(1, Math.ceil(left / 60));
      const size = parts ? floor5(left / parts) : 0;
      for (let k = 0; k < parts; k++) {
        const minutes = k === parts - 1 ? left : size;
        const domain = nextDomain();
        given.set(domain, (given.get(domain) ?? 0) + minutes);
        const name = e.domains.find((d) => d.id === domain)?.name ?? domain;
        const activity: SessionActivity = phase < 0.6 ? "study" : "drill";
        add({
          minutes,
          activity,
          domains: [domain],
          title: activity === "study" ? `Study domain ${domain}: ${name}` : `Drill domain ${domain}: ${name}`,
        });
      }
    });
    segmentStart = addDays(examDate, 1);
  });

  const neededMinutes = need.reduce((s, h) => s + h, 0) * 60;
  const weeksAvailable = Math.max(1, totalDays / 7);
  const neededHoursPerWeek = Math.ceil((neededMinutes / 60 / weeksAvailable) * 2) / 2;
  const feasible = capacity >= neededMinutes;
  if (!feasible) {
    const weeksNeeded = Math.ceil(neededMinutes / 60 / input.hoursPerWeek);
    warnings.push(
      `At ${input.hoursPerWeek} hours per week the plan gives about ${Math.round(capacity / 60)} hours before ${input.targetDate}, but about ${Math.round(neededMinutes / 60)} hours are needed. Study about ${neededHoursPerWeek} hours per week, or move the target date to ${addDays(input.startDate, weeksNeeded * 7 + 7)} or later.`,
    );
  }
  if (sessions.length === 0)
    warnings.push(
      `There is no study day between ${input.startDate} and ${input.targetDate}: choose a later date.`,
    );

  const weeks = new Map<IsoDate, PlanWeek>();
  for (const s of sessions.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))) {
    const start = mondayOf(s.date);
    const w = weeks.get(start) ?? { start, minutes: 0, sessions: [] };
    w.minutes += s.minutes;
    w.sessions.push(s);
    weeks.set(start, w);
  }
  return {
    startDate: input.startDate,
    targetDate: input.targetDate,
    hoursPerWeek: input.hoursPerWeek,
    weeks: [...weeks.values()],
    feasible,
    neededHoursPerWeek,
    warnings,
    examDates,
  };
}
