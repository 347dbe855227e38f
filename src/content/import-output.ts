import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ConvertedFile } from "../app/import-preview.js";
import type { Question } from "../core/bank/question-types.js";
import { loadQuestionFiles, scanQuestionFiles } from "./load-questions.js";

/**
 * Where confirmed web imports are written and read back as an extra bank source on the next start:
 * CERTPATH_IMPORTS_DIR, else `imports/` beside the SQLite database (data/imports for PostgreSQL).
 */
export function importsDir(databaseUrl: string | undefined = process.env.DATABASE_URL): string {
  if (process.env.CERTPATH_IMPORTS_DIR) return resolve(process.env.CERTPATH_IMPORTS_DIR);
  const url = databaseUrl || "data/certpath.db";
  if (/^(postgres(ql)?:\/\/|pglite:)/.test(url) || url === ":memory:") return resolve("data", "imports");
  return join(dirname(resolve(url.replace(/^sqlite:(\/\/)?/, ""))), "imports");
}

const slug = (name: string) =>
  name
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "import";

/**
 * Writes one confirmed import as `<dir>/<EXAM>/import-<job>/<file>.yaml` (and its assets): into a
 * temporary folder first, renamed into place at the end, so a crash never leaves half an import.
 */
export function writeImport(dir: string, exam: string, jobId: string, files: ConvertedFile[]): string[] {
  const examDir = join(dir, exam.replace(/[^A-Za-z0-9-]/g, "") || "imported");
  const final = join(examDir, `import-${jobId.replace(/[^A-Za-z0-9-]/g, "").slice(0, 36)}`);
  if (existsSync(final)) throw new Error(`${final} exists already`);
  const temp = join(examDir, `.tmp-${jobId.replace(/[^A-Za-z0-9-]/g, "").slice(0, 36)}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const names = new Set<string>();
  const written: string[] = [];
  try {
    for (const f of files) {
      let name = `${slug(f.file)}.yaml`;
      for (let i = 2; names.has(name); i++) name = `${slug(f.file)}-${i}.yaml`;
      names.add(name);
      writeFileSync(join(temp, name), f.yaml ?? "", { flag: "wx" });
      written.push(name);
      for (const a of f.assets ?? []) {
        const asset = a.name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "") || "asset";
        if (names.has(asset)) continue;
        names.add(asset);
        writeFileSync(join(temp, asset), a.bytes, { flag: "wx" });
        written.push(asset);
      }
    }
    renameSync(temp, final);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  // Absolute: the author reads where on the server the files are (the page and the API show them).
  return written.map((n) => join(final, n));
}

/**
 * The confirmed imports, as an extra bank source read at start: every YAML file under `dir` that loads
 * cleanly (a broken or edited-wrong file is skipped whole, with a warning, instead of stopping the
 * server), without questions whose id the bank already has. Drafts load too: they are never served.
 */
export function loadImportedQuestions(
  dir: string,
  taken: ReadonlySet<string>,
  warn: (message: string) => void = (m) => console.warn(`certpath: ${m}`),
): Question[] {
  if (!existsSync(dir)) return [];
  const files = scanQuestionFiles(dir).files.filter((f) => !/[\\/]\.tmp-/.test(f));
  const out: Question[] = [];
  const seen = new Set(taken);
  for (const file of files) {
    const load = loadQuestionFiles([file]);
    if (load.problems.length > 0) {
      const p = load.problems[0];
      warn(`skipped the imported file ${p?.file}${p?.line ? `:${p.line}` : ""}: ${p?.message}`);
      continue;
    }
    for (const { question, file: shown, line } of load.questions) {
      if (seen.has(question.id)) {
        warn(`skipped the imported question ${question.id} (${shown}:${line}): the bank already has that id`);
        continue;
      }
      seen.add(question.id);
      out.push(question);
    }
  }
  return out;
}
