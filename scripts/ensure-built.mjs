// `npm start` calls this: build when the build is missing or older than the sources.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist") continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stamp = "dist/.build-stamp";
const stale =
  !existsSync(stamp) ||
  !existsSync("dist/cli/main.js") ||
  !existsSync("dist/web/index.html") ||
  Math.max(newest("src"), newest("web"), newest("content")) > statSync(stamp).mtimeMs;
if (stale) {
  console.log("certpath: building (first start or sources changed)…");
  execFileSync("node", ["scripts/build.mjs"], { stdio: "inherit" });
}
