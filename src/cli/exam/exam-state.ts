import type { ExamService } from "../../app/exam-service.js";
import type { Answer } from "../../core/bank/question-types.js";
import type { QuestionView } from "../../core/exam/attempt.js";

export type AttemptView = Awaited<ReturnType<ExamService["get"]>>;
export type AnswerResult = Awaited<ReturnType<ExamService["answer"]>>;
/** Practice feedback, or a note that it is withheld (the question is in an exam still in progress). */
export type Feedback =
  | Extract<AnswerResult, { correct: boolean }>
  | Extract<AnswerResult, { withheld: unknown }>;

/** What the learner has on one question, as saved (or being saved). */
export interface LocalAnswer {
  selected: string[];
  pairs: [string, string][];
  flagged: boolean;
}

/** One key press as readline reports it. */
export interface Key {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
  shift?: boolean | undefined;
  meta?: boolean | undefined;
}

/** A change to send to `exams.answer`, or something the session has to do. */
export type Effect =
  | { kind: "save"; questionId: string; input: Answer & { flagged?: boolean } }
  | { kind: "submit" }
  | { kind: "quit" };

export type Screen = "question" | "confirm-submit" | "goto";

/** The whole state of the terminal exam; the screen is drawn from it and keys change it. */
export interface ExamState {
  attempt: AttemptView;
  index: number;
  cursor: number;
  /** Ordering: the item under the cursor is picked up and moves with ↑/↓. */
  held: boolean;
  answers: Map<string, LocalAnswer>;
  feedback: Map<string, Feedback>;
  /** Practice and drills: questions whose first complete answer got feedback (the server scores that one). */
  locked: Set<string>;
  screen: Screen;
  gotoInput: string;
  message: { text: string; tone: "info" | "warn" | "error" } | undefined;
  /** First body line shown when the question is taller than the screen. */
  scroll: number;
  /** What the next frame scrolls into view: the cursor after a move, new feedback after an answer. */
  follow: "cursor" | "feedback" | undefined;
  secondsLeft: number | null;
  pendingSaves: number;
}

export function initialState(attempt: AttemptView): ExamState {
  const answers = new Map<string, LocalAnswer>();
  const feedback = new Map<string, Feedback>();
  const locked = new Set<string>();
  for (const q of attempt.questions) {
    const a = attempt.answers[q.id];
    answers.set(q.id, { selected: a?.selected ?? [], pairs: a?.pairs ?? [], flagged: a?.flagged ?? false });
    if (a?.locked) locked.add(q.id);
    if (a?.feedback) feedback.set(q.id, { saved: true, ...a.feedback });
  }
  // Resume where the learner stopped: the first question without an answer.
  const firstOpen = attempt.questions.findIndex((q) => !isAnswered(q, answers.get(q.id)));
  const s: ExamState = {
    attempt,
    index: firstOpen === -1 ? 0 : firstOpen,
    cursor: 0,
    held: false,
    answers,
    feedback,
    locked,
    screen: "question",
    gotoInput: "",
    message: undefined,
    scroll: 0,
    follow: undefined,
    secondsLeft: attempt.secondsRemaining,
    pendingSaves: 0,
  };
  s.cursor = restingCursor(s);
  return s;
}

export function currentQuestion(s: ExamState): QuestionView {
  const q = s.attempt.questions[s.index];
  if (!q) throw new Error(`no question at ${s.index}`);
  return q;
}

export function answerOf(s: ExamState, q: QuestionView): LocalAnswer {
  let a = s.answers.get(q.id);
  if (!a) {
    a = { selected: [], pairs: [], flagged: false };
    s.answers.set(q.id, a);
  }
  return a;
}

/** Answered at all (counts toward "answered"); an ordering counts once its order is saved. */
export function isAnswered(q: QuestionView, a: LocalAnswer | undefined): boolean {
  if (!a) return false;
  if (q.type === "matching") return a.pairs.length > 0;
  if (q.type === "ordering") return a.selected.length === q.options.length;
  return a.selected.length > 0;
}

/** Answered fully: every required choice made (multiple response: `select` options; matching: every prompt). */
export function isComplete(q: QuestionView, a: LocalAnswer | undefined): boolean {
  if (!a) return false;
  if (q.type === "multiple-response") return a.selected.length === (q.select ?? 1);
  if (q.type === "matching") return a.pairs.length === (q.prompts?.length ?? 0);
  return isAnswered(q, a);
}

/** The order the learner sees for an ordering question: saved, else as presented. */
export function orderOf(q: QuestionView, a: LocalAnswer): string[] {
  return a.selected.length === q.options.length ? a.selected : q.options.map((o) => o.id);
}

/**
 * Practice and drills score the first complete answer: once an answer is whole (and not being moved),
 * it is locked, as on the server.
 */
export function isLocked(s: ExamState, q: QuestionView): boolean {
  if (s.attempt.mode === "exam") return false;
  return s.locked.has(q.id) || (isComplete(q, s.answers.get(q.id)) && !s.held);
}

