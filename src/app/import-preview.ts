import { parse } from "yaml";
import type { FatalProblem, ImportedAsset, UnsupportedQuestion } from "../interop/interop-model.js";

/** One source file converted by the import pipeline (importSources' per-file outcome). */
export interface ConvertedFile {
  file: string;
  status: "refused" | "written";
  fatal: FatalProblem[];
  unsupported: UnsupportedQuestion[];
  questions: { id: string; draft: boolean; problems: string[] }[];
  yaml?: string | undefined;
  assets?: ImportedAsset[] | undefined;
}

/** A question as the preview shows it: its text is untrusted Markdown, rendered sanitised by the client. */
export interface PreviewQuestion {
  id: string;
  type: string;
  stem: string;
  /** The key in a few words: "B", "A, C", "3 steps", "4 pairs". */
  key: string;
  draft: boolean;
  problems: string[];
}

export interface PreviewFile {
  file: string;
  status: "refused" | "ok";
  fatal: { line?: number | undefined; itemId?: string | undefined; message: string; hint: string }[];
  unsupported: {
    line?: number | undefined;
    itemId?: string | undefined;
    sourceType: string;
    message: string;
  }[];
  questions: PreviewQuestion[];
}

export interface ImportPreview {
  files: PreviewFile[];
  totals: {
    files: number;
    refused: number;
    questions: number;
    ok: number;
    drafts: number;
    unsupported: number;
    /** Questions whose id another file of the upload or the exam's bank already uses: confirm refuses them. */
    conflicts: number;
  };
}

const STEM_CHARS = 400;
const letter = (i: number) => String.fromCharCode(65 + (i % 26));

type Entry = Record<string, unknown>;
const list = (x: unknown): Entry[] =>
  Array.isArray(x) ? (x.filter((e) => e && typeof e === "object") as Entry[]) : [];

const short = (t: unknown, n = 60) => {
  const text = String(t ?? "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
};

function keyOf(q: Entry): string {
  const type = String(q.type ?? "");
  if (type === "ordering")
    return list(q.items)
      .map((item, i) => `${i + 1}. ${short(item.text, 40)}`)
      .join(" → ");
  if (type === "matching")
    return list(q.prompts)
      .map((p) => `${short(p.text, 30)} → ${short(p.match, 30)}`)
      .join("; ");
  const options = list(q.options);
  const right = options.flatMap((o, i) => (o.correct === true ? [`${letter(i)}: ${short(o.text)}`] : []));
  return right.length > 0 ? right.join("; ") : "none";
}

/** The preview of one converted file: what each question became, read back from the YAML it converts to. */
export function previewFile(c: ConvertedFile): PreviewFile {
  const entries = new Map<string, Entry>();
  if (c.yaml) {
    try {
      for (const q of list((parse(c.yaml) as Entry | null)?.questions)) entries.set(String(q.id), q);
    } catch {
      // The pipeline writes valid YAML; should it not, the preview still lists ids and problems.
    }
  }
  return {
    file: c.file,
    status: c.status === "refused" ? "refused" : "ok",
    fatal: c.fatal.map((f) => ({
      line: f.location.line,
      itemId: f.location.itemId,
      message: f.message,
      hint: f.hint,
    })),
    unsupported: c.unsupported.map((u) => ({
      line: u.location.line,
      itemId: u.location.itemId,
      sourceType: u.sourceType,
      message: u.message,
    })),
    questions:
      c.status === "refused"
        ? []
        : c.questions.map((q) => {
            const e = entries.get(q.id) ?? {};
            const stem = typeof e.stem === "string" ? e.stem : "";
            return {
              id: q.id,
              type: typeof e.type === "string" ? e.type : "",
              stem: stem.length > STEM_CHARS ? `${stem.slice(0, STEM_CHARS)}…` : stem,
              key: keyOf(e),
              draft: q.draft,
              problems: q.problems,
            };
          }),
  };
}

/**
 * The whole preview: per file, and the counts an author checks before confirming. An id used twice in
 * the upload, or already in the bank, becomes a problem of the question (the bank needs unique ids).
 */
export function previewOf(converted: PreviewFile[], bankIds: ReadonlySet<string>): ImportPreview {
  const seen = new Map<string, string>();
  let conflicts = 0;
  const files = converted.map((f) => ({
    ...f,
    questions: f.questions.map((q) => {
      const clash = bankIds.has(q.id)
        ? `the id ${q.id} is already in the bank: rename it in the source (its title or identifier)`
        : seen.has(q.id)
          ? `the id ${q.id} is also used in ${seen.get(q.id)}: give the questions different titles or identifiers`
          : undefined;
      if (!seen.has(q.id)) seen.set(q.id, f.file);
      if (!clash) return q;
      conflicts++;
      return { ...q, problems: [...q.problems, clash] };
    }),
  }));
  const questions = files.flatMap((f) => f.questions);
  const drafts = questions.filter((q) => q.draft).length;
  return {
    files,
    totals: {
      files: files.length,
      refused: files.filter((f) => f.status === "refused").length,
      questions: questions.length,
      ok: questions.length - drafts,
      drafts,
      unsupported: files.reduce((n, f) => n + f.unsupported.length, 0),
      conflicts,
    },
  };
}

/** What GET /api/author/imports/{id} answers. */
export interface ImportJobView {
  id: string;
  status: "queued" | "running" | "done" | "failed" | "confirmed";
  format: string;
  exam: string | null;
  domain: string | null;
  progress: { done: number; total: number };
  createdAt: string;
  updatedAt: string;
  error?: { code: string; message: string };
  preview?: ImportPreview;
  confirmed?: { at: string; exam: string; written: string[] };
}
