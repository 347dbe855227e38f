import { answerProblem, correctAnswer, isCorrect } from "../bank/answer-key.js";
import type { Answer, Question } from "../bank/question-types.js";
import { ConflictError, ValidationError } from "../errors.js";
import type { Blueprint } from "./blueprint.js";
import type { Form } from "./form-assembly.js";
import type { ScoreReport } from "./scoring.js";

export const EXAM_MODES = ["exam", "practice", "drill"] as const;
export type ExamMode = (typeof EXAM_MODES)[number];

/** One sitting of a practice exam, as stored. Instants are ISO strings from the server's clock. */
export interface Attempt {
  id: string;
  learner: string;
  exam: string;
  mode: ExamMode;
  status: "in-progress" | "submitted";
  seed: string;
  startedAt: string;
  endsAt: string | null;
  submittedAt: string | null;
  questionIds: string[];
  optionOrder: Record<string, string[]>;
  promptOrder: Record<string, string[]>;
  notice: string | null;
  retakeOf: string | null;
  result: ScoreReport | null;
}

export interface SavedAnswer extends Answer {
  questionId: string;
  flagged: boolean;
  /** Practice and drills: the first complete answer got feedback and is the one that is scored. */
  locked: boolean;
  updatedAt: string;
}

/** A new attempt: exam mode is timed by the blueprint; practice and drills are untimed. */
export function startAttempt(input: {
  id: string;
  learner: string;
  blueprint: Blueprint;
  form: Form;
  mode: ExamMode;
  seed: string;
  now: Date;
  retakeOf?: string | undefined;
}): Attempt {
  const { blueprint, form, mode, now } = input;
  // A shorter form gets proportionally less time, as the real exam's pace per question.
  const minutes =
    form.questionIds.length >= blueprint.questionCount
      ? blueprint.durationMinutes
      : Math.max(
          1,
          Math.ceil((blueprint.durationMinutes * form.questionIds.length) / blueprint.questionCount),
        );
  return {
    id: input.id,
    learner: input.learner,
    exam: blueprint.exam,
    mode,
    status: "in-progress",
    seed: input.seed,
    startedAt: now.toISOString(),
    endsAt: mode === "exam" ? new Date(now.getTime() + minutes * 60_000).toISOString() : null,
    submittedAt: null,
    questionIds: form.questionIds,
    optionOrder: form.optionOrder,
    promptOrder: form.promptOrder,
    notice: form.notice ?? null,
    retakeOf: input.retakeOf ?? null,
    result: null,
  };
}

/** True once the time is up (the server's clock decides). */
export function isTimeUp(attempt: Pick<Attempt, "endsAt">, now: Date): boolean {
  return attempt.endsAt !== null && now.getTime() >= Date.parse(attempt.endsAt);
}

/** Whole seconds left, or null when untimed. */
export function secondsRemaining(attempt: Attempt, now: Date): number | null {
  if (attempt.endsAt === null) return null;
  if (attempt.status === "submitted") return 0;
  return Math.max(0, Math.floor((Date.parse(attempt.endsAt) - now.getTime()) / 1000));
}

/** Throws `attempt.closed` when answers can no longer change. */
export function assertOpen(attempt: Pick<Attempt, "status" | "endsAt">, now: Date): void {
  if (attempt.status === "submitted")
    throw new ConflictError("attempt.closed", "This attempt has been submitted; it is read-only.");
  if (isTimeUp(attempt, now))
    throw new ConflictError(
      "attempt.closed",
      "Time is up for this attempt; it was submitted with the answers saved before the end.",
    );
}

/** Validates an answer against the question, throwing `attempt.invalid_answer` with what is wrong. */
export function checkAnswer(question: Question, answer: Answer): void {
  const problem = answerProblem(question, answer);
  if (problem)
    throw new ValidationError("attempt.invalid_answer", `Answer to ${question.id}: ${problem}.`, {
      field: "selected",
    });
}

/** A question as the learner sees it during an attempt: no key, no explanation, no reference. */
export interface QuestionView {
  id: string;
  type: Question["type"];
  domain: string;
  stem: string;
  options: { id: string; text: string }[];
  select?: number;
  prompts?: { id: string; text: string }[];
}

export function questionView(q: Question, attempt: Attempt): QuestionView {
  const order = attempt.optionOrder[q.id];
  const byId = <T extends { id: string }>(list: T[], ids: string[] | undefined) =>
    ids ? ids.map((id) => list.find((x) => x.id === id)).filter((x): x is T => x !== undefined) : list;
  const strip = (list: { id: string; text: string }[]) => list.map(({ id, text }) => ({ id, text }));
  const view: QuestionView = { id: q.id, type: q.type, domain: q.domain, stem: q.stem, options: [] };
  if (q.type === "ordering") view.options = strip(byId(q.items, order));
  else view.options = strip(byId(q.options, order));
  if (q.type === "multiple-response") view.select = q.select;
  if (q.type === "matching") view.prompts = strip(byId(q.prompts, attempt.promptOrder[q.id]));
  return view;
}

/** Immediate feedback for practice and drills. */
export function feedback(q: Question, answer: Answer) {
  return { correct: isCorrect(q, answer), correctOptions: correctAnswer(q), explanations: explanations(q) };
}

function explanations(q: Question): Record<string, string> {
  if (q.type === "ordering") return Object.fromEntries(q.items.map((i) => [i.id, i.explanation]));
  if (q.type === "matching") return Object.fromEntries(q.prompts.map((p) => [p.id, p.explanation]));
  return Object.fromEntries(q.options.map((o) => [o.id, o.explanation]));
}

/** A question after submission: the learner's answer, the key, every explanation and the references. */
export function reviewView(q: Question, attempt: Attempt, saved: SavedAnswer | undefined) {
  const view = questionView(q, attempt);
  const ex = explanations(q);
  return {
    ...view,
    options: view.options.map((o) => ({ ...o, explanation: ex[o.id] ?? null })),
    prompts: view.prompts?.map((p) => ({ ...p, explanation: ex[p.id] ?? null })),
    answer: saved ? { selected: saved.selected, pairs: saved.pairs, flagged: saved.flagged } : null,
    correct: isCorrect(q, saved),
    correctOptions: correctAnswer(q),
    services: q.services,
    references: q.references,
  };
}
