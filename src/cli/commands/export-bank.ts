import { existsSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { ContentError } from "../../content/content-error.js";
import { contentRoot } from "../../content/content-root.js";
import { loadQuestionFiles, scanQuestionFiles } from "../../content/load-questions.js";
import { isServed } from "../../core/bank/question-types.js";
import type { ExportFormat } from "../../interop/interop-model.js";
import { WRITERS } from "../../interop/writers.js";
import { writeAtomically } from "../atomic-write.js";
import { UsageError } from "../run-action.js";

/** A path as the user would give it: relative when under the working folder, else absolute. */
export const display = (p: string) => {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") && !isAbsolute(r) ? r : p;
};

/** Exports one exam's questions (drafts left out) to a file or a folder; says what the format dropped. */
export async function exportBank(exam: string, format: ExportFormat, from: string | undefined, out: string) {
  const root = from ? resolve(from) : join(contentRoot(), "questions");
  const scan = scanQuestionFiles(root);
  const load = loadQuestionFiles(scan.files);
  if (load.problems.length > 0) throw new ContentError(load.problems);
  const all = load.questions.map((q) => q.question).filter((q) => q.exam === exam);
  if (all.length === 0)
    throw new UsageError(
      `No ${exam} questions in ${display(root)}. Give an exam code the bank has (certpath bank stats).`,
    );
  const questions = all.filter(isServed);
  const caseStudies = [
    ...new Map(questions.flatMap((q) => (q.caseStudy ? [[q.caseStudy.id, q.caseStudy]] : []))).values(),
  ];
  const result = WRITERS[format]({ exam, questions, ...(caseStudies.length ? { caseStudies } : {}) });
  const dropped = [...result.dropped];
  if (all.length > questions.length)
    dropped.unshift(
      `${all.length - questions.length} draft question(s) were left out: drafts are never served or exported.`,
    );
  if (result.files.length === 0) throw new UsageError(dropped.join(" "));
  // --out names a file when it has an extension, is not an existing folder, and the format wrote one file.
  const single =
    result.files.length === 1 && extname(out) !== "" && !(existsSync(out) && statSync(out).isDirectory());
  const dir = single ? dirname(out) : out;
  const files = result.files.map((f, i) => ({
    name: single && i === 0 ? basename(out) : f.name,
    data: f.bytes ?? f.text ?? "",
  }));
  writeAtomically(dir, files);
  return {
    exam,
    format,
    questions: questions.length,
    written: files.map((f) => display(join(dir, f.name))),
    dropped,
  };
}
