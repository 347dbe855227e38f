import { type GIFTQuestion, parse, type TextChoice, type TextFormat } from "gift-pegjs";
import { cleanText, htmlToMarkdown } from "./html-markdown.js";
import type {
  FatalProblem,
  FormatReader,
  ImportedOption,
  ImportedQuestion,
  ReadResult,
} from "./interop-model.js";

// GIFT (Moodle's text format) read with gift-pegjs, BLOCK BY BLOCK: a block is a run of non-blank lines (kept
// together across blank lines while a { … } answer block is open). Each block is parsed on its own, so a
// broken question reports its own line and every other block keeps its exact position. Any parse error still
// refuses the file whole (issue 14): all of them are reported, each with its line, and nothing is written.

interface Block {
  /** 1-based line of the block's first line. */
  line: number;
  text: string;
  /** The line of a { that is never closed (the block then ends at its first blank line). */
  unclosed?: number;
}

/** Unescaped { minus unescaped } on a line that is not a // comment. */
function braceDepth(line: string): number {
  if (/^\s*\/\//.test(line)) return 0;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "{") depth++;
    else if (line[i] === "}") depth--;
  }
  return depth;
}

const isComment = (l: string) => /^\s*\/\//.test(l);

/**
 * The file cut into blocks; a `$CATEGORY:` line is always a block of its own. A { never closed would swallow the
 * rest of the file: that block ends at its first blank line instead, so every later question keeps its line.
 */
export function giftBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as string;
    if (!l.trim()) {
      i++;
      continue;
    }
    if (/^\s*\$CATEGORY:/i.test(l)) {
      blocks.push({ line: i + 1, text: l.trim() });
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    let openedAt: number | undefined;
    while (i < lines.length) {
      const line = lines[i] as string;
      if (i > start && depth <= 0 && (!line.trim() || /^\s*\$CATEGORY:/i.test(line))) break;
      const before = depth;
      depth += braceDepth(line);
      if (before <= 0 && depth > 0) openedAt = i + 1;
      i++;
    }
    let end = i;
    let unclosed: number | undefined;
    if (depth > 0) {
      // Never closed: end the block at its first blank line and read on from there.
      const blank = lines.findIndex((x, n) => n > start && !x.trim());
      if (blank > 0 && blank < end) end = blank;
      unclosed = openedAt;
      i = end;
    }
    const body = lines.slice(start, end);
    if (body.some((x) => x.trim() && !isComment(x)))
      blocks.push({ line: start + 1, text: body.join("\n"), ...(unclosed ? { unclosed } : {}) });
  }
  return blocks;
}

// gift-pegjs leaves its escape placeholders in a matching answer's text; decode them as it does elsewhere.
const PLACEHOLDERS: Record<string, string> = {
  "092": "\\",
  "058": ":",
  "035": "#",
  "061": "=",
  "123": "{",
  "125": "}",
  "126": "~",
};
const decodeMatch = (t: string) =>
  cleanText(
    t
      .replace(/&&(092|058|035|061|123|125|126);/g, (_, c: string) => PLACEHOLDERS[c] ?? "")
      .replace(/&&010/g, "\n"),
  );

const md = (t: TextFormat | null | undefined): string | undefined => {
  if (!t?.text) return undefined;
  const text = t.format === "markdown" ? cleanText(t.text) : htmlToMarkdown(t.text);
  return text || undefined;
};

/** The line of the block's first question line (after // comments). */
function questionLine(block: Block): number {
  const i = block.text.split("\n").findIndex((l) => l.trim() && !isComment(l));
  return block.line + Math.max(0, i);
}

const UNSUPPORTED: Record<string, string> = {
  Essay: "essay",
  Numerical: "numerical",
  Short: "short answer",
  Description: "description",
};

function choices(list: TextChoice[], notes: string[]): ImportedOption[] {
  // "=answer" marks the key; when none is marked, every option with a positive %weight% is correct (multiple answer).
  const marked = list.some((c) => c.isCorrect);
  const correct = (c: TextChoice) => (marked ? c.isCorrect : (c.weight ?? 0) > 0);
  const partial = list.filter((c) => c.weight !== null && c.weight !== 100 && (correct(c) || c.weight > 0));
  if (partial.length > 0)
    notes.push(
      marked
        ? "Partial credit for a not-quite-right answer (%weight%) is dropped: certpath scores all-or-nothing."
        : "Partial-credit weights are made all-or-nothing: every option with a positive weight must be chosen, and nothing else.",
    );
  return list.map((c) => ({
    text: md(c.text) ?? "",
    correct: correct(c),
    ...(md(c.feedback) ? { feedback: md(c.feedback) } : {}),
  }));
}

