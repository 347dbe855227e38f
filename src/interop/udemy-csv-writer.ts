import { stringify } from "csv-stringify/sync";
import type { Question } from "../core/bank/question-types.js";
import { commonDropped, domainLabel, exportStem } from "./writer-support.js";
import type { ExportBank, ExportResult } from "./writers.js";

// certpath → Udemy practice-test bulk-upload CSV, in the column layout of Udemy's template (17 columns). Udemy holds
// multiple-choice and multi-select with at most six options; ordering and matching are left out and reported.

/** The header of Udemy's template, column for column. */
export const UDEMY_HEADER = [
  "Question",
  "Question Type",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`Answer Option ${n}`, `Explanation ${n}`]),
  "Correct Answers",
  "Overall Explanation",
  "Domain",
] as const;

const MAX_OPTIONS = 6;

/** One line: Udemy's bulk upload breaks on line breaks inside a cell, so they are joined with spaces. */
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();

/** certpath bank → one Udemy CSV (UTF-8 without BOM, as Udemy's upload expects). */
export function writeUdemyCsv(bank: ExportBank): ExportResult {
  const rows: string[][] = [[...UDEMY_HEADER]];
  const left: Question[] = [];
  const tooMany: Question[] = [];
  let joined = 0;
  let tagLike = 0;
  for (const q of bank.questions) {
    if (q.type !== "multiple-choice" && q.type !== "multiple-response") {
      left.push(q);
      continue;
    }
    if (q.options.length > MAX_OPTIONS) {
      tooMany.push(q);
      continue;
    }
    const texts = [exportStem(q), ...q.options.flatMap((o) => [o.text, o.explanation])];
    if (texts.some((t) => /\n\s*\n/.test(t.trim()))) joined++;
    if (texts.some((t) => /<[A-Za-z][\w:.-]*>/.test(t))) tagLike++;
    const cells = q.options.flatMap((o) => [oneLine(o.text), oneLine(o.explanation)]);
    while (cells.length < MAX_OPTIONS * 2) cells.push("");
    rows.push([
      oneLine(exportStem(q)),
      q.type === "multiple-choice" ? "multiple-choice" : "multi-select",
      ...cells,
      q.options.flatMap((o, i) => (o.correct ? [String(i + 1)] : [])).join(","),
      q.references.length > 0 ? `References: ${q.references.join(" ")}` : "",
      // The exam code in front, so that the file imports back without --exam (as GIFT, Moodle XML and QTI do).
      `${bank.exam} / ${domainLabel(q)}`,
    ]);
  }
  const dropped = commonDropped(bank, "Udemy CSV");
  if (left.length > 0)
    dropped.push(
      `${left.length} ordering and matching questions are left out (Udemy practice tests hold multiple-choice and multi-select only): ${left.map((q) => q.id).join(", ")}`,
    );
  if (tooMany.length > 0)
    dropped.push(
      `${tooMany.length} questions have more than ${MAX_OPTIONS} options, which Udemy cannot hold, and are left out: ${tooMany.map((q) => q.id).join(", ")}`,
    );
  if (joined > 0)
    dropped.push(
      `${joined} questions have several paragraphs in a text: they are joined into one line, as Udemy's bulk upload breaks on line breaks inside a cell`,
    );
  if (tagLike > 0)
    dropped.push(
      `${tagLike} questions have text in angle brackets (such as <Region>), which Udemy's upload may strip as HTML tags: check them after the upload`,
    );
  dropped.push(
    "question ids and services are not kept (the template has no columns for them); references go to Overall Explanation and the domain to Domain",
  );
  return { files: [{ name: `${bank.exam}.udemy.csv`, text: stringify(rows) }], dropped };
}
