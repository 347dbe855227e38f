import type { Question } from "../core/bank/question-types.js";
import type { ImportedQuestion } from "./interop-model.js";
import { exportStem } from "./writer-support.js";

// What a round trip certpath → format → certpath must keep, compared at the ImportedQuestion level: texts are
// compared as rendered Markdown reads (whitespace runs collapsed, Markdown escapes and emphasis markers alike),
// because HTML formats re-wrap lines and turndown escapes characters the source left bare.

/** Markdown reduced to what a reader sees: escapes removed, emphasis markers unified, whitespace collapsed. */
export function readable(markdown: string): string {
  return (
    markdown
      // Autolinks show their text only: <scheme:…> and [www.x](http://www.x).
      .replace(/<([a-z][\w+.-]*:[^<>\s]*)>/gi, "$1")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (all, text: string, url: string) => {
        const t = text.replace(/\\/g, "");
        return t === url || t === url.replace(/^(https?:\/\/|mailto:)/, "") ? t : all;
      })
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|=])/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "<b>$2</b>")
      .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, "$1<i>$2</i>")
      .replace(/^\s*[-*+]\s+/gm, "- ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export interface KeptFields {
  /** Whether per-option / per-item / per-pair explanations survive. */
  explanations: { choice: boolean; ordering: boolean; matching: boolean };
}

/** A certpath question as a reader would give it back (the case-study scenario in front of the stem). */
function asImported(q: Question): ImportedQuestion {
  const base = { location: { file: "" }, stem: exportStem(q) };
  if (q.type === "multiple-choice" || q.type === "multiple-response")
    return {
      ...base,
      type: q.type,
      options: q.options.map((o) => ({ text: o.text, correct: o.correct, feedback: o.explanation })),
    };
  if (q.type === "ordering")
    return { ...base, type: q.type, items: q.items.map((i) => ({ text: i.text, feedback: i.explanation })) };
  const text = new Map(q.options.map((o) => [o.id, o.text]));
  const matched = new Set(q.prompts.map((p) => p.match));
  return {
    ...base,
    type: q.type,
    pairs: q.prompts.map((p) => ({
      prompt: p.text,
      match: text.get(p.match) ?? "",
      feedback: p.explanation,
    })),
    extraOptions: q.options.filter((o) => !matched.has(o.id)).map((o) => o.text),
  };
}

/** The neutral shape of what must survive, from a certpath question. */
export function expectedOf(q: Question, kept: KeptFields): unknown {
  return actualOf(asImported(q), kept);
}

/** The same neutral shape from what a reader produced. */
export function actualOf(q: ImportedQuestion, kept: KeptFields): unknown {
  const stem = readable(q.stem);
  if (q.type !== "ordering" && q.type !== "matching")
    return {
      type: q.type,
      stem,
      options: q.options.map((o) => ({
        text: readable(o.text),
        correct: o.correct,
        ...(kept.explanations.choice ? { feedback: readable(o.feedback ?? "") } : {}),
      })),
    };
  if (q.type === "ordering")
    return {
      type: q.type,
      stem,
      items: q.items.map((i) => ({
        text: readable(i.text),
        ...(kept.explanations.ordering ? { feedback: readable(i.feedback ?? "") } : {}),
      })),
    };
  return {
    type: q.type,
    stem,
    pairs: q.pairs.map((p) => ({
      prompt: readable(p.prompt),
      match: readable(p.match),
      ...(kept.explanations.matching ? { feedback: readable(p.feedback ?? "") } : {}),
    })),
    extraOptions: (q.extraOptions ?? []).map(readable),
  };
}
