import type { ItemFlag, ItemStatistics } from "./item-statistics.js";

/** What a learner can report about a question from the review of a submitted attempt. */
export const REPORT_KINDS = ["wrong-key", "outdated", "unclear", "other"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** A report is open until an author resolves it (the question was changed or confirmed) or dismisses it. */
export const REPORT_STATUSES = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_KIND_LABEL: Record<ReportKind, string> = {
  "wrong-key": "wrong key",
  outdated: "outdated",
  unclear: "unclear",
  other: "other",
};

// How much attention each signal asks for. An open report is a person telling us something is wrong, so it
// outweighs most statistical hints; an item the strong candidates miss more than the weak ones (negative
// discrimination: often a wrong key) comes next, then a distractor chosen over the key or an item almost
// nobody gets right, and last items that are merely easy or barely discriminate.
const REPORT_WEIGHT: Record<ReportKind, number> = { "wrong-key": 5, outdated: 4, unclear: 3, other: 2 };
const FLAG_WEIGHT: Record<ItemFlag, number> = {
  "negative-discrimination": 5,
  "distractor-beats-key": 3,
  "too-hard": 3,
  "weak-discrimination": 1,
  "too-easy": 1,
};

export interface QueueEntry extends ItemStatistics {
  /** Open reports by kind. */
  openReports: Partial<Record<ReportKind, number>>;
  /** Higher needs attention sooner; 0 when nothing is flagged or reported. */
  attention: number;
}

/** The attention an item needs: the weights of its flags plus those of its open reports. */
export function attentionScore(flags: readonly ItemFlag[], reports: readonly ReportKind[]): number {
  return flags.reduce((s, f) => s + FLAG_WEIGHT[f], 0) + reports.reduce((s, k) => s + REPORT_WEIGHT[k], 0);
}

/**
 * The author queue: every item with its open reports, ordered by attention (flags and reports), then by
 * evidence (more answers first), then by id, so the order is stable.
 */
export function authorQueue(
  stats: readonly ItemStatistics[],
  openReports: ReadonlyMap<string, readonly ReportKind[]>,
): QueueEntry[] {
  return stats
    .map((s) => {
      const reports = openReports.get(s.questionId) ?? [];
      const counts: Partial<Record<ReportKind, number>> = {};
      for (const k of reports) counts[k] = (counts[k] ?? 0) + 1;
      return { ...s, openReports: counts, attention: attentionScore(s.flags, reports) };
    })
    .sort(
      (a, b) =>
        b.attention - a.attention ||
        b.n - a.n ||
        (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
    );
}