const LOCKED_TEXT = "Locked: your first complete answer counts. n: next question.";

/** Numbers (1-based) of questions that are unanswered, partly answered, and flagged. */
export function summary(s: ExamState) {
  const unanswered: number[] = [];
  const incomplete: number[] = [];
  const flagged: number[] = [];
  s.attempt.questions.forEach((q, i) => {
    const a = s.answers.get(q.id);
    if (!isAnswered(q, a)) unanswered.push(i + 1);
    else if (!isComplete(q, a)) incomplete.push(i + 1);
    if (a?.flagged) flagged.push(i + 1);
  });
  return { total: s.attempt.questions.length, unanswered, incomplete, flagged };
}

/** Rows the cursor moves over: options, ordering items or matching prompts. */
function rowCount(q: QuestionView): number {
  return q.type === "matching" ? (q.prompts?.length ?? 0) : q.options.length;
}

function goTo(s: ExamState, index: number) {
  const n = s.attempt.questions.length;
  const next = Math.max(0, Math.min(n - 1, index));
  if (next !== s.index) {
    s.index = next;
    s.cursor = restingCursor(s);
    // A new question opens at its top: the stem comes first, even when the cursor is below the fold.
    s.scroll = 0;
    s.follow = undefined;
    s.held = false;
  }
}

/** Coming back to a question puts the cursor on the chosen option. */
function restingCursor(s: ExamState): number {
  const q = currentQuestion(s);
  if (q.type !== "multiple-choice" && q.type !== "multiple-response") return 0;
  const chosen = answerOf(s, q).selected;
  return Math.max(
    0,
    q.options.findIndex((o) => chosen.includes(o.id)),
  );
}

function save(q: QuestionView, a: LocalAnswer): Effect {
  return q.type === "matching"
    ? {
        kind: "save",
        questionId: q.id,
        input: { pairs: a.pairs.map(([p, o]) => [p, o] as [string, string]) },
      }
    : { kind: "save", questionId: q.id, input: { selected: [...a.selected] } };
}

/** Choose the option (or ordering item, or matching option) numbered `row` (0-based) on the current question. */
function choose(s: ExamState, row: number): Effect[] {
  const q = currentQuestion(s);
  const a = answerOf(s, q);
  if (isLocked(s, q)) {
    s.message = { text: LOCKED_TEXT, tone: "info" };
    return [];
  }
  if (q.type === "multiple-choice") {
    const opt = q.options[row];
    if (!opt) return [];
    s.cursor = row;
    if (a.selected[0] === opt.id && a.selected.length === 1) return [];
    a.selected = [opt.id];
    return [save(q, a)];
  }
  if (q.type === "multiple-response") {
    const opt = q.options[row];
    if (!opt) return [];
    s.cursor = row;
    const max = q.select ?? 1;
    if (a.selected.includes(opt.id)) a.selected = a.selected.filter((id) => id !== opt.id);
    else if (a.selected.length >= max) {
      s.message = { text: `Choose at most ${max}: unselect one first.`, tone: "warn" };
      return [];
    } else a.selected = [...a.selected, opt.id];
    return [save(q, a)];
  }
  if (q.type === "ordering") {
    if (row >= q.options.length) return [];
    if (s.held && s.cursor === row) {
      // Dropping saves the order as it stands, so an order the learner agrees with can be kept as is.
      s.held = false;
      a.selected = orderOf(q, a);
      return [save(q, a)];
    }
    s.cursor = row;
    s.held = true;
    return [];
  }
  // Matching: the number picks an option for the prompt under the cursor, then moves to the next prompt.
  const prompt = q.prompts?.[s.cursor];
  const opt = q.options[row];
  if (!prompt || !opt) return [];
  a.pairs = [...a.pairs.filter(([p]) => p !== prompt.id), [prompt.id, opt.id]];
  a.pairs.sort((x, y) => promptIndex(q, x[0]) - promptIndex(q, y[0]));
  if (s.cursor < rowCount(q) - 1) s.cursor++;
  return [save(q, a)];
}

function promptIndex(q: QuestionView, id: string) {
  return q.prompts?.findIndex((p) => p.id === id) ?? 0;
}

/** Space/Enter on the row under the cursor. */
function activate(s: ExamState): Effect[] {
  const q = currentQuestion(s);
  if (q.type !== "matching") return choose(s, s.cursor);
  // Matching: cycle the prompt's option.
  const a = answerOf(s, q);
  if (isLocked(s, q)) {
    s.message = { text: LOCKED_TEXT, tone: "info" };
    return [];
  }
  const prompt = q.prompts?.[s.cursor];
  if (!prompt) return [];
  const now = a.pairs.find(([p]) => p === prompt.id)?.[1];
  const i = now === undefined ? 0 : (q.options.findIndex((o) => o.id === now) + 1) % q.options.length;
  const opt = q.options[i];
  if (!opt) return [];
  a.pairs = [...a.pairs.filter(([p]) => p !== prompt.id), [prompt.id, opt.id]];
  a.pairs.sort((x, y) => promptIndex(q, x[0]) - promptIndex(q, y[0]));
  return [save(q, a)];
}

