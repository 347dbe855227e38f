import { zipSync } from "fflate";
import type { CaseStudy, Question } from "../core/bank/question-types.js";
import { NotFoundError, ValidationError } from "../core/errors.js";
import { EXPORT_FORMATS, type ExportFormat } from "../interop/interop-model.js";

/** What a format writer returns (src/interop/writers.ts). */
export interface ExportResult {
  files: { name: string; text?: string; bytes?: Uint8Array }[];
  /** Plain sentences saying what the format cannot hold. */
  dropped: string[];
}
export type BankWriter = (bank: {
  exam: string;
  questions: Question[];
  caseStudies?: CaseStudy[];
}) => ExportResult;

/** A file to download: its name, its media type and its bytes. */
export interface Download {
  name: string;
  contentType: string;
  body: Uint8Array;
  questions: number;
  dropped: string[];
}

const TYPES: Record<string, string> = {
  ".txt": "text/plain; charset=utf-8",
  ".gift": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".zip": "application/zip",
};

const bytesOf = (f: ExportResult["files"][number]) => f.bytes ?? new TextEncoder().encode(f.text ?? "");

/**
 * An exam's bank in an exchange format, as one download: the writer's single file as it is, or its
 * files (a QTI package) zipped. What the format cannot hold is said in `dropped` (and in the zip's
 * DROPPED.txt).
 */
export function exportBank(
  writers: Record<ExportFormat, BankWriter>,
  bank: readonly Question[],
  exam: string,
  format: string,
): Download {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new ValidationError(
      "export.unsupported_format",
      `format "${format.slice(0, 40)}" is not a format certpath exports: use one of ${EXPORT_FORMATS.join(", ")}.`,
      { field: "format", allowed: EXPORT_FORMATS },
    );
  const code = exam.trim().toUpperCase();
  const questions = bank.filter((q) => q.exam === code && !(q as { draft?: boolean }).draft);
  if (questions.length === 0)
    throw new NotFoundError(
      "export.no_questions",
      `The bank has no questions for ${code.slice(0, 20)} to export.`,
      {
        field: "exam",
      },
    );
  const caseStudies = [
    ...new Map(
      questions.flatMap((q) => (q.caseStudy ? [[q.caseStudy.id, q.caseStudy] as const] : [])),
    ).values(),
  ];
  const result = writers[format as ExportFormat]({ exam: code, questions, caseStudies });
  const only = result.files.length === 1 ? result.files[0] : undefined;
  const ext = only ? (/\.[a-z0-9]+$/i.exec(only.name)?.[0] ?? "").toLowerCase() : "";
  if (only && ext !== ".zip" && TYPES[ext])
    return {
      name: only.name,
      contentType: TYPES[ext] as string,
      body: bytesOf(only),
      questions: questions.length,
      dropped: result.dropped,
    };
  if (only && ext === ".zip")
    return {
      name: only.name,
      contentType: TYPES[".zip"] as string,
      body: bytesOf(only),
      questions: questions.length,
      dropped: result.dropped,
    };
  const entries: Record<string, Uint8Array> = {};
  for (const f of result.files) entries[f.name] = bytesOf(f);
  if (result.dropped.length > 0)
    entries["DROPPED.txt"] = new TextEncoder().encode(`${result.dropped.join("\n")}\n`);
  return {
    name: `${code.toLowerCase()}-${format}.zip`,
    contentType: TYPES[".zip"] as string,
    body: zipSync(entries),
    questions: questions.length,
    dropped: result.dropped,
  };
}
