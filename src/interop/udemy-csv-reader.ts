import { parse } from "csv-parse/sync";
import { cleanText, htmlToMarkdown } from "./html-markdown.js";
import type { FormatReader, ImportedOption, ReadResult } from "./interop-model.js";

// Udemy practice-test bulk upload CSV ("PracticeTestBulkQuestionUploadTemplate"): one question per row under the
// header Question, Question Type (multiple-choice | multi-select), Answer Option 1..6 with Explanation 1..6,
// Correct Answers (option numbers, comma-separated), Overall Explanation, Domain. Columns are found by name,
// whatever their order or case; rows may span lines (quoted newlines), the file may start with a BOM.

// Cells are plain text, but Udemy's editor and other tools write HTML into them. A cell is read as HTML only when it
// holds real HTML elements (or entities): "<Region>" or "<answer> tags" in plain text stay as written.
const HTML_ELEMENT =
  /<\/?(p|br|b|strong|i|em|u|s|ul|ol|li|a|code|pre|img|span|div|sub|sup|h[1-6]|table|thead|tbody|tr|td|th|blockquote|hr|script|style|iframe|object|embed|form|svg|math|template|noscript)(\s[^<>]*)?\/?>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i;
const cellText = (s: string) => (HTML_ELEMENT.test(s) ? htmlToMarkdown(s) : cleanText(s));

/** Characters of CSV one reader accepts in one file. */
export const CSV_MAX_CHARS = 16 * 1024 * 1024;

const TYPES: Record<string, "multiple-choice" | "multiple-response"> = {
  "multiple-choice": "multiple-choice",
  "multi-select": "multiple-response",
};

interface Columns {
  question: number;
  type: number | undefined;
  options: { text: number; explanation: number | undefined }[];
  correct: number;
  overall: number | undefined;
  domain: number | undefined;
}

function columnsOf(header: string[]): Columns | undefined {
  const names = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, " "));
  const at = (...candidates: string[]) => {
    const i = names.findIndex((n) => candidates.includes(n));
    return i === -1 ? undefined : i;
  };
  const question = at("question");
  const correct = at("correct answers", "correct answer");
  if (question === undefined || correct === undefined) return undefined;
  const options: Columns["options"] = [];
  for (let n = 1; ; n++) {
    const text = at(`answer option ${n}`, `answer ${n}`, `option ${n}`);
    if (text === undefined) break;
    options.push({ text, explanation: at(`explanation ${n}`) });
  }
  return {
    question,
    correct,
    options,
    type: at("question type"),
    overall: at("overall explanation"),
    domain: at("domain"),
  };
}

/** Reads a Udemy practice-test bulk-upload CSV (pure, never throws). */
export const readUdemyCsv: FormatReader = (source) => {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  const file = source.file;
  const text = (source.text ?? "").replace(/\r\n?/g, "\n");
  const refuse = (line: number, message: string, hint: string) => {
    result.fatal.push({ location: { file, line }, message, hint });
    return result;
  };
  if (text.length > CSV_MAX_CHARS)
    return refuse(
      1,
      `the file has ${text.length} characters; at most ${CSV_MAX_CHARS} are read`,
      "split the file",
    );
  let records: { record: string[]; info: { lines: number } }[];
  // csv-parse types `info: true` records loosely.
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === "number" ? (e as { lines: number }).lines : 1;
    return refuse(
      line,
      `the CSV is broken on line ${line}: ${(e instanceof Error ? e.message : String(e)).replace(/\.+$/, "")}`,
      'fix the quoting there (a quote inside a value is written "") and import the file again',
    );
  }
  const [head, ...rows] = records;
  const columns = head ? columnsOf(head.record) : undefined;
  if (!columns)
    return refuse(
      1,
      `the first row is not the Udemy template's header (it has ${head ? head.record.map((h) => `"${h}"`).join(", ") : "nothing"})`,
      "start the file with the header of Udemy's template: Question,Question Type,Answer Option 1,Explanation 1,…,Correct Answers,Overall Explanation,Domain",
    );
  for (const { record, info } of rows) {
    // info.lines is the row's last line; quoted newlines inside it move its first line up.
    const line = info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const cell = (i: number | undefined) => (i === undefined ? "" : (record[i] ?? ""));
    if (record.every((v) => v.trim() === "")) continue;
    const rawType = cleanText(cell(columns.type)).toLowerCase();
    const declared = rawType ? TYPES[rawType] : undefined;
    if (rawType && !declared) {
      result.unsupported.push({
        location: { file, line },
        sourceType: rawType,
        message: `the question type "${rawType}" cannot be converted: Udemy's template has multiple-choice and multi-select`,
      });
      continue;
    }
    const slots = columns.options.map((c, n) => ({
      n: n + 1,
      text: cellText(cell(c.text)),
      feedback: cellText(cell(c.explanation)),
    }));
    const filled = slots.filter((s) => s.text !== "");
    const keyText = cleanText(cell(columns.correct));
    const keys = keyText
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((k) => Number(k));
    const bad = keys.find((k) => !Number.isInteger(k) || !filled.some((s) => s.n === k));
    if (keys.length === 0 || bad !== undefined) {
      refuse(
        line,
        keys.length === 0
          ? "the row has no Correct Answers, so there is no key"
          : `Correct Answers "${keyText}" names an option that is not there (options ${filled.map((s) => s.n).join(", ")})`,
        "write the numbers of the correct options (1 to 6), comma-separated, in Correct Answers",
      );
      continue;
    }
    const correct = new Set(keys);
    if (declared === "multiple-choice" && correct.size > 1) {
      refuse(
        line,
        `a multiple-choice row lists ${correct.size} correct answers (${keyText})`,
        "make it multi-select, or keep one correct answer",
      );
      continue;
    }
    const options: ImportedOption[] = filled.map((s) => ({
      text: s.text,
      correct: correct.has(s.n),
      ...(s.feedback ? { feedback: s.feedback } : {}),
    }));
    const generalFeedback = cellText(cell(columns.overall));
    const domain = cleanText(cell(columns.domain));
    const notes =
      declared === "multiple-response" && correct.size === 1
        ? ["a multi-select row with one correct answer became a single-answer question"]
        : [];
    result.questions.push({
      location: { file, line },
      type: correct.size > 1 ? "multiple-response" : "multiple-choice",
      stem: cellText(cell(columns.question)),
      options,
      ...(generalFeedback ? { generalFeedback } : {}),
      ...(domain ? { category: domain } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  return result;
};
