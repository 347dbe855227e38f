import { CONTENT_LIMITS } from "../content/load-questions.js";
import { cleanText } from "./html-markdown.js";
import type { FatalProblem, ImportedQuestion } from "./interop-model.js";

// One imported question → one certpath/questions@1 entry (a plain object in the file's key order), with the
// problems found on the way (text cut to the size limit). No key → a FatalProblem that refuses the file.

/** A certpath question entry as written to YAML (field order as in docs/question-format.md). */
export type QuestionEntry = Record<string, unknown> & { id: string; type: string };

/** Untrusted text made safe and bounded; `problems` gets a line when it had to be cut. */
export function safeText(text: string | undefined, field: string, problems: string[]): string {
  // Readers convert HTML already; active HTML left in Markdown text is cut out without touching the Markdown.
  let t = withoutActiveHtml(cleanText(text ?? ""));
  if (t.length > CONTENT_LIMITS.textChars) {
    problems.push(
      `${field}: cut to ${CONTENT_LIMITS.textChars} characters (the source had ${t.length}): shorten it`,
    );
    t = t.slice(0, CONTENT_LIMITS.textChars).trimEnd();
  }
  return t;
}

const ACTIVE = "script|style|iframe|frame|object|embed|noscript|template|form|svg|math|link|meta|base";

/** Text without elements that run or embed things (with their content), event handlers and javascript: URLs. */
export function withoutActiveHtml(text: string): string {
  let t = text;
  for (let before = ""; before !== t; ) {
    before = t;
    t = t
      .replace(new RegExp(`<(${ACTIVE})\\b[^>]*>[\\s\\S]*?<\\/\\1\\s*>`, "gi"), "")
      .replace(new RegExp(`<\\/?(${ACTIVE})\\b[^>]*>?`, "gi"), "")
      .replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, ""))
      .replace(/(java|vb)script\s*:/gi, "");
  }
  return t.trim();
}

/** Option ids by position: a…z, then o27, o28… */
export function optionId(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `o${i + 1}`;
}

/** The question's key problem, if it has none certpath can derive (the file is refused). */
export function keyProblem(q: ImportedQuestion): FatalProblem | undefined {
  const at = (message: string, hint: string): FatalProblem => ({ location: q.location, message, hint });
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      if (q.options.length === 0)
        return at("the question has no answer options", "add the options with the right one(s) marked");
      if (!q.options.some((o) => o.correct))
        return at(
          "no option is marked correct, so there is no answer key",
          "mark the right option(s) in the source (GIFT: =answer or a positive %weight%; Aiken: ANSWER: B)",
        );
      return undefined;
    case "ordering":
      return q.items.length < 2
        ? at("an ordering question needs at least two items", "list the items in the right order")
        : undefined;
    case "matching":
      return q.pairs.length === 0
        ? at("a matching question has no pairs", "give each prompt the option it matches")
        : undefined;
  }
}

/** The certpath entry for an imported question (without draft/problems: the pipeline adds them). */
export function toEntry(
  q: ImportedQuestion,
  fields: { id: string; domain?: string; services: string[]; references: string[]; verifiedOn: string },
  problems: string[],
): QuestionEntry {
  const text = (t: string | undefined, field: string) => safeText(t, field, problems);
  const explained = (t: string | undefined, field: string) => {
    const e = text(t, field);
    return e ? { explanation: e } : {};
  };
  const head: QuestionEntry = {
    id: fields.id,
    ...(fields.domain ? { domain: fields.domain } : {}),
    type: q.type,
    services: fields.services,
    stem: text(q.stem, "stem"),
  };
  let body: Record<string, unknown>;
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response": {
      const correct = q.options.filter((o) => o.correct).length;
      // The type follows the key: one correct option is multiple choice whatever the source called it.
      head.type = correct > 1 ? "multiple-response" : "multiple-choice";
      body = {
        ...(correct > 1 ? { select: correct } : {}),
        options: q.options.map((o, i) => ({
          id: optionId(i),
          text: text(o.text, `options.${i}.text`),
          ...(o.correct ? { correct: true } : {}),
          ...explained(o.feedback, `options.${i}.explanation`),
        })),
      };
      break;
    }
    case "ordering":
      body = {
        items: q.items.map((it, i) => ({
          id: optionId(i),
          text: text(it.text, `items.${i}.text`),
          ...explained(it.feedback, `items.${i}.explanation`),
        })),
      };
      break;
    case "matching": {
      const optionTexts: string[] = [];
      for (const t of [...q.pairs.map((p) => p.match), ...(q.extraOptions ?? [])]) {
        const c = text(t, "options");
        if (!optionTexts.includes(c)) optionTexts.push(c);
      }
      body = {
        prompts: q.pairs.map((p, i) => ({
          id: `p${i + 1}`,
          text: text(p.prompt, `prompts.${i}.text`),
          match: optionId(optionTexts.indexOf(text(p.match, "options"))),
          ...explained(p.feedback, `prompts.${i}.explanation`),
        })),
        options: optionTexts.map((t, i) => ({ id: optionId(i), text: t })),
      };
      break;
    }
  }
  const note = [q.generalFeedback && text(q.generalFeedback, "note"), ...(q.notes ?? []).map(cleanText)]
    .filter(Boolean)
    .join("\n\n");
  return {
    ...head,
    ...body,
    references: fields.references,
    verifiedOn: fields.verifiedOn,
    ...(note ? { note } : {}),
  };
}
