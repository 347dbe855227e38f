import { cleanText } from "./html-markdown.js";
import type { FormatReader, ReadResult } from "./interop-model.js";

// Markdown question banks as public study repositories write them (docs/interop.md):
//   - checkbox lists: "- [x] right" / "- [ ] wrong" under the question;
//   - lettered options "A. …" / "A) …" / "- A. …" with the key on a line "Correct answer: B, E" (or "Answer: B"),
//     often inside <details><summary>Answer</summary> … </details>, and an explanation after it.
// A question starts at a heading or at a top-level numbered item ("12. Which …"). A section without options
// is prose (skipped) unless it gives an answer, then it is a short-answer question (unsupported, by line).
// The text is already Markdown: it is kept as written (turndown would eat "<bucket-name>" and escape "**"); the
// pipeline still sanitises anything that looks like active HTML (scripts, frames, event handlers).

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const NUMBERED = /^(?:\*\*)?(?:Q(?:uestion)?\s*#?\s*)?(\d{1,4})[.):](?:\*\*)?\s+(.*)$/i;
const CHECKBOX = /^\s*[-*+]\s+\[( |x|X)\]\s+(.*)$/;
const LETTERED = /^\s*(?:[-*+]\s+)?\(?([A-Ha-h])[.)]\s+(.*)$/;
const ANSWER = /^(?:\*\*|__)?\s*(?:correct\s+)?answers?\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$/i;
const LETTERS = /^([A-H](?:(?:\s*[,&/]\s*|\s+and\s+|\s+)?[A-H])*)(?![A-Za-z])/;
const NAVIGATION = /^\s*\**\s*\[[^\]]*(back to top|table of contents|⬆)[^\]]*\]\([^)]*\)\s*\**\s*$/i;
const TAGS_ONLY = /^\s*(<\/?(details|summary|p|br|div)\b[^>]*>\s*)+$/i;

interface Section {
  line: number;
  /** The heading's text (unless it only numbers the question: "Question 12") and the lines below it. */
  stem: string[];
  options: { text: string; checked: boolean | undefined; letter?: string }[];
  /** Stem lines below the heading: a numbered list there belongs to the stem. */
  body: number;
  /** The heading the section starts with: a section of prose under a heading names the questions' category. */
  heading?: { level: number; text: string };
  answer?: { line: number; text: string };
  after: string[];
}

const stripTags = (l: string) => l.replace(/<\/?(details|summary|p|br|div)\b[^>]*>/gi, "").trimEnd();

