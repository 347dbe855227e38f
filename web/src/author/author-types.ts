// The author API's shapes (src/server/item-routes.ts; OpenAPI schemas ItemStatistics, AuthorQueueItem,
// QuestionReport, FiledReport).

export const REPORT_KINDS = [
  ["wrong-key", "Wrong key", "The answer marked correct is wrong, or another option is also right"],
  ["outdated", "Outdated", "AWS changed the service, a limit or a name since the question was written"],
  ["unclear", "Unclear", "The question or an option can be read more than one way"],
  ["other", "Other", "Something else: say what in the note"],
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number][0];
export type ReportStatus = "open" | "resolved" | "dismissed";

import type { ItemFlag, ItemStatistics } from "../../../src/core/bank/item-statistics.js";

export type { ItemFlag, ItemStatistics };

export const FLAG_LABEL: Record<ItemFlag, string> = {
  "too-easy": "Too easy",
  "too-hard": "Too hard",
  "negative-discrimination": "Strong candidates miss it more",
  "weak-discrimination": "Weak discrimination",
  "distractor-beats-key": "A distractor chosen more than the key",
};

export interface QueueItem extends ItemStatistics {
  stem: string;
  openReports: Partial<Record<ReportKind, number>>;
  attention: number;
}

export interface AuthorItems {
  exam: string | null;
  minN: number;
  questions: number;
  answered: number;
  items: QueueItem[];
}

export interface FiledReport {
  id: string;
  questionId: string;
  kind: ReportKind;
  note: string;
  status: ReportStatus;
  createdAt: string;
}

export interface QuestionReport extends FiledReport {
  exam: string;
  learner: string;
  attemptId: string;
  suggested: string[];
  resolution: string | null;
  verifiedOn: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  question: {
    stem: string;
    type: string;
    domain: string;
    verifiedOn: string;
    options: { id: string; text: string; key: boolean }[];
  } | null;
  statistics: ItemStatistics | null;
}

export interface ReportInput {
  kind: ReportKind;
  note?: string;
  options?: string[];
}

export interface ResolveInput {
  status: "resolved" | "dismissed";
  resolution: string;
  verifiedOn?: string;
}

export const kindLabel = (k: ReportKind) => REPORT_KINDS.find(([id]) => id === k)?.[1] ?? k;
export const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
export const signed = (x: number | null) => (x === null ? "–" : x.toFixed(2).replace("-", "−"));
export const seconds = (x: number | null) =>
  x === null ? "–" : x < 90 ? `${Math.round(x)} s` : `${(x / 60).toFixed(1)} min`;
