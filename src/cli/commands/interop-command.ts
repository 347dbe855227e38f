import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { CONTENT_LIMITS } from "../../content/load-questions.js";
import { findCertification } from "../../core/catalog/catalog.js";
import {
  type ImportFileOutcome,
  type ImportOutcome,
  importSources,
  importTotals,
  refusedFile,
} from "../../interop/import-pipeline.js";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  IMPORT_FORMATS,
  type ImportFormat,
  type SourceFile,
  type SourceLocation,
} from "../../interop/interop-model.js";
import { qtiFolderSource } from "../../interop/qti-reader.js";
import { FORMAT_EXTENSIONS } from "../../interop/readers.js";
import { writeAtomically } from "../atomic-write.js";
import { cliContext } from "../cli-context.js";
import { EXIT_PROBLEMS, UsageError } from "../run-action.js";
import { terminalSafe } from "../safe-text.js";
import { printJson, style, terminalWidth, wrap } from "../terminal.js";
import { display, exportBank } from "./export-bank.js";

// certpath bank import / export (issue 14, docs/interop.md). The pipeline is pure; this shell reads the sources,
// writes the results atomically (a temporary folder inside --out, then one rename per file) and reports.

/** One sentence: a capital first letter and exactly one full stop. */
const sentence = (text: string) => {
  const t = text.trim().replace(/[.\s]+$/, "");
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}.`;
};
const say = (text: string, indent = "") => console.log(wrap(terminalSafe(text), terminalWidth(), indent));

function formatOf<T extends string>(value: string | undefined, formats: readonly T[], verb: string): T {
  if (!value) throw new UsageError(`Give the format with --format (${formats.join(", ")}).`);
  if (!(formats as readonly string[]).includes(value))
    throw new UsageError(`certpath can ${verb} ${formats.join(", ")}; "${value}" is not one of them.`);
  return value as T;
}

/** The source files under a file or folder, for a format (by extension in folders; any name when named). */
function sourcesAt(path: string, format: ImportFormat): string[] {
  if (!existsSync(path))
    throw new UsageError(`${path} does not exist. Give a file or a folder of ${format} files.`);
  // A QTI content package folder (imsmanifest.xml) is one source, read like the zip it would be.
  const isPackage = (dir: string) => format === "qti" && existsSync(join(dir, "imsmanifest.xml"));
  if (!statSync(path).isDirectory() || isPackage(path)) return [path];
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) isPackage(p) ? out.push(p) : visit(p);
      else if (FORMAT_EXTENSIONS[format].includes(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  visit(path);
  if (out.length === 0)
    throw new UsageError(
      `No ${format} files (${FORMAT_EXTENSIONS[format].join(", ")}) in ${path}. Give a file, or check --format.`,
    );
  return out;
}

/** One output name per source: its name with .yaml; a clash gets its folder in front. */
function outputNames(files: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const f of files) {
    const stem = basename(f, extname(f)).replace(/[^\w.-]+/g, "-") || "import";
    let name = `${stem}.yaml`;
    for (let n = 2; used.has(name); n++)
      name = `${basename(dirname(f)).replace(/[^\w.-]+/g, "-")}-${stem}${n > 2 ? `-${n}` : ""}.yaml`;
    used.add(name);
    names.set(f, name);
  }
  return names;
}

/** Every file under a folder by its path inside it (QTI package folders). */
function folderFiles(dir: string, prefix = ""): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, folderFiles(p, `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = new Uint8Array(readFileSync(p));
  }
  return out;
}

function readSource(path: string): SourceFile | ImportFileOutcome {
  const file = display(path);
  if (statSync(path).isDirectory()) {
    const source = qtiFolderSource(file, folderFiles(path));
    if ((source.bytes?.length ?? 0) <= CONTENT_LIMITS.fileBytes) return source;
    return refusedFile(
      file,
      `the package folder holds more than ${CONTENT_LIMITS.fileBytes / 1024 / 1024} MB`,
      "split it into several packages",
    );
  }
  const size = statSync(path).size;
  if (size > CONTENT_LIMITS.fileBytes)
    return refusedFile(
      file,
      `the file is ${(size / 1024 / 1024).toFixed(1)} MB; an import file may be at most ${CONTENT_LIMITS.fileBytes / 1024 / 1024} MB`,
      "split it into several files",
    );
  const bytes = readFileSync(path);
  return /\.zip$/i.test(path)
    ? { file, bytes: new Uint8Array(bytes) }
    : { file, text: bytes.toString("utf8") };
}