/** Reads a Markdown question bank (pure; a question without a derivable key refuses the file with its line). */
export const readMarkdown: FormatReader = (source) => {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  const file = source.file;
  const text = source.text ?? new TextDecoder().decode(source.bytes ?? new Uint8Array());
  const sections: Section[] = [];
  let s: Section | undefined;
  let fence = false;
  const start = (line: number, stem?: string, heading?: { level: number; text: string }) => {
    s = { line, stem: stem ? [stem] : [], options: [], after: [], body: 0, ...(heading ? { heading } : {}) };
    sections.push(s);
  };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const step = (raw: string, i: number) => {
    const n = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    if (fence || /^\s*(```|~~~)/.test(raw)) {
      if (s) (s.answer ? s.after : s.options.length ? s.after : s.stem).push(raw);
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      const title = heading[2] ?? "";
      return start(n, /^(question|q)\s*[#.:-]?\s*\d+\s*[.:]?$/i.test(title) ? undefined : title, {
        level: heading[1]?.length ?? 1,
        text: title,
      });
    }
    const numbered = NUMBERED.exec(raw);
    if (numbered && (!s || s.options.length > 0 || s.answer || s.body === 0)) return start(n, numbered[2]);
    if (!s) return;
    if (NAVIGATION.test(raw) || TAGS_ONLY.test(raw) || /<summary\b/i.test(raw)) return;
    const line = stripTags(raw);
    const answer = ANSWER.exec(line.trim());
    if (answer && !s.answer) {
      s.answer = { line: n, text: answer[1] ?? "" };
      return;
    }
    if (s.answer) return void s.after.push(line);
    const box = CHECKBOX.exec(line);
    if (box) return void s.options.push({ text: box[2] ?? "", checked: box[1] !== " " });
    const lettered = s.stem.length > 0 ? LETTERED.exec(line) : null;
    const expected = String.fromCharCode(65 + s.options.length);
    if (lettered && lettered[1]?.toUpperCase() === expected)
      return void s.options.push({ text: lettered[2] ?? "", checked: undefined, letter: expected });
    if (s.options.length > 0) {
      const last = s.options[s.options.length - 1];
      // An indented line continues the last option; anything else after the options is explanation text.
      if (last && /^\s{2,}\S/.test(line) && !/^\s*$/.test(line)) last.text += ` ${line.trim()}`;
      else if (line.trim()) s.after.push(line);
      return;
    }
    s.stem.push(line);
    if (line.trim()) s.body++;
  };
  for (const [i, raw] of lines.entries()) step(raw, i);

  // Headings over prose (no options) form the category path of the questions below them: "Guide (SAA-C03)/Domain 2".
  const path: { level: number; text: string }[] = [];
  let category: string | undefined;
  for (const sec of sections) {
    const stem = cleanText(sec.stem.join("\n"));
    const location = { file, line: sec.line };
    if (sec.options.length === 0) {
      const h = sec.heading;
      if (!sec.answer && h) {
        while ((path.at(-1)?.level ?? 0) >= h.level) path.pop();
        path.push({ level: h.level, text: cleanText(h.text).replace(/\//g, "-") });
        category = path.map((p) => p.text).join("/");
      }
      if (sec.answer && stem)
        result.unsupported.push({
          location,
          sourceType: "short answer",
          message:
            "a question with an answer but no options (short answer) is not supported by certpath: skipped",
        });
      continue;
    }
    const boxes = sec.options.every((o) => o.checked !== undefined);
    let correct: boolean[];
    if (sec.answer) {
      const letters = LETTERS.exec(cleanText(sec.answer.text).replace(/[*_`]/g, "").trim().toUpperCase());
      const chosen = (letters?.[1] ?? "")
        .replace(/AND/g, "")
        .replace(/[^A-H]/g, "")
        .split("");
      if (chosen.length === 0 || chosen.some((l) => l.charCodeAt(0) - 65 >= sec.options.length)) {
        result.fatal.push({
          location: { file, line: sec.answer.line },
          message: `the answer "${cleanText(sec.answer.text).slice(0, 60)}" names no option letter of the question`,
          hint: `write the letters of the right options, e.g. "Correct answer: B" or "Correct answer: B, E" (options A–${String.fromCharCode(64 + sec.options.length)})`,
        });
        continue;
      }
      correct = sec.options.map((_, i) => chosen.includes(String.fromCharCode(65 + i)));
    } else if (boxes) correct = sec.options.map((o) => o.checked === true);
    else {
      result.fatal.push({
        location,
        message: "the question has lettered options but no answer line",
        hint: 'add a line "Correct answer: B" (letters of the right options) after the options',
      });
      continue;
    }
    const explanation = cleanText(
      sec.after
        .join("\n")
        .replace(/^\s*(\*\*|__)?explanation(\*\*|__)?\s*[:：]\s*/im, "")
        .trim(),
    );
    const mixed = sec.answer && boxes && sec.options.some((o, i) => o.checked !== correct[i]);
    result.questions.push({
      location,
      ...(category ? { category } : {}),
      stem,
      type: correct.filter(Boolean).length > 1 ? "multiple-response" : "multiple-choice",
      options: sec.options.map((o, i) => ({ text: cleanText(o.text), correct: correct[i] === true })),
      ...(explanation ? { generalFeedback: explanation } : {}),
      ...(mixed
        ? { notes: ["The checkboxes and the answer line disagreed; the answer line was used."] }
        : {}),
    });
  }
  return result;
};
