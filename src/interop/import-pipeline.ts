import { Document } from "yaml";
import { CONTENT_LIMITS, strictProblems } from "../content/load-questions.js";
import { draftQuestionSchema } from "../content/question-schema.js";
import { type LocatedQuestion, lintBank } from "../core/bank/bank-lint.js";
import type { Question } from "../core/bank/question-types.js";
import { findCertification } from "../core/catalog/catalog.js";
import type { Catalog } from "../core/catalog/catalog-types.js";
import { keyProblem, type QuestionEntry, toEntry } from "./import-entry.js";
import {
  awsReferences,
  domainIn,
  examDomains,
  examIn,
  servicesIn,
  slugId,
  uniqueId,
} from "./import-infer.js";
import type {
  FatalProblem,
  ImportedAsset,
  ImportedQuestion,
  ImportFormat,
  ReadResult,
  SourceFile,
  SourceLocation,
  UnsupportedQuestion,
} from "./interop-model.js";
import { READERS } from "./readers.js";

// The import pipeline (issue 14, docs/interop.md): source files → certpath/questions@1 YAML, one per source.
// Each file is refused whole (fatal problems: nothing of it written), or written with its convertible
// questions; unsupported questions are skipped and reported by line; questions certpath's own schema or
// lint would reject are written as drafts with their problems. Pure: the caller reads and writes files.

export interface ImportOptions {
  format: ImportFormat;
  /** The exam every question belongs to; otherwise an exam code in the categories, tags or file name. */
  exam?: string | undefined;
  /** The domain for questions whose category or tags name none. */
  domain?: string | undefined;
  /** verifiedOn of the written questions and the date the blueprint is checked on. */
  today: string;
  /** For exam and domain checks, service tags and lint; without it only the schema is checked. */
  catalog?: Catalog | undefined;
}

export interface ImportedQuestionReport {
  id: string;
  draft: boolean;
  problems: string[];
  location: SourceLocation;
  type: string;
}

export interface ImportFileOutcome {
  file: string;
  status: "refused" | "written";
  fatal: FatalProblem[];
  unsupported: UnsupportedQuestion[];
  questions: ImportedQuestionReport[];
  /** The certpath/questions@1 file to write (only when written). */
  yaml?: string;
  /** Images and other files to write next to the YAML. */
  assets?: ImportedAsset[];
}

export interface ImportOutcome {
  files: ImportFileOutcome[];
  totals: {
    files: number;
    written: number;
    refused: number;
    questions: number;
    drafts: number;
    unsupported: number;
  };
}

/** Reads, converts and checks every source; decides per file refused / written and per question draft or not. */
export function importSources(sources: readonly SourceFile[], opts: ImportOptions): ImportOutcome {
  const taken = new Set<string>();
  const files = sources.map((s) => importOne(s, opts, taken));
  return { files, totals: importTotals(files) };
}

/** The counts of each kind over the files of an import. */
export function importTotals(files: readonly ImportFileOutcome[]): ImportOutcome["totals"] {
  const written = files.filter((f) => f.status === "written");
  return {
    files: files.length,
    written: written.length,
    refused: files.length - written.length,
    questions: written.reduce((n, f) => n + f.questions.length, 0),
    drafts: written.reduce((n, f) => n + f.questions.filter((q) => q.draft).length, 0),
    // A refused file writes nothing, so its unsupported questions were not skipped: they are not counted.
    unsupported: written.reduce((n, f) => n + f.unsupported.length, 0),
  };
}

