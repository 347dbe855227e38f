import type { Answer, Question } from "../bank/question-types.js";
import { ValidationError } from "../errors.js";

/** Which list of a question an id belongs to: choice options and matching options, ordering items, matching prompts. */
export type IdKind = "option" | "item" | "prompt";

/**
 * A keyed hash supplied by the app (from the attempt's secret key): the same inputs give the same short id,
 * and without the key an id says nothing about the bank's id, the file order or the key.
 */
export type IdHash = (questionId: string, kind: IdKind, bankId: string) => string;

/** One question's ids in one attempt: bank id ↔ the attempt's opaque id, per kind. */
export interface QuestionIds {
  opaque(kind: IdKind, bankId: string): string;
  bank(kind: IdKind, opaqueId: string): string | undefined;
}

function bankIdsOf(q: Question): [IdKind, string[]][] {
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      return [["option", q.options.map((o) => o.id)]];
    case "ordering":
      return [["item", q.items.map((i) => i.id)]];
    case "matching":
      return [
        ["prompt", q.prompts.map((p) => p.id)],
        ["option", q.options.map((o) => o.id)],
      ];
  }
}

/** The opaque ids of a question's options, items and prompts in an attempt (distinct within the question). */
export function questionIds(q: Question, hash: IdHash): QuestionIds {
  const toOpaque = new Map<string, string>();
  const toBank = new Map<string, string>();
  const taken = new Set<string>();
  for (const [kind, ids] of bankIdsOf(q))
    for (const id of ids) {
      let opaque = hash(q.id, kind, id);
      // A clash inside one question is astronomically rare; salt deterministically until the id is free.
      for (let n = 1; taken.has(opaque); n++) opaque = hash(q.id, kind, `${id}#${n}`);
      taken.add(opaque);
      toOpaque.set(`${kind}:${id}`, opaque);
      toBank.set(`${kind}:${opaque}`, id);
    }
  return {
    opaque: (kind, bankId) => toOpaque.get(`${kind}:${bankId}`) ?? bankId,
    bank: (kind, opaqueId) => toBank.get(`${kind}:${opaqueId}`),
  };
}

const selectedKind = (q: Question): IdKind => (q.type === "ordering" ? "item" : "option");

/** A saved (bank-id) answer in the attempt's opaque ids. */
export function answerToOpaque(q: Question, ids: QuestionIds, answer: Answer): Answer {
  const out: Answer = {};
  if (answer.selected) out.selected = answer.selected.map((id) => ids.opaque(selectedKind(q), id));
  if (answer.pairs)
    out.pairs = answer.pairs.map(
      ([p, o]) => [ids.opaque("prompt", p), ids.opaque("option", o)] as [string, string],
    );
  return out;
}

/**
 * A learner's answer in opaque ids, mapped back to the bank's ids; an id that is not one of this question's
 * in this attempt is an `attempt.invalid_answer` that names only the id sent.
 */
export function answerFromOpaque(q: Question, ids: QuestionIds, answer: Answer): Answer {
  const map = (kind: IdKind, id: string, field: string) => {
    const bank = ids.bank(kind, id);
    if (bank === undefined)
      throw new ValidationError(
        "attempt.invalid_answer",
        `Answer to ${q.id}: unknown ${kind} id "${id}" (use the ids this attempt shows).`,
        { field },
      );
    return bank;
  };
  const prompts = (answer.pairs ?? []).map(([p]) => p);
  const twice = prompts.find((p, i) => prompts.indexOf(p) !== i);
  if (twice !== undefined)
    throw new ValidationError(
      "attempt.invalid_answer",
      `Answer to ${q.id}: prompt "${twice}" is matched twice.`,
      {
        field: "pairs",
      },
    );
  const out: Answer = {};
  if (answer.selected) out.selected = answer.selected.map((id) => map(selectedKind(q), id, "selected"));
  if (answer.pairs)
    out.pairs = answer.pairs.map(
      ([p, o]) => [map("prompt", p, "pairs"), map("option", o, "pairs")] as [string, string],
    );
  return out;
}

/** Explanations keyed by the attempt's opaque ids (options, items or prompts, as the question has them). */
export function opaqueKeys(
  q: Question,
  ids: QuestionIds,
  byBankId: Record<string, string>,
): Record<string, string> {
  const kind: IdKind = q.type === "ordering" ? "item" : q.type === "matching" ? "prompt" : "option";
  return Object.fromEntries(Object.entries(byBankId).map(([id, text]) => [ids.opaque(kind, id), text]));
}
