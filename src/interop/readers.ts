import { readAiken } from "./aiken-reader.js";
import { readGift } from "./gift-reader.js";
import type { FormatReader, ImportFormat, ReadResult } from "./interop-model.js";
import { readMarkdown } from "./markdown-reader.js";

// One reader per import format (issue 14). Each helper that adds a format adds its one line here.

/** A stand-in for a format whose reader has not landed yet: the file is refused with a plain message. */
const notYet =
  (format: ImportFormat): FormatReader =>
  (source): ReadResult => ({
    questions: [],
    unsupported: [],
    fatal: [
      {
        location: { file: source.file, line: 1 },
        message: `this certpath build cannot read ${format} yet`,
        hint: "use gift, aiken or markdown, or a newer certpath",
      },
    ],
  });

/** The reader of every import format. */
export const READERS: Record<ImportFormat, FormatReader> = {
  gift: readGift,
  aiken: readAiken,
  markdown: readMarkdown,
  "moodle-xml": notYet("moodle-xml"),
  qti: notYet("qti"),
  "udemy-csv": notYet("udemy-csv"),
};

/** File extensions a folder import picks up per format (a file named on the command line is read whatever its name). */
export const FORMAT_EXTENSIONS: Record<ImportFormat, string[]> = {
  gift: [".gift", ".txt"],
  aiken: [".txt", ".aiken"],
  markdown: [".md", ".markdown"],
  "moodle-xml": [".xml"],
  qti: [".xml", ".zip"],
  "udemy-csv": [".csv"],
};