function convert(q: GIFTQuestion, category: string | undefined, line: number, file: string) {
  if (q.type === "Category") return undefined;
  const general = md((q as { globalFeedback?: TextFormat | null }).globalFeedback);
  const base = {
    location: { file, line },
    ...(q.id || q.title ? { sourceId: (q.id || q.title) as string } : {}),
    stem: md(q.stem) ?? "",
    ...(general ? { generalFeedback: general } : {}),
    ...(category ? { category } : {}),
    ...(q.tags?.length ? { tags: q.tags } : {}),
  };
  const notes: string[] = [];
  let out: ImportedQuestion;
  switch (q.type) {
    case "MC": {
      const options = choices(q.choices, notes);
      if (q.hasEmbeddedAnswers)
        notes.push("The answer sat inside the stem (missing word); it is shown as _____.");
      out = {
        ...base,
        type: options.filter((o) => o.correct).length > 1 ? "multiple-response" : "multiple-choice",
        options,
      };
      break;
    }
    case "TF": {
      // Moodle: {T#feedback for a wrong answer#feedback for a right answer}.
      const wrong = md(q.trueFeedback);
      const right = md(q.falseFeedback);
      const option = (text: string, correct: boolean): ImportedOption => {
        const feedback = correct ? right : wrong;
        return { text, correct, ...(feedback ? { feedback } : {}) };
      };
      out = {
        ...base,
        type: "multiple-choice",
        options: [option("True", q.isTrue), option("False", !q.isTrue)],
      };
      break;
    }
    case "Matching": {
      const pairs = q.matchPairs.filter((p) => md(p.subquestion));
      const extra = q.matchPairs.filter((p) => !md(p.subquestion)).map((p) => decodeMatch(p.subanswer));
      out = {
        ...base,
        type: "matching",
        pairs: pairs.map((p) => ({ prompt: md(p.subquestion) ?? "", match: decodeMatch(p.subanswer) })),
        ...(extra.length ? { extraOptions: extra } : {}),
      };
      break;
    }
    default:
      return undefined;
  }
  return notes.length ? { ...out, notes } : out;
}

/** Reads a GIFT file (pure; bad input becomes `fatal` entries with their lines). */
export const readGift: FormatReader = (source) => {
  const result: ReadResult = { questions: [], unsupported: [], fatal: [] };
  const file = source.file;
  const text = source.text ?? new TextDecoder().decode(source.bytes ?? new Uint8Array());
  let category: string | undefined;
  for (const block of giftBlocks(text)) {
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(`${block.text}\n`);
    } catch (e) {
      result.fatal.push(parseProblem(e, block, file));
      continue;
    }
    for (const q of parsed) {
      if (q.type === "Category") {
        category = cleanText(q.title).replace(/^\$(course|cat\d|system|module)\$\/?/i, "") || undefined;
        continue;
      }
      const line = questionLine(block);
      const converted = convert(q, category, line, file);
      if (converted) result.questions.push(converted);
      else
        result.unsupported.push({
          location: { file, line },
          sourceType: UNSUPPORTED[q.type] ?? q.type,
          message:
            q.type === "Description"
              ? "a description (text without answers) is not a question: skipped"
              : `${UNSUPPORTED[q.type] ?? q.type} questions are not supported by certpath: skipped`,
        });
    }
  }
  return result;
};

function parseProblem(e: unknown, block: Block, file: string): FatalProblem {
  if (block.unclosed)
    return {
      location: { file, line: block.unclosed },
      message: "GIFT syntax: this { is never closed",
      hint: "end the answers with } (write \\{ for a brace that is part of the text)",
    };
  const loc = (e as { location?: { start?: { line?: number } } }).location?.start?.line;
  const message = cleanText(e instanceof Error ? e.message : String(e))
    .replace(/^Expected /, "expected ")
    .replace(/\.+$/, "");
  // The usual cause: a colon in text, most often in a link (https://…), which GIFT reads as syntax.
  const colon = /but ":" found/.test(message);
  return {
    location: { file, line: block.line + (loc ?? 1) - 1 },
    message: `GIFT syntax: ${message}`,
    hint: colon
      ? "a colon in text must be escaped, also in links: write https\\://docs.aws.amazon.com/… (and \\~ \\= \\# \\{ \\} for those characters)"
      : "escape the characters ~ = # { } : in text with a backslash (\\:), close every { with }, and separate questions with a blank line",
  };
}
