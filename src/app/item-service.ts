import { authorQueue, type QueueEntry } from "../core/bank/item-queue.js";
import {
  ITEM_THRESHOLDS,
  type ItemStatistics,
  itemStatistics,
  type ScoredResponse,
  secondsToAnswer,
} from "../core/bank/item-statistics.js";
import type { Question } from "../core/bank/question-types.js";
import { NotFoundError } from "../core/errors.js";
import type { ItemRepository, ScoredAnswerRow } from "../store/item-repository.js";

export interface ItemServiceDeps {
  questions: ReadonlyMap<string, Question>;
  items: ItemRepository;
}

/** One line of the author queue: the item's statistics, its open reports and a short stem to recognise it. */
export interface QueueItem extends QueueEntry {
  stem: string;
}

const STEM_EXCERPT = 160;

/** The first words of a stem on one line, for tables. */
export function stemExcerpt(stem: string, max = STEM_EXCERPT): string {
  const line = stem.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Scored answers with each one's time to answer, measured per attempt from the first-answer times. */
export function toResponses(rows: readonly ScoredAnswerRow[]): ScoredResponse[] {
  const byAttempt = new Map<string, ScoredAnswerRow[]>();
  for (const r of rows) byAttempt.set(r.attemptId, [...(byAttempt.get(r.attemptId) ?? []), r]);
  const seconds = new Map<string, number | null>();
  for (const [attemptId, list] of byAttempt) {
    const saves = list.flatMap((r) =>
      r.firstAnsweredAt ? [{ questionId: r.questionId, at: r.firstAnsweredAt }] : [],
    );
    for (const [q, s] of secondsToAnswer((list[0] as ScoredAnswerRow).startedAt, saves))
      seconds.set(`${attemptId}\u0000${q}`, s === null ? null : Math.round(s));
  }
  return rows.map((r) => ({
    attemptId: r.attemptId,
    learner: r.learner,
    questionId: r.questionId,
    correct: r.correct,
    answer: r.answer,
    seconds: seconds.get(`${r.attemptId}\u0000${r.questionId}`) ?? null,
    answeredAt: r.answeredAt,
  }));
}

/** Item statistics and the author queue over the shared database (authors and admins only, at the edge). */
export class ItemService {
  /** Fewer counted answers than this and an item's flags are suppressed. */
  readonly minN = ITEM_THRESHOLDS.minN;

  constructor(private readonly d: ItemServiceDeps) {}

  /** The exam code as the bank spells it; an exam without questions is a 404 that lists the banks. */
  examCode(exam: string): string {
    const code = exam.trim().toUpperCase();
    const banks = this.banks();
    if (!banks.includes(code))
      throw new NotFoundError(
        "items.exam_not_found",
        `No question bank for exam "${exam}". Banks: ${banks.join(", ")}.`,
        { suggestions: banks },
      );
    return code;
  }

  /** Exam codes that have questions, sorted. */
  banks(): string[] {
    return [...new Set([...this.d.questions.values()].map((q) => q.exam))].sort();
  }

  private questionsOf(exam?: string): Question[] {
    return [...this.d.questions.values()].filter((q) => exam === undefined || q.exam === exam);
  }

  /** Per question of the bank (one exam, or all), from the scored answers stored. */
  async statistics(exam?: string): Promise<ItemStatistics[]> {
    const code = exam === undefined ? undefined : this.examCode(exam);
    const rows = await this.d.items.scoredAnswers(code);
    return itemStatistics(this.questionsOf(code), toResponses(rows));
  }

  /**
   * The author queue as the API and CLI show it: the items answered or reported (every item with `all`),
   * the ones that need attention first, with the bank's size and how many items have answers.
   */
  async view(exam?: string, all = false) {
    const code = exam === undefined ? null : this.examCode(exam);
    const queue = await this.queue(code ?? undefined);
    return {
      exam: code,
      minN: this.minN,
      questions: queue.length,
      answered: queue.filter((i) => i.n > 0).length,
      items: all ? queue : queue.filter((i) => i.n > 0 || i.attention > 0),
    };
  }

  /** Every item with its figures, flags and open reports, the ones that need attention first. */
  async queue(exam?: string): Promise<QueueItem[]> {
    const code = exam === undefined ? undefined : this.examCode(exam);
    const [stats, reports] = await Promise.all([this.statistics(code), this.d.items.openReportKinds(code)]);
    return authorQueue(stats, reports).map((e) => ({
      ...e,
      stem: stemExcerpt(this.d.questions.get(e.questionId)?.stem ?? ""),
    }));
  }
}
