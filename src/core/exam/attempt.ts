import { answerProblem, correctAnswer, isCorrect } from "../bank/answer-key.js";
import type { Answer, Question } from "../bank/question-types.js";
import { ConflictError, ValidationError } from "../errors.js";
import { answerToOpaque, type IdKind, opaqueKeys, type QuestionIds } from "./attempt-ids.js";
import type { Blueprint } from "./blueprint.js";
import type { Form } from "./form-assembly.js";
import type { ScoreReport } from "./scoring.js";

/** `review` is a drill of the questions due for spaced review (the learning loop). */
export const EXAM_MODES = ["exam", "practice", "drill", "review"] as const;
export type ExamMode = (typeof EXAM_MODES)[number];

/** One sitting of a practice exam, as stored. Instants are ISO strings from the server's clock. */
export interface Attempt {
  id: string;
  learner: string;
  exam: string;
  mode: ExamMode;
  status: "in-progress" | "submitted";
  seed: string;
  /** Secret key of the attempt's opaque option, item and prompt ids (never sent to a client). */
  idKey: string;
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
  idKey: string;
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
    idKey: input.idKey,
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

/** A question as the learner sees it during an attempt: no key, no explanation, no reference, opaque ids. */
export interface QuestionView {
  id: string;
  type: Question["type"];
  domain: string;
  stem: string;
  options: { id: string; text: string }[];
  select?: number;
  prompts?: { id: string; text: string }[];
  /** The shared scenario, for a question of a case study (shown beside each of its questions). */
  caseStudy?: { id: string; title: string; scenario: string };
}

/** The question in the attempt's shuffled order, every option, item and prompt id replaced by its opaque id. */
export function questionView(
  q: Question,
  attempt: Pick<Attempt, "optionOrder" | "promptOrder">,
  ids: QuestionIds,
): QuestionView {
  const order = attempt.optionOrder[q.id];
  const byId = <T extends { id: string }>(list: T[], order: string[] | undefined) =>
    order ? order.map((id) => list.find((x) => x.id === id)).filter((x): x is T => x !== undefined) : list;
  const strip = (kind: IdKind, list: { id: string; text: string }[]) =>
    list.map(({ id, text }) => ({ id: ids.opaque(kind, id), text }));
  const view: QuestionView = { id: q.id, type: q.type, domain: q.domain, stem: q.stem, options: [] };
  if (q.type === "ordering") view.options = strip("item", byId(q.items, order));
  else view.options = strip("option", byId(q.options, order));
  if (q.type === "multiple-response") view.select = q.select;
  if (q.type === "matching") view.prompts = strip("prompt", byId(q.prompts, attempt.promptOrder[q.id]));
  if (q.caseStudy)
    view.caseStudy = { id: q.caseStudy.id, title: q.caseStudy.title, scenario: q.caseStudy.scenario };
  return view;
}

/** Immediate feedback for practice and drills, in the attempt's opaque ids (`answer` in bank ids). */
export function feedback(q: Question, answer: Answer, ids: QuestionIds) {
  return {
    correct: isCorrect(q, answer),
    correctOptions: answerToOpaque(q, ids, correctAnswer(q)),
    explanations: opaqueKeys(q, ids, explanations(q)),
  };
}

function explanations(q: Question): Record<string, string> {
  if (q.type === "ordering") return Object.fromEntries(q.items.map((i) => [i.id, i.explanation]));
  if (q.type === "matching") return Object.fromEntries(q.prompts.map((p) => [p.id, p.explanation]));
  return Object.fromEntries(q.options.map((o) => [o.id, o.explanation]));
}

/** The bank's ids behind the attempt's opaque ids (review only: for authors and reports that cite the file). */
function bankIdMap(q: Question, ids: QuestionIds) {
  const pairs = (kind: IdKind, list: { id: string }[]) =>
    Object.fromEntries(list.map((x) => [ids.opaque(kind, x.id), x.id]));
  if (q.type === "ordering") return { options: pairs("item", q.items) };
  if (q.type === "matching")
    return { options: pairs("option", q.options), prompts: pairs("prompt", q.prompts) };
  return { options: pairs("option", q.options) };
}

/**
 * A question after submission: the learner's answer, the key, every explanation and the references, in
 * the attempt's opaque ids (the bank's ids only in `bankIds`). `withheld`: the question is in an exam
 * still in progress, so its key, explanations and references are left out.
 */
export function reviewView(
  q: Question,
  attempt: Pick<Attempt, "optionOrder" | "promptOrder">,
  saved: SavedAnswer | undefined,
  ids: QuestionIds,
  withheld = false,
) {
  const view = questionView(q, attempt, ids);
  const answer = saved ? { ...answerToOpaque(q, ids, saved), flagged: saved.flagged } : null;
  if (withheld)
    return {
      ...view,
      options: view.options.map((o) => ({ ...o, explanation: null })),
      prompts: view.prompts?.map((p) => ({ ...p, explanation: null })),
      answer,
      correct: null,
      correctOptions: null,
      withheld: true as const,
      services: q.services,
      references: [],
    };
  const ex = opaqueKeys(q, ids, explanations(q));
  return {
    ...view,
    options: view.options.map((o) => ({ ...o, explanation: ex[o.id] ?? null })),
    prompts: view.prompts?.map((p) => ({ ...p, explanation: ex[p.id] ?? null })),
    answer,
    correct: isCorrect(q, saved),
    correctOptions: answerToOpaque(q, ids, correctAnswer(q)),
    services: q.services,
    references: q.references,
    bankIds: bankIdMap(q, ids),
  };
}
