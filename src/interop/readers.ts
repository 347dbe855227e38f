import { readAiken } from "./aiken-reader.js";
import { readGift } from "./gift-reader.js";
import type { FormatReader, ImportFormat } from "./interop-model.js";
import { readMarkdown } from "./markdown-reader.js";
import { readMoodleXml } from "./moodle-xml-reader.js";
import { readQti } from "./qti-reader.js";
import { readUdemyCsv } from "./udemy-csv-reader.js";

// One reader per import format (issue 14). Each helper that adds a format adds its one line here.

/** The reader of every import format. */
export const READERS: Record<ImportFormat, FormatReader> = {
  gift: readGift,
  aiken: readAiken,
  markdown: readMarkdown,
  "moodle-xml": readMoodleXml,
  qti: readQti,
  "udemy-csv": readUdemyCsv,
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
