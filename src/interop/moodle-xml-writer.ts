import type { Question } from "../core/bank/question-types.js";
import { commonDropped, domainLabel, exportStem, markdownToHtml, referencesText } from "./writer-support.js";
import type { ExportBank, ExportResult } from "./writers.js";
import { cdata, xmlEscape } from "./xml-tree.js";

// certpath → Moodle XML (Moodle 4.x question bank import): one category per domain, HTML in CDATA, per-answer
// feedback from option explanations, references in the general feedback, services as tags.

const html = (markdown: string) => `<text>${markdown.trim() ? cdata(markdownToHtml(markdown)) : ""}</text>`;
const field = (tag: string, markdown: string, indent = "    ") =>
  `${indent}<${tag} format="html">\n${indent}  ${html(markdown)}\n${indent}</${tag}>`;
const plain = (tag: string, value: string | number) => `    <${tag}>${xmlEscape(String(value))}</${tag}>`;

/** A Moodle grade fraction as Moodle writes it (7 decimals, trailing zeros kept). */
const grade = (f: number) => f.toFixed(7);

function header(q: Question, generalFeedback: string): string[] {
  return [
    `  <question type="${q.type === "ordering" ? "ordering" : q.type === "matching" ? "matching" : "multichoice"}">`,
    `    <name>\n      <text>${xmlEscape(q.id)}</text>\n    </name>`,
    field("questiontext", exportStem(q)),
    field("generalfeedback", generalFeedback),
    plain("defaultgrade", grade(1)),
    plain("penalty", grade(1 / 3)),
    plain("hidden", 0),
    plain("idnumber", q.id),
  ];
}

const feedbackBlock = () => [
  field("correctfeedback", "Your answer is correct."),
  field("partiallycorrectfeedback", "Your answer is partially correct."),
  field("incorrectfeedback", "Your answer is incorrect."),
];

function answer(fraction: number, text: string, feedback: string): string {
  return [
    `    <answer fraction="${grade(fraction)}" format="html">`,
    `      ${html(text)}`,
    field("feedback", feedback, "      "),
    "    </answer>",
  ].join("\n");
}

function questionXml(q: Question): string {
  const references = referencesText(q);
  const tags = `    <tags>\n${q.services.map((s) => `      <tag><text>${xmlEscape(s)}</text></tag>`).join("\n")}\n    </tags>`;
  if (q.type === "multiple-choice" || q.type === "multiple-response") {
    const multi = q.type === "multiple-response";
    const share = multi ? 100 / q.select : 100;
    return [
      ...header(q, references),
      plain("single", multi ? "false" : "true"),
      plain("shuffleanswers", "true"),
      plain("answernumbering", "abc"),
      plain("showstandardinstruction", 0),
      ...feedbackBlock(),
      "    <shownumcorrect/>",
      ...q.options.map((o) => answer(o.correct ? share : multi ? -share : 0, o.text, o.explanation)),
      tags,
      "  </question>",
    ].join("\n");
  }
  if (q.type === "ordering") {
    return [
      ...header(q, references),
      plain("layouttype", "VERTICAL"),
      plain("selecttype", "ALL"),
      plain("selectcount", 0),
      plain("gradingtype", "ABSOLUTE_POSITION"),
      plain("showgrading", "SHOW"),
      plain("numberingstyle", "none"),
      ...feedbackBlock(),
      "    <shownumcorrect/>",
      ...q.items.map((item, i) => answer(i + 1, item.text, item.explanation)),
      tags,
      "  </question>",
    ].join("\n");
  }
  // Moodle matching has no per-pair feedback: the explanations go to the general feedback, as a list.
  const optionText = new Map(q.options.map((o) => [o.id, o.text]));
  const explanations = q.prompts
    .map((p) => `- **${p.text.trim()}** → ${optionText.get(p.match) ?? ""}: ${p.explanation.trim()}`)
    .join("\n");
  const matched = new Set(q.prompts.map((p) => p.match));
  const subquestion = (prompt: string, match: string) =>
    [
      '    <subquestion format="html">',
      `      ${html(prompt)}`,
      `      <answer>\n        <text>${xmlEscape(match)}</text>\n      </answer>`,
      "    </subquestion>",
    ].join("\n");
  return [
    ...header(q, [explanations, references].filter(Boolean).join("\n\n")),
    plain("shuffleanswers", "true"),
    ...feedbackBlock(),
    "    <shownumcorrect/>",
    ...q.prompts.map((p) => subquestion(p.text, optionText.get(p.match) ?? "")),
    ...q.options.filter((o) => !matched.has(o.id)).map((o) => subquestion("", o.text)),
    tags,
    "  </question>",
  ].join("\n");
}

function category(exam: string, label: string): string {
  return [
    '  <question type="category">',
    `    <category>\n      <text>${xmlEscape(`$course$/top/${exam}/${label}`)}</text>\n    </category>`,
    '    <info format="html">\n      <text></text>\n    </info>',
    "    <idnumber></idnumber>",
    "  </question>",
  ].join("\n");
}

/** certpath bank → one Moodle XML file (questions in bank order, a category whenever the domain changes). */
export function writeMoodleXml(bank: ExportBank): ExportResult {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"];
  let current: string | undefined;
  for (const q of bank.questions) {
    const label = domainLabel(q);
    if (label !== current) {
      parts.push(category(bank.exam, label));
      current = label;
    }
    parts.push(questionXml(q));
  }
  parts.push("</quiz>", "");
  const matching = bank.questions.filter((q) => q.type === "matching").length;
  const multi = bank.questions.filter((q) => q.type === "multiple-response").length;
  const dropped = commonDropped(bank, "Moodle XML");
  if (multi > 0)
    dropped.push(
      `${multi} multiple-response questions: Moodle gives partial credit per answer, so all-or-nothing scoring becomes +100/N % for each correct answer and -100/N % for each wrong one`,
    );
  if (matching > 0)
    dropped.push(
      `${matching} matching questions: Moodle matching has no feedback per pair, so each pair's explanation is listed in the general feedback`,
    );
  dropped.push(
    "option and item ids are not kept (Moodle answers have no ids): re-import numbers them a, b, c…",
  );
  return { files: [{ name: `${bank.exam}.moodle.xml`, text: parts.join("\n") }], dropped };
}
