import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join, relative } from "node:path";
import type { Question } from "../core/bank/question-types.js";
import { contentRoot, packageRoot } from "./content-root.js";
import type { CoreContent } from "./load-content.js";

// Parsing YAML and validating it costs more than the whole CLI start budget on a small machine, so the
// build writes the validated content as JSON; a snapshot is used only while every source file is unchanged.
interface Snapshot<T> {
  files: Record<string, string>;
  content: T;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
    );
}

function coreFiles(root: string): string[] {
  return [
    join(root, "services.yaml"),
    ...yamlFiles(join(root, "catalog")),
    ...yamlFiles(join(root, "advisor")),
    ...yamlFiles(join(root, "task-statements")),
  ];
}

function fingerprint(files: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of files) {
    const s = statSync(file);
    out[file] = `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

function sameFingerprint(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function snapshotPath(name: string): string {
  return join(packageRoot(), "dist", `${name}-snapshot.json`);
}

function readSnapshot<T>(name: string, files: string[]): T | undefined {
  const file = snapshotPath(name);
  if (!existsSync(file)) return undefined;
  try {
    const snap = JSON.parse(readFileSync(file, "utf8")) as Snapshot<T>;
    return sameFingerprint(snap.files, fingerprint(files)) ? snap.content : undefined;
  } catch {
    return undefined; // A damaged snapshot is ignored; the YAML is the source of truth.
  }
}

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Where checked content is cached between starts: CERTPATH_CACHE_DIR, else the user's cache folder. */
export function cacheDir(): string {
  return (
    process.env.CERTPATH_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "certpath")
  );
}

/**
 * Content that is not the shipped build (CERTPATH_CONTENT, or edited files) is parsed and checked once
 * and cached under a key made of every file's name and SHA-256, so the next start with the same files
 * skips the parse and the lint; any change to any file (or a new file) makes a new key.
 */
async function cachedByHash<T>(name: string, root: string, load: () => Promise<T>): Promise<T> {
  const stamp = join(packageRoot(), "dist", ".build-stamp");
  // The checks change with certpath itself: a new build makes a new key.
  const hash = createHash("sha256").update(
    `certpath-${name}-${existsSync(stamp) ? readFileSync(stamp, "utf8") : ""}\0`,
  );
  for (const file of allFiles(root))
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
  const file = join(cacheDir(), `${name}-${hash.digest("hex").slice(0, 32)}.json`);
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as T;
    } catch {
      // A damaged cache entry is rebuilt below.
    }
  }
  const value = await load();
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // A read-only home still works, only slower.
  }
  return value;
}

/** Catalog and advisor rules: from the build's snapshot when it is current, else parsed from YAML. */
export async function loadCoreContentFast(): Promise<CoreContent> {
  const root = contentRoot();
  const cached = readSnapshot<CoreContent>("content", coreFiles(root));
  if (cached) return cached;
  const { loadCoreContent } = await import("./load-content.js");
  return loadCoreContent(root);
}

/**
 * The checked question bank: from the build's snapshot when it is current, else from the hash-keyed
 * cache, else `load()` (parse and lint), which fills the cache.
 */
export async function loadQuestionsFast(load: () => Promise<Question[]>): Promise<Question[]> {
  const root = contentRoot();
  const files = [...coreFiles(root), ...yamlFiles(join(root, "questions"))];
  return readSnapshot<Question[]>("questions", files) ?? cachedByHash("questions", root, load);
}

/** Validates the content and writes both snapshots (run by the build). */
export async function writeContentSnapshots(
  loadQuestions: (content: CoreContent) => Promise<Question[]>,
): Promise<string[]> {
  const root = contentRoot();
  const { loadCoreContent } = await import("./load-content.js");
  const content = loadCoreContent(root);
  const questions = await loadQuestions(content);
  const write = <T>(name: string, files: string[], value: T) => {
    writeFileSync(
      snapshotPath(name),
      JSON.stringify({ files: fingerprint(files), content: value } satisfies Snapshot<T>),
    );
    return snapshotPath(name);
  };
  return [
    write("content", coreFiles(root), content),
    write("questions", [...coreFiles(root), ...yamlFiles(join(root, "questions"))], questions),
  ];
}
