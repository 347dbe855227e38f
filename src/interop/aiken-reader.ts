import { cleanText } from "./html-markdown.js";
import type { FormatReader, ImportedOption, ReadResult } from "./interop-model.js";

// Aiken (Moodle's simplest format): a question on one or more lines, options "A." or "A)" one per line, then
// "ANSWER: B". Questions are separated by blank lines (Moodle also accepts none after ANSWER). Aiken holds one
// correct answer and no feedback, so every question comes in as multiple choice without explanations (a draft).
// A question without ANSWER, or an ANSWER naming no option, refuses the file with its line.

const OPTION = /^\s*([A-Z])\s*[.)]\s+(.*)$/;
const ANSWER = /^\s*ANSWER\s*:\s*(.*)$/i;

/** Reads an Aiken file (pure; bad input becomes `fatal` entries with their lines). */
export const readAiken: FormatReader = (source) => {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  const file = source.file;
  const text = source.text ?? new TextDecoder().decode(source.bytes ?? new Uint8Array());
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let stem: string[] = [];
  let stemLine = 0;
  let options: { letter: string; text: string }[] = [];
  const reset = () => {
    stem = [];
    options = [];
  };
  const fail = (line: number, message: string, hint: string) =>
    result.fatal.push({ location: { file, line }, message: `Aiken: ${message}`, hint });

  const step = (raw: string, i: number) => {
    const line = raw.trimEnd();
    const n = i + 1;
    const answer = ANSWER.exec(line);
    if (answer) {
      if (stem.length === 0 || options.length === 0) {
        fail(
          n,
          "ANSWER without a question and options before it",
          "put the question, then A. B. C. … options, then ANSWER: X",
        );
        return reset();
      }
      const letters = (answer[1] ?? "")
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean);
      const known = new Set(options.map((o) => o.letter));
      if (letters.length === 0 || letters.some((l) => !known.has(l))) {
        fail(
          n,
          `ANSWER "${cleanText(answer[1] ?? "")}" names no option of the question`,
          `write ANSWER: followed by one of ${[...known].join(", ")}`,
        );
        return reset();
      }
      const opts: ImportedOption[] = options.map((o) => ({
        text: cleanText(o.text),
        correct: letters.includes(o.letter),
      }));
      result.questions.push({
        location: { file, line: stemLine },
        stem: cleanText(stem.join("\n")),
        type: letters.length > 1 ? "multiple-response" : "multiple-choice",
        options: opts,
        ...(letters.length > 1
          ? { notes: ["Aiken allows one answer; this file named several, kept as multiple response."] }
          : {}),
      });
      return reset();
    }
    if (!line.trim()) {
      if (options.length > 0) {
        fail(stemLine, "the question has options but no ANSWER line", "add ANSWER: X after the options");
        reset();
      }
      return;
    }
    const option = OPTION.exec(line);
    if (option && stem.length > 0) {
      options.push({ letter: option[1] as string, text: option[2] ?? "" });
      return;
    }
    if (options.length > 0) {
      // A line after the options that is neither an option nor ANSWER: a continuation of the last option.
      const last = options[options.length - 1];
      if (last) last.text += `\n${line.trim()}`;
      return;
    }
    if (stem.length === 0) stemLine = n;
    stem.push(line);
  };
  for (const [i, raw] of lines.entries()) step(raw, i);
  if (options.length > 0)
    fail(stemLine, "the last question has options but no ANSWER line", "add ANSWER: X after the options");
  return result;
};
