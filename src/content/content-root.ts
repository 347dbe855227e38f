import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this module that holds `content/` (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "content", "catalog")) && existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("certpath: cannot find the content/ folder next to the package");
}

/** The content folder: CERTPATH_CONTENT when set, else the one shipped with the package. */
export function contentRoot(): string {
  return process.env.CERTPATH_CONTENT
    ? resolve(process.env.CERTPATH_CONTENT)
    : join(packageRoot(), "content");
}
