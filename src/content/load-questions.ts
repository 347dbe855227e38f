import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { LocatedQuestion } from "../core/bank/bank-lint.js";
import type { Question } from "../core/bank/question-types.js";
import { ContentError, type ContentProblem } from "./content-error.js";
import { questionFileSchema, questionSchema } from "./question-schema.js";
import { parseYaml, zodProblems } from "./yaml-source.js";

/** A question with where it was read from, for file:line messages. */
export interface QuestionLoad {
  questions: LocatedQuestion[];
  problems: ContentProblem[];
  files: string[];
}

/** Every `*.yaml` under a file or folder, sorted. */
export function questionFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...questionFiles(p));
    else if (e.name.endsWith(".yaml") || e.name.endsWith(".yml")) out.push(p);
  }
  return out;
}

/** Parses and validates question files; schema problems are collected with file:line, valid questions returned. */
export function loadQuestionFiles(files: string[]): QuestionLoad {
  const questions: LocatedQuestion[] = [];
  const problems: ContentProblem[] = [];
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    let source: ReturnType<typeof parseYaml>;
    try {
      source = parseYaml(file, readFileSync(path, "utf8"));
    } catch (e) {
      if (e instanceof ContentError) {
        problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    for (const c of source.trailingComments)
      problems.push({
        file,
        line: c.line,
        message: `the text "${c.value}" is followed by "#${c.comment}", which YAML reads as a comment: quote the text if the "#" belongs to it`,
      });
    const header = questionFileSchema.safeParse(source.data);
    if (!header.success) {
      problems.push(...zodProblems(source, header.error));
      continue;
    }
    header.data.questions.forEach((raw, i) => {
      const parsed = questionSchema.safeParse(raw);
      const line = source.lineOf(["questions", i]);
      if (!parsed.success) {
        const shifted = {
          ...source,
          lineOf: (p: readonly PropertyKey[]) => source.lineOf(["questions", i, ...p]),
        };
        const id =
          typeof raw === "object" && raw && "id" in raw ? `${String((raw as { id: unknown }).id)}: ` : "";
        problems.push(...zodProblems(shifted, parsed.error).map((p) => ({ ...p, message: id + p.message })));
        return;
      }
      questions.push({
        question: { ...parsed.data, exam: header.data.exam, examGuide: header.data.examGuide } as Question,
        file,
        line,
        lineOf: (p) => source.lineOf(["questions", i, ...p]),
      });
    });
  }
  return { questions, problems, files };
}

/** Loads a whole bank folder and throws ContentError on any problem (used by the server and exams). */
export function loadBank(root: string): Question[] {
  const load = loadQuestionFiles(questionFiles(root));
  if (load.problems.length > 0) throw new ContentError(load.problems);
  return load.questions.map((q) => q.question);
}
