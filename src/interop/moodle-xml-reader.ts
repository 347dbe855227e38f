import { cleanText, htmlToMarkdown, looksLikeHtml } from "./html-markdown.js";
import { imageAsset } from "./image-assets.js";
import type {
  FatalProblem,
  FormatReader,
  ImportedAsset,
  ImportedOption,
  ImportedQuestion,
  ReadResult,
  UnsupportedQuestion,
} from "./interop-model.js";
import { child, elements, parseXml, textOf, type XmlElement } from "./xml-tree.js";

// Moodle XML (the quiz export of Moodle 2.x–4.x): <quiz> with one <question type="…"> per question and
// <question type="category"> entries that set the category of the questions after them.
// https://docs.moodle.org/en/Moodle_XML_format

const SUPPORTED = new Set(["multichoice", "truefalse", "matching", "ordering"]);

/** The category path without Moodle's context prefix ($course$/top/…). */
function categoryPath(raw: string): string | undefined {
  const path = cleanText(raw)
    .replace(/^\$[a-z0-9]+\$\//i, "")
    .replace(/^top(\/|$)/, "");
  return path || undefined;
}

/** Rich text of a Moodle field (<text> in the element's format), its <file> images collected as assets. */
function richText(el: XmlElement | undefined, assets: ImportedAsset[], notes: string[]): string {
  if (!el) return "";
  let text = textOf(child(el, "text"));
  for (const f of elements(el, "file")) {
    const asset = imageAsset(f.attrs.name ?? "", textOf(f), notes);
    if (!asset) continue;
    if (!assets.some((a) => a.name === asset.name)) assets.push(asset);
    // Moodle refers to its files as @@PLUGINFILE@@/name (URL-encoded); the asset sits next to the YAML.
    text = text.split(`@@PLUGINFILE@@/${encodeURI(f.attrs.name ?? "")}`).join(asset.name);
    text = text.split(`@@PLUGINFILE@@/${f.attrs.name ?? ""}`).join(asset.name);
  }
  const format = el.attrs.format ?? "html";
  if (format === "markdown") return cleanText(text);
  if (format === "plain_text") return cleanText(text);
  if (format === "moodle_auto_format" && !looksLikeHtml(text)) return cleanText(text);
  return htmlToMarkdown(text);
}

const fraction = (a: XmlElement) => {
  const f = Number.parseFloat(a.attrs.fraction ?? "0");
  return Number.isFinite(f) ? f : 0;
};

interface Context {
  file: string;
  category: string | undefined;
  fatal: FatalProblem[];
}

function readQuestion(q: XmlElement, type: string, ctx: Context): ImportedQuestion | undefined {
  const assets: ImportedAsset[] = [];
  const notes: string[] = [];
  const name = cleanText(textOf(child(child(q, "name"), "text")));
  const idnumber = cleanText(textOf(child(q, "idnumber")));
  const tags = elements(child(q, "tags"), "tag")
    .map((t) => cleanText(textOf(child(t, "text")) || textOf(t)))
    .filter(Boolean);
  const generalFeedback = richText(child(q, "generalfeedback"), assets, notes);
  const base = {
    location: { file: ctx.file, line: q.line },
    ...(idnumber || name ? { sourceId: idnumber || name } : {}),
    stem: richText(child(q, "questiontext"), assets, notes),
    ...(generalFeedback ? { generalFeedback } : {}),
    ...(ctx.category ? { category: ctx.category } : {}),
    ...(tags.length > 0 ? { tags } : {}),
  };
  const label = name ? `"${name}" (line ${q.line})` : `the question on line ${q.line}`;
  const refuse = (message: string, hint: string) => {
    ctx.fatal.push({ location: { file: ctx.file, line: q.line }, message: `${label}: ${message}`, hint });
    return undefined;
  };
  const done = (question: ImportedQuestion) => ({
    ...question,
    ...(assets.length > 0 ? { assets } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  });

  if (type === "matching") {
    const pairs: { prompt: string; match: string }[] = [];
    const extraOptions: string[] = [];
    for (const s of elements(q, "subquestion")) {
      const prompt = richText(s, assets, notes);
      const match = cleanText(textOf(child(child(s, "answer"), "text")));
      if (!match) continue;
      if (prompt) pairs.push({ prompt, match });
      else extraOptions.push(match);
    }
    if (pairs.length === 0)
      return refuse(
        "the matching question has no subquestion with an answer",
        "give each subquestion its answer",
      );
    return done({ ...base, type: "matching", pairs, ...(extraOptions.length > 0 ? { extraOptions } : {}) });
  }

  const answers = elements(q, "answer").map((a) => {
    const feedback = richText(child(a, "feedback"), assets, notes);
    return { fraction: fraction(a), text: richText(a, assets, notes), ...(feedback ? { feedback } : {}) };
  });

  if (type === "ordering") {
    if (answers.length < 2)
      return refuse("the ordering question has fewer than two items", "add the items in order");
    // qtype_ordering exports the correct position as each answer's fraction (1, 2, 3…); fall back to document order.
    const positions = answers.map((a) => a.fraction);
    const ranked = new Set(positions).size === positions.length && positions.every((p) => p > 0);
    const items = (ranked ? [...answers].sort((a, b) => a.fraction - b.fraction) : answers).map((a) => ({
      text: a.text,
      ...(a.feedback ? { feedback: a.feedback } : {}),
    }));
    return done({ ...base, type: "ordering", items });
  }

  if (type === "truefalse") {
    const options: ImportedOption[] = answers.map((a) => ({
      text: /^true$/i.test(a.text) ? "True" : /^false$/i.test(a.text) ? "False" : a.text,
      correct: a.fraction > 0,
      ...(a.feedback ? { feedback: a.feedback } : {}),
    }));
    if (options.filter((o) => o.correct).length !== 1)
      return refuse(
        "the true/false question has no answer marked 100%",
        "mark either true or false as correct",
      );
    return done({ ...base, type: "multiple-choice", options });
  }

  // multichoice
  const single = !/^(false|0)$/i.test(cleanText(textOf(child(q, "single"))) || "true");
  const best = Math.max(0, ...answers.map((a) => a.fraction));
  if (best <= 0)
    return refuse(
      "no answer has a positive grade, so there is no key",
      "give the correct answer(s) a grade of 100%",
    );
  const correct = (f: number) => (single ? f === best : f > 0);
  const options: ImportedOption[] = answers.map((a) => ({
    text: a.text,
    correct: correct(a.fraction),
    ...(a.feedback ? { feedback: a.feedback } : {}),
  }));
  const count = options.filter((o) => o.correct).length;
  if (single && count > 1)
    return refuse(
      `${count} answers are each fully right on their own (several accepted answers), which certpath cannot key`,
      "keep one answer at 100%, or make it a multiple-answer question",
    );
  const partial = answers.filter((a) => a.fraction > 0 && a.fraction < 100);
  if (single && partial.some((a) => a.fraction < best))
    notes.push(
      "answers with partial credit in Moodle count as wrong in certpath, which scores all-or-nothing",
    );
  if (!single && partial.length > 0)
    notes.push(
      `Moodle gave partial credit per answer (${partial.map((a) => `${a.fraction}%`).join(", ")}); certpath scores it all-or-nothing: every correct answer must be chosen`,
    );
  return done({ ...base, type: count > 1 ? "multiple-response" : "multiple-choice", options });
}

/** Reads a Moodle XML quiz export (pure, never throws). */
export const readMoodleXml: FormatReader = (source) => {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  const parsed = parseXml(source.text ?? "");
  if ("error" in parsed) {
    result.fatal.push({
      location: { file: source.file, line: parsed.error.line },
      message: `the XML is broken on line ${parsed.error.line}: ${parsed.error.message}`,
      hint: "fix the XML there (or export the questions from Moodle again) and import the file again",
    });
    return result;
  }
  const { root } = parsed;
  if (root.name !== "quiz") {
    result.fatal.push({
      location: { file: source.file, line: root.line },
      message: `this is not a Moodle XML question file: the root element is <${root.name}>, not <quiz>`,
      hint: "export the questions from Moodle's question bank in the Moodle XML format, or choose the file's real format",
    });
    return result;
  }
  const ctx: Context = { file: source.file, category: undefined, fatal: result.fatal };
  for (const q of elements(root, "question")) {
    const type = q.attrs.type ?? "";
    if (type === "category") {
      ctx.category = categoryPath(
        textOf(child(child(q, "category"), "text")) || textOf(child(q, "category")),
      );
      continue;
    }
    if (!SUPPORTED.has(type)) {
      const unsupported: UnsupportedQuestion = {
        location: { file: source.file, line: q.line },
        sourceType: type || "(no type)",
        message: `a Moodle "${type}" question cannot be converted: certpath holds multiple choice, multiple response, true/false, ordering and matching`,
      };
      result.unsupported.push(unsupported);
      continue;
    }
    const question = readQuestion(q, type, ctx);
    if (question) result.questions.push(question);
  }
  return result;
};
