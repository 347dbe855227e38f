import { type Card, createEmptyCard, FSRS, generatorParameters, Rating } from "ts-fsrs";
import { addDays, daysBetween, type IsoDate } from "../dates.js";
import type { ScoredAnswer } from "./readiness.js";

/** One spaced-repetition card: a question the learner got wrong, scheduled by FSRS towards the exam date. */
export interface ReviewCard {
  questionId: string;
  domain: string;
  /** The day it is due (YYYY-MM-DD); never on or after the exam date. */
  due: IsoDate;
  /** True when due today or earlier. */
  dueNow: boolean;
  /** FSRS stability in days, difficulty 1–10, reviews and lapses so far. */
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  /** Probability of recalling it on the exam day if not reviewed again (FSRS retrievability), or null without a date. */
  retrievabilityAtExam: number | null;
  lastAnswer: string;
  lastCorrect: boolean;
}

export interface ReviewScheduleInput {
  /** Every scored answer of the exam (all of them, not only first answers), any order. */
  answers: readonly ScoredAnswer[];
  /** Domain weights of the blueprint, for priorities in the last days. */
  domainWeights: ReadonlyMap<string, number>;
  today: IsoDate;
  /** The exam date: no card is due on or after it. */
  examDate?: IsoDate | undefined;
  /** Retrievability every card should have on the exam day. Default 0.9. */
  target?: number;
}

const noon = (d: IsoDate) => new Date(`${d}T12:00:00Z`);

/**
 * Spaced repetition of missed questions (FSRS-6 through ts-fsrs, short-term steps off: one answer per
 * session), with an exam-date deadline: ratings come from answers (wrong → Again, right → Good); a card
 * is created on the first wrong answer. Cards due after the exam are pulled to the least-loaded day from
 * which one more review lifts exam-day retrievability to the target (Cepeda et al. 2008: the best gap is a
 * fraction of the remaining time); in the last max(2, 10%) days every card below target is due, heaviest
 * weak domains first; nothing is due on or after the exam date. Retention 0.85 while more than 14 days
 * remain, 0.9 after. Pure: replaying the same answers gives the same schedule.
 */
export function scheduleReviews(input: ReviewScheduleInput): ReviewCard[] {
  const target = input.target ?? 0.9;
  // An exam date already past sets no deadline.
  const exam = input.examDate !== undefined && input.examDate > input.today ? input.examDate : undefined;
  const far = exam !== undefined && daysBetween(input.today, exam) > 14;
  const fsrs = new FSRS(
    generatorParameters({
      request_retention: far ? 0.85 : 0.9,
      enable_short_term: false,
      enable_fuzz: false,
    }),
  );
  const byQuestion = new Map<string, ScoredAnswer[]>();
  for (const a of [...input.answers].sort((x, y) => x.answeredAt.localeCompare(y.answeredAt))) {
    const list = byQuestion.get(a.questionId) ?? [];
    list.push(a);
    byQuestion.set(a.questionId, list);
  }
  const cards: { card: Card; answers: ScoredAnswer[] }[] = [];
  for (const answers of byQuestion.values()) {
    let card: Card | undefined;
    for (const a of answers) {
      if (!card && a.correct) continue;
      const at = new Date(a.answeredAt);
      card = fsrs.next(card ?? createEmptyCard(at), at, a.correct ? Rating.Good : Rating.Again).card;
    }
    if (card) cards.push({ card, answers });
  }
  const load = new Map<IsoDate, number>();
  const out: ReviewCard[] = cards.map(({ card, answers }) => {
    const last = answers[answers.length - 1] as ScoredAnswer;
    let due = card.due.toISOString().slice(0, 10);
    if (due < input.today) due = input.today;
    let rExam: number | null = null;
    if (exam !== undefined) {
      rExam = fsrs.get_retrievability(card, noon(exam), false);
      if (due >= exam || due < input.today) due = deadlineDay(fsrs, card, input.today, exam, target, load);
    }
    load.set(due, (load.get(due) ?? 0) + 1);
    return {
      questionId: last.questionId,
      domain: last.domain,
      due,
      dueNow: due <= input.today,
      stability: round(card.stability, 2),
      difficulty: round(card.difficulty, 2),
      reps: card.reps,
      lapses: card.lapses,
      retrievabilityAtExam: rExam === null ? null : round(rExam, 3),
      lastAnswer: last.answeredAt,
      lastCorrect: last.correct,
    };
  });
  if (exam !== undefined) sweep(out, input, exam, target);
  const weight = (c: ReviewCard) => input.domainWeights.get(c.domain) ?? 0;
  return out.sort(
    (a, b) =>
      a.due.localeCompare(b.due) ||
      weight(b) * (1 - (b.retrievabilityAtExam ?? 1)) - weight(a) * (1 - (a.retrievabilityAtExam ?? 1)) ||
      a.questionId.localeCompare(b.questionId),
  );
}

/** The day, before the exam, to review a card whose next FSRS due date is too late. */
function deadlineDay(
  fsrs: FSRS,
  card: Card,
  today: IsoDate,
  exam: IsoDate,
  target: number,
  load: Map<IsoDate, number>,
): IsoDate {
  const last = addDays(exam, -1);
  if (last <= today) return today;
  const feasible: IsoDate[] = [];
  const span = daysBetween(today, last);
  for (let i = 0; i <= span; i++) {
    const day = addDays(today, i);
    const after = fsrs.next(card, noon(day), Rating.Good).card;
    if (fsrs.get_retrievability(after, noon(exam), false) >= target) feasible.push(day);
  }
  if (feasible.length === 0) return last;
  // The later half of the feasible window, least loaded first, then the later day.
  const later = feasible.slice(Math.floor(feasible.length / 2));
  return later.reduce(
    (best, d) => ((load.get(d) ?? 0) < (load.get(best) ?? 0) ? d : best),
    later[later.length - 1] as IsoDate,
  );
}

/** The last days before the exam: every card still below target becomes due then, at the latest. */
function sweep(cards: ReviewCard[], input: ReviewScheduleInput, exam: IsoDate, target: number): void {
  const days = daysBetween(input.today, exam);
  if (days <= 0) return;
  const window = Math.max(2, Math.ceil(0.1 * days));
  const start = addDays(exam, -Math.min(window, days));
  const sweepDay = laterDay(start, input.today);
  for (const c of cards) {
    if ((c.retrievabilityAtExam ?? 1) < target && c.due > sweepDay && c.due >= exam) c.due = sweepDay;
    if (c.due >= exam) c.due = laterDay(addDays(exam, -1), input.today);
    c.dueNow = c.due <= input.today;
  }
}

const laterDay = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
