import type { Answer } from "../../../src/core/bank/question-types.js";
import type { ExamMode, QuestionView } from "../../../src/core/exam/attempt.js";
import type { DomainResult, ScoreReport } from "../../../src/core/exam/scoring.js";

export type { Answer, DomainResult, ExamMode, QuestionView };

/** What the learner has saved for one question. */
export interface SavedState {
  selected: string[] | null;
  pairs?: [string, string][];
  flagged: boolean;
  /** Practice and drills: the first complete answer got feedback and is the one scored. */
  locked?: boolean;
  feedback?: { correct: boolean; correctOptions: Answer; explanations: Record<string, string> };
}

/** `GET /api/attempts/:id`: the attempt as the learner may see it (never a key). */
export interface AttemptView {
  id: string;
  exam: string;
  mode: ExamMode;
  status: "in-progress" | "submitted";
  startedAt: string;
  endsAt: string | null;
  submittedAt: string | null;
  secondsRemaining: number | null;
  notice?: string;
  retakeOf?: string;
  questions: QuestionView[];
  answers: Record<string, SavedState>;
}

export interface StartInput {
  exam: string;
  mode: ExamMode;
  count?: number;
  domains?: string[];
  services?: string[];
  retakeOf?: string;
  mistakes?: boolean;
}

export interface AnswerInput {
  selected?: string[];
  pairs?: [string, string][];
  flagged?: boolean;
}

/** The reply to a saved answer; practice and drills add the feedback. */
export interface Feedback {
  saved: true;
  correct?: boolean;
  correctOptions?: Answer;
  explanations?: Record<string, string>;
  /** Feedback held back: the question is in an exam attempt still in progress. */
  withheld?: { code: string; attempt: string; message: string };
}

export interface Report extends ScoreReport {
  id: string;
  exam: string;
  name: string;
  mode: ExamMode;
  submittedAt: string | null;
  /** The time ran out and the server submitted the attempt. */
  timedOut: boolean;
}

export interface ReviewQuestion extends QuestionView {
  options: { id: string; text: string; explanation: string | null }[];
  prompts?: { id: string; text: string; explanation: string | null }[];
  answer: { selected?: string[] | null; pairs?: [string, string][]; flagged: boolean } | null;
  /** null while the key is withheld (the question is in an exam still in progress). */
  correct: boolean | null;
  correctOptions: Answer | null;
  withheld?: true;
  services: string[];
  references: string[];
  /** The bank's ids behind this attempt's opaque ids (for authors citing the question file). */
  bankIds?: { options: Record<string, string>; prompts?: Record<string, string> };
}

export interface Review extends Report {
  questions: ReviewQuestion[];
  withheld?: { code: string; attempt: string; message: string };
}

export interface HistoryItem {
  id: string;
  exam: string;
  mode: ExamMode;
  status: "in-progress" | "submitted";
  startedAt: string;
  submittedAt: string | null;
  questions: number;
  scaledScore: number | null;
  passingScore: number | null;
  passed: boolean | null;
  correct: number | null;
  percent: number | null;
  verdict: string | null;
  timedOut: boolean;
}

/** True when the learner has given some answer (a flag alone is not an answer). */
export function isAnswered(a: SavedState | undefined): boolean {
  if (!a) return false;
  return (a.selected?.length ?? 0) > 0 || (a.pairs?.length ?? 0) > 0;
}

/** True when the answer is whole: one option, `select` options, every item ordered, every prompt matched. */
export function isComplete(q: QuestionView, a: SavedState | undefined): boolean {
  if (!a) return false;
  const chosen = a.selected?.length ?? 0;
  switch (q.type) {
    case "multiple-choice":
      return chosen === 1;
    case "multiple-response":
      return chosen === (q.select ?? 1);
    case "ordering":
      return chosen === q.options.length;
    case "matching":
      return new Set((a.pairs ?? []).map(([p]) => p)).size === (q.prompts?.length ?? 0);
  }
}

export type AnswerState = "answered" | "incomplete" | "unanswered";

/** Answered (complete), incomplete (some but not all of what is asked) or unanswered. */
export function answerState(q: QuestionView, a: SavedState | undefined): AnswerState {
  if (!isAnswered(a)) return "unanswered";
  return isComplete(q, a) ? "answered" : "incomplete";
}

/** Question numbers (0-based) in each state. */
export function answerStates(questions: QuestionView[], answers: Record<string, SavedState>) {
  const out: Record<AnswerState, number[]> = { answered: [], incomplete: [], unanswered: [] };
  questions.forEach((q, i) => {
    out[answerState(q, answers[q.id])].push(i);
  });
  return out;
}

export const MODE_LABEL: Record<ExamMode, string> = {
  exam: "Exam",
  practice: "Practice",
  drill: "Drill",
  review: "Review",
};