function read(source: SourceFile, format: ImportFormat): ReadResult {
  const size = source.bytes?.length ?? Buffer.byteLength(source.text ?? "");
  if (size > CONTENT_LIMITS.fileBytes)
    return refuse(
      source.file,
      1,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; an import file may be at most ${CONTENT_LIMITS.fileBytes / 1024 / 1024} MB`,
      "split it into several files",
    );
  try {
    return READERS[format](source);
  } catch (e) {
    // Readers never throw for bad input; if one does, the file is refused rather than the import crashing.
    return refuse(
      source.file,
      1,
      `the ${format} reader could not read the file (${e instanceof Error ? e.message : String(e)})`,
      `check that the file is ${format}, or choose the right --format`,
    );
  }
}

/** The outcome of a file refused before it was read (e.g. too large), for the shells. */
export function refusedFile(file: string, message: string, hint: string): ImportFileOutcome {
  return {
    file,
    status: "refused",
    fatal: refuse(file, 1, message, hint).fatal,
    unsupported: [],
    questions: [],
  };
}

function refuse(file: string, line: number, message: string, hint: string): ReadResult {
  return { questions: [], unsupported: [], fatal: [{ location: { file, line }, message, hint }] };
}

function importOne(source: SourceFile, opts: ImportOptions, taken: Set<string>): ImportFileOutcome {
  const r = read(source, opts.format);
  const out: ImportFileOutcome = {
    file: source.file,
    status: "refused",
    fatal: [...r.fatal],
    unsupported: r.unsupported,
    questions: [],
  };
  const at = (message: string, hint: string, line = 1) =>
    out.fatal.push({ location: { file: source.file, line }, message, hint });
  if (out.fatal.length > 0) return out;
  for (const q of r.questions) {
    const p = keyProblem(q);
    if (p) out.fatal.push(p);
  }
  if (r.questions.length > CONTENT_LIMITS.questionsPerFile)
    at(
      `the file has ${r.questions.length} questions; one file may hold at most ${CONTENT_LIMITS.questionsPerFile}`,
      "split it into several files",
    );
  if (r.questions.length === 0)
    at(
      r.unsupported.length > 0
        ? `none of the file's ${r.unsupported.length} questions is of a type certpath supports`
        : `no questions found in the file as ${opts.format}`,
      r.unsupported.length > 0
        ? "certpath imports single and multiple choice, true/false, ordering and matching questions"
        : "check that the file is in this format, or choose the right --format (docs/interop.md)",
    );
  const exam =
    opts.exam ?? examIn([...r.questions.flatMap((q) => [q.category, ...(q.tags ?? [])]), source.file]);
  if (!exam)
    at(
      "no exam code in the file's categories, tags or name",
      "give the exam with --exam CODE (e.g. --exam SAA-C03)",
    );
  else if (opts.catalog && findCertification(opts.catalog, exam)?.matchedBy !== "code")
    at(`unknown exam ${exam}`, "give an exam code that certpath catalog lists, with --exam CODE");
  if (out.fatal.length > 0 || !exam) return out;

  const domains = examDomains(opts.catalog, exam);
  // A --domain must be one of the exam's, also when the exam comes from the file rather than --exam.
  if (opts.domain && domains && !domains.includes(opts.domain)) {
    at(
      `--domain ${opts.domain} is not a domain of ${exam}`,
      `use one of ${domains.join(", ")} (certpath show ${exam})`,
    );
    return out;
  }
  const local = new Set<string>();
  const entries = r.questions.map((q, i) => {
    const problems: string[] = [];
    const label = [q.category, ...(q.tags ?? [])].filter((t): t is string => Boolean(t));
    const base =
      slugId(q.sourceId ?? "") ||
      `${slugId(source.file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "")) || "q"}-${String(i + 1).padStart(3, "0")}`;
    const domain = domainIn(label, domains) ?? opts.domain;
    if (!domain)
      problems.push(
        `no domain: give --domain ID, or a category or tag such as "Domain 2"${domains ? ` (${exam} has ${domains.join(", ")})` : ""}`,
      );
    const id = uniqueId(/^[a-z0-9]/.test(base) ? base : `q-${base}`, taken);
    local.add(id);
    const entry = toEntry(
      q,
      {
        id,
        domain,
        services: opts.catalog ? servicesIn(q, opts.catalog.services) : [],
        references: awsReferences([q.stem, q.generalFeedback, ...feedbackTexts(q)]),
        verifiedOn: opts.today,
      },
      problems,
    );
    return { q, entry, problems };
  });
  checkEntries(entries, exam, opts);
  out.questions = entries.map(({ q, entry, problems }) => ({
    id: entry.id,
    draft: problems.length > 0,
    problems,
    location: q.location,
    type: entry.type,
  }));
  out.assets = assetsOf(r.questions);
  out.yaml = yamlFile(source.file, exam, entries, opts.today);
  out.status = "written";
  return out;
}

function feedbackTexts(q: ImportedQuestion): (string | undefined)[] {
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      return q.options.map((o) => o.feedback);
    case "ordering":
      return q.items.map((i) => i.feedback);
    case "matching":
      return q.pairs.map((p) => p.feedback);
  }
}

type Checked = { q: ImportedQuestion; entry: QuestionEntry; problems: string[] };

/** certpath's own schema and lint over the converted questions: what either rejects makes the question a draft. */
function checkEntries(entries: Checked[], exam: string, opts: ImportOptions): void {
  const located: LocatedQuestion[] = [];
  entries.forEach((e, i) => {
    e.problems.push(...strictProblems(e.entry));
    const parsed = draftQuestionSchema.safeParse({ ...e.entry, draft: true });
    if (!parsed.success) {
      e.problems.push(...parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`));
      return;
    }
    const { draft: _d, problems: _p, ...fields } = parsed.data as Record<string, unknown>;
    located.push({
      question: { ...fields, exam, examGuide: exam } as Question,
      file: "import",
      line: i + 1,
    });
  });
  if (!opts.catalog) return;
  const lint = lintBank(located, opts.catalog, opts.today, { realism: true });
  for (const p of lint.problems) {
    const e = p.line > 0 ? entries[p.line - 1] : undefined;
    if (!e) continue;
    const message = p.message.replace(`${e.entry.id}: `, "");
    if (!e.entry.domain && message.startsWith("no domain")) continue; // said above, with how to give it
    if (!e.problems.includes(message)) e.problems.push(message);
  }
}

function assetsOf(questions: readonly ImportedQuestion[]): ImportedAsset[] {
  const names = new Set<string>();
  const out: ImportedAsset[] = [];
  for (const a of questions.flatMap((q) => q.assets ?? [])) {
    const name =
      a.name
        .replace(/^.*[\\/]/, "")
        .replace(/[^\w.-]+/g, "-")
        .replace(/^\.+/, "") || "asset";
    if (names.has(name)) continue;
    names.add(name);
    out.push({ ...a, name });
  }
  return out;
}

function yamlFile(file: string, exam: string, entries: readonly Checked[], today: string): string {
  const questions = entries.map(({ entry, problems }) => {
    if (problems.length === 0) return entry;
    const { id, ...rest } = entry;
    return { id, draft: true, problems, ...rest };
  });
  const doc = new Document({ format: "certpath/questions@1", exam, examGuide: exam, questions });
  const source = file.replace(/[^\w ./@+-]/g, "_");
  doc.commentBefore = ` Imported from ${source} by certpath bank import on ${today} (docs/interop.md).\n Questions with draft: true are never served: fix their problems, then delete draft and problems.`;
  return doc.toString({ lineWidth: 0 });
}
