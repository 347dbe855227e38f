import type { CaseStudy, Question } from "../core/bank/question-types.js";
import { writeGift } from "./gift-writer.js";
import type { ExportFormat } from "./interop-model.js";
import { writeMoodleXml } from "./moodle-xml-writer.js";
import { writeQti } from "./qti-writer.js";
import { writeUdemyCsv } from "./udemy-csv-writer.js";

// One writer per export format (issue 14). Each helper that adds a format adds its one line here.

/** A bank (one exam) to export. */
export interface ExportBank {
  exam: string;
  questions: Question[];
  caseStudies?: CaseStudy[];
}

/** The files a writer produces and, in plain sentences, what the format could not hold. */
export interface ExportResult {
  files: { name: string; text?: string; bytes?: Uint8Array }[];
  dropped: string[];
}

export type FormatWriter = (bank: ExportBank) => ExportResult;

/** The writer of every export format. */
export const WRITERS: Record<ExportFormat, FormatWriter> = {
  gift: writeGift,
  "moodle-xml": writeMoodleXml,
  qti: writeQti,
  "udemy-csv": writeUdemyCsv,
};
