import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentRoot, packageRoot } from "./content-root.js";
import type { CoreContent } from "./load-content.js";

// Parsing YAML and validating it costs more than the whole CLI start budget on a small machine, so the
// build writes the validated content as JSON; it is used only while every source file is unchanged.
interface Snapshot {
  files: Record<string, string>;
  content: CoreContent;
}

function snapshotFile(): string {
  return join(packageRoot(), "dist", "content-snapshot.json");
}

function fingerprint(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (file: string) => {
    const s = statSync(file);
    out[file] = `${s.size}:${s.mtimeMs}`;
  };
  add(join(root, "services.yaml"));
  for (const dir of ["catalog", "advisor"])
    for (const f of readdirSync(join(root, dir))
      .filter((x) => x.endsWith(".yaml"))
      .sort())
      add(join(root, dir, f));
  return out;
}

function sameFingerprint(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Catalog and advisor rules: from the build's snapshot when it is current, else parsed from YAML. */
export async function loadCoreContentFast(): Promise<CoreContent> {
  const root = contentRoot();
  const file = snapshotFile();
  if (existsSync(file)) {
    try {
      const snap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
      if (sameFingerprint(snap.files, fingerprint(root))) return snap.content;
    } catch {
      // A damaged snapshot is ignored; the YAML is the source of truth.
    }
  }
  const { loadCoreContent } = await import("./load-content.js");
  return loadCoreContent(root);
}

/** Validates the content and writes the snapshot (run by the build). */
export async function writeContentSnapshot(): Promise<string> {
  const root = contentRoot();
  const { loadCoreContent } = await import("./load-content.js");
  const snap: Snapshot = { files: fingerprint(root), content: loadCoreContent(root) };
  writeFileSync(snapshotFile(), JSON.stringify(snap));
  return snapshotFile();
}
