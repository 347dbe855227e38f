// The neutral model every question-format reader produces and every writer consumes (issue 14).
// Readers (gift, moodle-xml, qti, udemy-csv, aiken, markdown) turn a source file into ImportedQuestion values;
// the import pipeline (import-pipeline.ts) turns those into certpath/questions@1 YAML, deciding refused/skipped/draft.
// Writers (exporters) turn certpath Questions into a format and must re-read losslessly through the matching reader.

/** Formats certpath can read. */
export const IMPORT_FORMATS = ["gift", "moodle-xml", "qti", "udemy-csv", "aiken", "markdown"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats certpath can write. */
export const EXPORT_FORMATS = ["gift", "moodle-xml", "qti", "udemy-csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where something sits in its source: the file (as given by the user) and a 1-based line, or an item id in a package. */
export interface SourceLocation {
  file: string;
  line?: number;
  /** For packages (QTI zip/manifest): the item's identifier or its path inside the package. */
  itemId?: string;
}

/** An image or other binary referenced by a question (base64 in Moodle XML, a file in a QTI package). */
export interface ImportedAsset {
  /** File name to write next to the YAML (sanitised by the pipeline). */
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

interface ImportedBase {
  location: SourceLocation;
  /** The source's own identifier (GIFT ::title::, Moodle <name>, QTI identifier, CSV row id), kept if present. */
  sourceId?: string;
  /** Stem as Markdown (already converted from HTML by the reader with htmlToMarkdown; may still hold untrusted text). */
  stem: string;
  /** General feedback (GIFT ####, Moodle generalfeedback, Udemy "Overall Explanation") as Markdown. */
  generalFeedback?: string;
  /** Category path or tags from the source (Moodle $course$/…, GIFT $CATEGORY, QTI/CSV tags), used to infer domain/services. */
  category?: string;
  tags?: string[];
  assets?: ImportedAsset[];
  /** Things the reader had to drop or approximate for this question (e.g. "partial-credit fractions made all-or-nothing"). */
  notes?: string[];
}

/** One option of a choice question, in source order. */
export interface ImportedOption {
  sourceId?: string;
  text: string;
  correct: boolean;
  /** Per-answer feedback → the option's explanation. */
  feedback?: string;
}

export type ImportedQuestion =
  | (ImportedBase & {
      /** single = one correct option (true/false maps here); multiple = several correct, all-or-nothing. */
      type: "multiple-choice" | "multiple-response";
      options: ImportedOption[];
    })
  | (ImportedBase & {
      type: "ordering";
      /** Items in KEY order (the correct sequence). */
      items: { sourceId?: string; text: string; feedback?: string }[];
    })
  | (ImportedBase & {
      type: "matching";
      /** Each prompt with the text of the option it matches. */
      pairs: { sourceId?: string; prompt: string; match: string; feedback?: string }[];
      /** Extra options that match no prompt (distractors). */
      extraOptions?: string[];
    });

/** A question the reader recognised but whose type certpath does not support (essay, numerical, short answer, cloze…). */
export interface UnsupportedQuestion {
  location: SourceLocation;
  sourceType: string;
  message: string;
}

/** A problem that refuses the whole file (parse error, no derivable key…): nothing of the file is written. */
export interface FatalProblem {
  location: SourceLocation;
  message: string;
  /** What the author should do. */
  hint: string;
}

/** What a reader returns for one source file (or one package). */
export interface ReadResult {
  questions: ImportedQuestion[];
  unsupported: UnsupportedQuestion[];
  /** Empty when the file is readable; any entry refuses the file. */
  fatal: FatalProblem[];
}

/** A source given to a reader: text formats get `text`, packages (zip) get `bytes`. */
export interface SourceFile {
  /** Path as the user gave it (used in messages). */
  file: string;
  text?: string;
  bytes?: Uint8Array;
}

/** A format reader: pure (no IO), never throws for bad input (reports `fatal` instead). */
export type FormatReader = (source: SourceFile) => ReadResult;
