import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative } from "node:path";
import type { LocatedQuestion } from "../core/bank/bank-lint.js";
import type { Question } from "../core/bank/question-types.js";
import { ContentError, type ContentProblem } from "./content-error.js";
import { questionFileSchema, questionSchema, schemaFor } from "./question-schema.js";
import { parseYaml, zodProblems } from "./yaml-source.js";

/** A question with where it was read from, for file:line messages. */
export interface QuestionLoad {
  questions: LocatedQuestion[];
  problems: ContentProblem[];
  files: string[];
}

/** Bounds that keep one file from taking the memory or the time of a whole bank (docs/question-format.md). */
export const CONTENT_LIMITS = {
  /** Bytes in one question file. */
  fileBytes: 4 * 1024 * 1024,
  /** Questions in one file: split larger banks into several files. */
  questionsPerFile: 2_000,
  /** Characters in one text field (stem, option, explanation, reference…). */
  textChars: 10_000,
} as const;

const QUESTION_FILE = /\.ya?ml$/;
/** Files that may sit beside content without being content: notes for authors, dotfiles. */
const IGNORED = (name: string) => name.startsWith(".") || /\.md$/i.test(name);

const display = (path: string) => relative(process.cwd(), path) || path;

/** Every `*.yaml` under a file or folder, sorted, and a problem for every other file (never silence). */
export function scanQuestionFiles(path: string): { files: string[]; problems: ContentProblem[] } {
  const files: string[] = [];
  const problems: ContentProblem[] = [];
  const visit = (p: string, explicit: boolean) => {
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort((a, b) => a.localeCompare(b))) visit(join(p, e), false);
      return;
    }
    const name = basename(p);
    if (QUESTION_FILE.test(name)) files.push(p);
    else if (explicit || !IGNORED(name))
      problems.push({
        file: display(p),
        line: 1,
        message: `"${extname(name) || name}" is not a question file extension: question files end in .yaml (lower case)${/\.ya?ml$/i.test(name) ? `; rename it to ${name.replace(/\.ya?ml$/i, ".yaml")}` : "; move other files out of the content folder"}`,
      });
  };
  if (existsSync(path)) visit(path, true);
  return { files, problems };
}

/** Every `*.yaml` under a file or folder, sorted. */
export function questionFiles(path: string): string[] {
  return scanQuestionFiles(path).files;
}

/** The file:line problem of a question file over the size limit, found without reading it. */
export function sizeProblem(path: string): ContentProblem | undefined {
  const size = statSync(path).size;
  if (size <= CONTENT_LIMITS.fileBytes) return undefined;
  return {
    file: display(path),
    line: 1,
    message: `the file is ${(size / 1024 / 1024).toFixed(1)} MB; a question file may be at most ${CONTENT_LIMITS.fileBytes / 1024 / 1024} MB: split it into several files`,
  };
}

/** Strings longer than the text limit anywhere in a parsed value, with their paths. */
function overlongText(value: unknown, path: PropertyKey[], out: { path: PropertyKey[]; length: number }[]) {
  if (typeof value === "string") {
    if (value.length > CONTENT_LIMITS.textChars) out.push({ path, length: value.length });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) overlongText(v, [...path, i], out);
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) overlongText(v, [...path, k], out);
  return out;
}

/** What the full (served) schema says about a draft entry: the problems that keep it a draft, one per kind. */
export function strictProblems(raw: unknown): string[] {
  const { draft: _draft, problems: _problems, ...rest } = raw as Record<string, unknown>;
  const parsed = questionSchema.safeParse(rest);
  if (parsed.success) return [];
  const out: string[] = [];
  // "options.0.explanation: missing", "options.1.explanation: missing"… → one line naming the options.
  const unexplained = new Map<string, string[]>();
  for (const i of parsed.error.issues) {
    const [field, index, key] = i.path;
    const missing = /received undefined$/.test(i.message);
    if (missing && key === "explanation" && typeof index === "number") {
      const ids = (rest[String(field)] as { id?: string }[] | undefined)?.map((o) => o.id);
      unexplained.set(String(field), [
        ...(unexplained.get(String(field)) ?? []),
        ids?.[index] ?? String(index),
      ]);
      continue;
    }
    if (missing && field === "domain" && i.path.length === 1) continue; // lint names the exam's domains
    const at = i.path.map(String).join(".");
    const message = missing ? "missing" : i.message;
    out.push(at ? `${at}: ${message}` : message);
  }
  for (const [field, ids] of unexplained)
    out.push(`${field} ${ids.join(", ")}: no explanation; write why each one is right or wrong`);
  return [...new Set(out)];
}