function moveCursor(s: ExamState, delta: number): Effect[] {
  const q = currentQuestion(s);
  const rows = rowCount(q);
  if (rows === 0) return [];
  const next = Math.max(0, Math.min(rows - 1, s.cursor + delta));
  if (q.type === "ordering" && s.held) {
    if (next === s.cursor) return [];
    const a = answerOf(s, q);
    const order = [...orderOf(q, a)];
    const [item] = order.splice(s.cursor, 1);
    if (item === undefined) return [];
    order.splice(next, 0, item);
    a.selected = order;
    s.cursor = next;
    // In an exam every move is saved at once; in practice each save is checked and recorded in the
    // learner's history, so the order is saved when the item is put down.
    return s.attempt.mode === "exam" ? [save(q, a)] : [];
  }
  s.cursor = next;
  return [];
}

/** Puts down a picked-up ordering item (saving the order) before the learner moves on. */
function drop(s: ExamState): Effect[] {
  if (!s.held) return [];
  const q = currentQuestion(s);
  const a = answerOf(s, q);
  s.held = false;
  if (q.type !== "ordering") return [];
  a.selected = orderOf(q, a);
  return [save(q, a)];
}

function clear(s: ExamState): Effect[] {
  const q = currentQuestion(s);
  const a = answerOf(s, q);
  if (!isAnswered(q, a)) return [];
  if (isLocked(s, q)) {
    s.message = { text: LOCKED_TEXT, tone: "info" };
    return [];
  }
  a.selected = [];
  a.pairs = [];
  s.held = false;
  s.feedback.delete(q.id);
  s.message = { text: "Answer cleared.", tone: "info" };
  return [save(q, a)];
}

/** Applies one key press; returns what has to be saved or done. */
export function handleKey(s: ExamState, key: Key): Effect[] {
  const name = key.name ?? "";
  const ch = key.sequence ?? "";
  if (key.ctrl && (name === "c" || name === "d")) return [...drop(s), { kind: "quit" }];

  if (s.screen === "goto") {
    if (name === "escape") {
      s.screen = "question";
      s.message = undefined;
    } else if (name === "return" || name === "enter") {
      const n = Number(s.gotoInput);
      s.screen = "question";
      s.message = undefined;
      if (Number.isInteger(n) && n >= 1 && n <= s.attempt.questions.length) goTo(s, n - 1);
      else if (s.gotoInput) s.message = { text: `There is no question ${s.gotoInput}.`, tone: "warn" };
    } else if (name === "backspace") s.gotoInput = s.gotoInput.slice(0, -1);
    else if (/^[0-9]$/.test(ch) && s.gotoInput.length < 4) s.gotoInput += ch;
    return [];
  }

  if (s.screen === "confirm-submit") {
    if (name === "y" || ch === "Y") return [{ kind: "submit" }];
    if (name === "n" || name === "escape" || ch === "N" || name === "q") s.screen = "question";
    else if (name === "g") {
      s.screen = "goto";
      s.gotoInput = "";
    }
    return [];
  }

  s.message = undefined;
  s.follow = "cursor";
  if (/^[1-9]$/.test(ch)) return choose(s, Number(ch) - 1);
  switch (name) {
    case "up":
    case "k":
      return moveCursor(s, -1);
    case "down":
    case "j":
      return moveCursor(s, 1);
    case "space":
    case "return":
    case "enter":
      return activate(s);
    case "right":
    case "n": {
      const dropped = drop(s);
      if (s.index === s.attempt.questions.length - 1)
        s.message = { text: "This is the last question: press s to submit.", tone: "info" };
      goTo(s, s.index + 1);
      return dropped;
    }
    case "left":
    case "p": {
      const dropped = drop(s);
      goTo(s, s.index - 1);
      return dropped;
    }
    case "home": {
      const dropped = drop(s);
      goTo(s, 0);
      return dropped;
    }
    case "end": {
      const dropped = drop(s);
      goTo(s, s.attempt.questions.length - 1);
      return dropped;
    }
    case "pageup":
      s.follow = undefined;
      s.scroll = Math.max(0, s.scroll - 5);
      return [];
    case "pagedown":
      s.follow = undefined;
      s.scroll += 5;
      return [];
    case "escape":
      return drop(s);
    case "x":
    case "delete":
    case "backspace":
      return clear(s);
    case "f": {
      const q = currentQuestion(s);
      const a = answerOf(s, q);
      a.flagged = !a.flagged;
      s.message = {
        text: a.flagged ? `Question ${s.index + 1} flagged for review.` : "Flag removed.",
        tone: "info",
      };
      return [{ kind: "save", questionId: q.id, input: { flagged: a.flagged } }];
    }
    case "g":
      s.screen = "goto";
      s.gotoInput = "";
      return drop(s);
    case "s":
      s.screen = "confirm-submit";
      return drop(s);
    case "q":
      return [...drop(s), { kind: "quit" }];
  }
  return [];
}
