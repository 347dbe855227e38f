import type { Answer, Question } from "./question-types.js";

/** The correct answer of a question, in the same shape as a learner's answer. */
export function correctAnswer(q: Question): Answer {
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      return { selected: q.options.filter((o) => o.correct).map((o) => o.id) };
    case "ordering":
      return { selected: q.items.map((i) => i.id) };
    case "matching":
      return { pairs: q.prompts.map((p) => [p.id, p.match]) };
  }
}

/** All-or-nothing, as AWS scores items: every part of the answer must be right. */
export function isCorrect(q: Question, answer: Answer | undefined): boolean {
  if (!answer) return false;
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response": {
      const want = new Set(q.options.filter((o) => o.correct).map((o) => o.id));
      const got = new Set(answer.selected ?? []);
      return got.size === want.size && [...want].every((id) => got.has(id));
    }
    case "ordering": {
      const got = answer.selected ?? [];
      return got.length === q.items.length && q.items.every((item, i) => got[i] === item.id);
    }
    case "matching": {
      const got = new Map(answer.pairs ?? []);
      return got.size === q.prompts.length && q.prompts.every((p) => got.get(p.id) === p.match);
    }
  }
}

/** True when the answer is whole: one option, `select` options, every item ordered, every prompt matched. */
export function isComplete(q: Question, answer: Answer | undefined): boolean {
  if (!answer) return false;
  switch (q.type) {
    case "multiple-choice":
      return answer.selected?.length === 1;
    case "multiple-response":
      return answer.selected?.length === q.select;
    case "ordering":
      return answer.selected?.length === q.items.length;
    case "matching":
      return new Set((answer.pairs ?? []).map(([p]) => p)).size === q.prompts.length;
  }
}

/** Checks that an answer names only ids of this question and has the right form; returns a problem or undefined. */
export function answerProblem(q: Question, answer: Answer): string | undefined {
  if (q.type === "matching") {
    if (!answer.pairs) return 'a matching question takes {"pairs": [[promptId, optionId], …]}';
    const prompts = new Set(q.prompts.map((p) => p.id));
    const options = new Set(q.options.map((o) => o.id));
    const seen = new Set<string>();
    for (const [p, o] of answer.pairs) {
      if (!prompts.has(p)) return `unknown prompt id "${p}"`;
      if (!options.has(o)) return `unknown option id "${o}"`;
      if (seen.has(p)) return `prompt "${p}" is matched twice`;
      seen.add(p);
    }
    return undefined;
  }
  const selected = answer.selected;
  if (!selected) return 'this question takes {"selected": [optionIds]}';
  const ids = new Set(q.type === "ordering" ? q.items.map((i) => i.id) : q.options.map((o) => o.id));
  for (const id of selected) if (!ids.has(id)) return `unknown option id "${id}"`;
  if (new Set(selected).size !== selected.length) return "an option is selected twice";
  if (q.type === "multiple-choice" && selected.length > 1) return "choose one option";
  if (q.type === "multiple-response" && selected.length > q.select)
    return `choose at most ${q.select} options`;
  if (q.type === "ordering" && selected.length !== 0 && selected.length !== ids.size)
    return `order all ${ids.size} items`;
  return undefined;
}