/** Parses and validates question files; schema problems are collected with file:line, valid questions returned. */
export function loadQuestionFiles(files: string[]): QuestionLoad {
  const questions: LocatedQuestion[] = [];
  const problems: ContentProblem[] = [];
  for (const path of files) {
    const file = display(path);
    const tooBig = sizeProblem(path);
    if (tooBig) {
      // Refused before reading: a huge file must cost neither memory nor time.
      problems.push(tooBig);
      continue;
    }
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
    const folder = basename(dirname(path));
    if (/^[A-Z]{3}-[A-Z][0-9]{2}$/i.test(folder) && folder !== header.data.exam) {
      problems.push({
        file,
        line: source.lineOf(["exam"]),
        message: `exam is ${header.data.exam} but the file is in the folder ${folder}: move the file to questions/${header.data.exam}/ or correct exam`,
      });
      continue;
    }
    const count = header.data.questions.length;
    if (count > CONTENT_LIMITS.questionsPerFile) {
      problems.push({
        file,
        line: source.lineOf(["questions", CONTENT_LIMITS.questionsPerFile]),
        message: `the file has ${count} questions; a question file may hold at most ${CONTENT_LIMITS.questionsPerFile}: split it into several files`,
      });
      continue;
    }
    // Case studies of this file: each must be used, and every question names one that exists here.
    const caseStudies = new Map((header.data.caseStudies ?? []).map((c) => [c.id, c]));
    const usedCaseStudies = new Set<string>();
    header.data.questions.forEach((raw, i) => {
      const long = overlongText(raw, ["questions", i], []);
      if (long.length > 0) {
        for (const t of long)
          problems.push({
            file,
            line: source.lineOf(t.path),
            message: `${t.path.slice(2).join(".")}: the text is ${t.length} characters; a text field may have at most ${CONTENT_LIMITS.textChars}`,
          });
        return;
      }
      const parsed = schemaFor(raw).safeParse(raw);
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
      const { caseStudy: caseStudyId, ...fields } = parsed.data;
      const caseStudy = caseStudyId === undefined ? undefined : caseStudies.get(caseStudyId);
      if (caseStudyId !== undefined && !caseStudy) {
        problems.push({
          file,
          line: source.lineOf(["questions", i, "caseStudy"]),
          message: `${parsed.data.id}: caseStudy "${caseStudyId}" is not in this file's caseStudies (${[...caseStudies.keys()].join(", ") || "none"})`,
        });
        return;
      }
      if (caseStudyId !== undefined) usedCaseStudies.add(caseStudyId);
      questions.push({
        question: {
          ...fields,
          ...(caseStudy ? { caseStudy } : {}),
          exam: header.data.exam,
          examGuide: header.data.examGuide,
        } as Question,
        file,
        line,
        lineOf: (p) => source.lineOf(["questions", i, ...p]),
        ...((parsed.data as { draft?: boolean }).draft === true
          ? { draftProblems: strictProblems(raw) }
          : {}),
      });
    });
    (header.data.caseStudies ?? []).forEach((c, i) => {
      if (!usedCaseStudies.has(c.id))
        problems.push({
          file,
          line: source.lineOf(["caseStudies", i]),
          message: `case study "${c.id}" has no question: name it with caseStudy: ${c.id} in its questions, or remove it`,
        });
    });
  }
  return { questions, problems, files };
}

/** Loads a whole bank folder and throws ContentError on any problem (used by the server and exams). */
export function loadBank(root: string): Question[] {
  const scan = scanQuestionFiles(root);
  const load = loadQuestionFiles(scan.files);
  if (scan.problems.length + load.problems.length > 0)
    throw new ContentError([...scan.problems, ...load.problems]);
  return load.questions.map((q) => q.question);
}
