import { correctAnswer } from "../core/bank/answer-key.js";
import type { Answer, Question } from "../core/bank/question-types.js";

/** A question as an attempt shows it: opaque ids next to the texts. */
export interface ShownQuestion {
  id: string;
  options: { id: string; text: string }[];
  prompts?: { id: string; text: string }[] | undefined;
}

/**
 * An answer in the bank's ids, rewritten in the attempt's opaque ids by matching texts, as a learner who
 * knows the right option's words would answer (tests only: the ids themselves carry nothing).
 */
export function inAttemptIds(shown: ShownQuestion, q: Question, answer: Answer): Answer {
  const byText = (list: { id: string; text: string }[]) => new Map(list.map((x) => [x.text, x.id]));
  const shownOptions = byText(shown.options);
  const shownPrompts = byText(shown.prompts ?? []);
  const bankList = q.type === "ordering" ? q.items : q.options;
  const text = new Map(bankList.map((x) => [x.id, x.text]));
  const opaque = (id: string) => shownOptions.get(text.get(id) ?? "") ?? `unknown-${id}`;
  const out: Answer = {};
  if (answer.selected) out.selected = answer.selected.map(opaque);
  if (answer.pairs && q.type === "matching") {
    const promptText = new Map(q.prompts.map((p) => [p.id, p.text]));
    out.pairs = answer.pairs.map(([p, o]) => [
      shownPrompts.get(promptText.get(p) ?? "") ?? `unknown-${p}`,
      opaque(o),
    ]);
  }
  return out;
}

/** The key of a question in the attempt's opaque ids. */
export function keyIn(shown: ShownQuestion, q: Question): Answer {
  return inAttemptIds(shown, q, correctAnswer(q));
}

/** A complete but wrong answer, in the attempt's opaque ids. */
export function wrongIn(shown: ShownQuestion, q: Question): Answer {
  if (q.type === "ordering")
    return inAttemptIds(shown, q, { selected: [...q.items.map((i) => i.id)].reverse() });
  if (q.type === "matching")
    return inAttemptIds(shown, q, {
      pairs: q.prompts.map((p) => [p.id, q.options.find((o) => o.id !== p.match)?.id ?? p.match]),
    });
  const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
  return inAttemptIds(shown, q, { selected: wrong.slice(0, q.type === "multiple-response" ? q.select : 1) });
}