export async function bankImportCommand(
  path: string,
  opts: { format?: string; exam?: string; domain?: string; out?: string; json?: boolean },
) {
  const format = formatOf(opts.format, IMPORT_FORMATS, "import");
  if (!opts.out) throw new UsageError("Give the folder to write the question files to with --out DIR.");
  const ctx = await cliContext();
  const exam = opts.exam?.toUpperCase();
  if (exam) {
    const match = findCertification(ctx.catalog, exam);
    if (match?.matchedBy !== "code")
      throw new UsageError(
        `${opts.exam} is not an exam code certpath knows. See certpath catalog for the codes (e.g. SAA-C03).`,
      );
    const domains = match.version?.domains.map((d) => d.id) ?? [];
    if (opts.domain && !domains.includes(opts.domain))
      throw new UsageError(
        `--domain ${opts.domain} is not a domain of ${exam}: use one of ${domains.join(", ")} (certpath show ${exam}).`,
      );
  } else if (opts.domain && !/^[0-9]+$/.test(opts.domain))
    throw new UsageError(
      `--domain takes a domain id such as 2 (certpath show EXAM lists them), not "${opts.domain}".`,
    );
  const paths = sourcesAt(resolve(path), format);
  const read = paths.map(readSource);
  const sources = read.filter((r): r is SourceFile => !("status" in r));
  const outcome = importSources(sources, {
    format,
    exam,
    domain: opts.domain,
    today: ctx.today(),
    catalog: ctx.catalog,
  });
  const byFile = new Map(outcome.files.map((f) => [f.file, f]));
  const files = read.map((r) => ("status" in r ? r : (byFile.get(r.file) as ImportFileOutcome)));
  const names = outputNames(paths);
  const out = resolve(opts.out);
  const writes = files.flatMap((f, i) => {
    if (f.status !== "written" || !f.yaml) return [];
    const name = names.get(paths[i] as string) as string;
    return [
      { name, data: f.yaml },
      ...(f.assets ?? []).map((a) => ({
        name: join(`${basename(name, ".yaml")}-assets`, a.name),
        data: a.bytes,
      })),
    ];
  });
  if (writes.length > 0) writeAtomically(out, writes);
  const totals = importTotals(files);
  if (opts.json) {
    printJson({
      files: files.map(({ yaml: _y, assets, ...f }, i) => ({
        ...f,
        ...(f.status === "written"
          ? { output: display(join(out, names.get(paths[i] as string) ?? "")) }
          : {}),
        assets: (assets ?? []).map((a) => a.name),
      })),
      totals,
    });
  } else report(files, paths, names, out, totals);
  return totals.written > 0 ? 0 : EXIT_PROBLEMS;
}

function report(
  files: readonly ImportFileOutcome[],
  paths: readonly string[],
  names: Map<string, string>,
  out: string,
  totals: ImportOutcome["totals"],
) {
  files.forEach((f, i) => {
    if (f.status === "refused") {
      console.log(style.red(terminalSafe(`${f.file}: refused, nothing of it written`)));
      for (const p of f.fatal)
        say(
          `${p.location.file}:${p.location.line ?? 1}${p.location.itemId ? ` (${p.location.itemId})` : ""}: ${sentence(p.message)} ${sentence(p.hint)}`,
          "  ",
        );
    } else {
      const drafts = f.questions.filter((q) => q.draft).length;
      say(
        `${f.file}: ${f.questions.length} question${f.questions.length === 1 ? "" : "s"} (${drafts} draft${drafts === 1 ? "" : "s"}) → ${display(join(out, names.get(paths[i] as string) ?? ""))}`,
      );
      // Drafts and skipped questions together, in the order of the source (line, then item).
      const at = (l: SourceLocation) => `${l.file}:${l.line ?? 1}${l.itemId ? ` (${l.itemId})` : ""}`;
      const findings = [
        ...f.questions
          .filter((x) => x.draft)
          .map((q) => ({
            l: q.location,
            text: `${at(q.location)}: ${q.id} is a draft: ${q.problems.join("; ")}`,
          })),
        ...f.unsupported.map((u) => ({ l: u.location, text: `${at(u.location)}: ${u.message}` })),
      ].sort(
        (a, b) => (a.l.line ?? 0) - (b.l.line ?? 0) || (a.l.itemId ?? "").localeCompare(b.l.itemId ?? ""),
      );
      for (const x of findings) say(x.text, "  ");
    }
  });
  const verdict =
    totals.written > 0
      ? `Imported ${totals.questions} question${totals.questions === 1 ? "" : "s"}`
      : "Nothing imported";
  const summary = wrap(
    `${verdict}: ${totals.questions - totals.drafts} ready, ${totals.drafts} draft${totals.drafts === 1 ? "" : "s"}, ${totals.unsupported} unsupported (skipped); ${totals.written} of ${totals.files} file${totals.files === 1 ? "" : "s"} written, ${totals.refused} refused.`,
    terminalWidth(),
  );
  // Colour is added after wrapping (the text is certpath's own: counts only).
  console.log(
    `\n${summary.replace(verdict, totals.written > 0 ? style.green(verdict) : style.red(verdict))}`,
  );
  if (totals.drafts > 0)
    say(
      "Drafts are never served: fix each one's problems, then delete its draft and problems lines. certpath bank lint lists them.",
    );
}

export async function bankExportCommand(opts: {
  exam?: string;
  format?: string;
  out?: string;
  from?: string;
  json?: boolean;
}) {
  const format: ExportFormat = formatOf(opts.format, EXPORT_FORMATS, "export");
  if (!opts.exam) throw new UsageError("Give the exam to export with --exam CODE (e.g. --exam SAA-C03).");
  if (!opts.out) throw new UsageError("Give where to write with --out FILE or --out DIR.");
  const r = await exportBank(opts.exam.toUpperCase(), format, opts.from, resolve(opts.out));
  if (opts.json) printJson(r);
  else {
    say(
      `Wrote ${r.questions} question${r.questions === 1 ? "" : "s"} of ${r.exam} as ${format}: ${r.written.join(", ")}`,
    );
    for (const d of r.dropped) say(`- ${d}`, "  ");
  }
  return 0;
}
