import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Writes files into `out` all at once: a temporary folder beside them, then one rename per file. */
export function writeAtomically(
  out: string,
  files: readonly { name: string; data: string | Uint8Array }[],
): void {
  mkdirSync(out, { recursive: true });
  const tmp = join(out, `.certpath-tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    for (const f of files) {
      mkdirSync(dirname(join(tmp, f.name)), { recursive: true });
      writeFileSync(join(tmp, f.name), f.data);
    }
    for (const f of files) {
      mkdirSync(dirname(join(out, f.name)), { recursive: true });
      renameSync(join(tmp, f.name), join(out, f.name));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
