// Builds everything `npm start` and `npx certpath` need: bundled CLI/server/library, type declarations,
// the validated content snapshot and the web app. Usage: node scripts/build.mjs [--no-web] [--no-types]
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { compressAssets } from "./compress-assets.mjs";

const args = new Set(process.argv.slice(2));
const run = (cmd, argv) => execFileSync(cmd, argv, { stdio: "inherit" });

rmSync("dist", { recursive: true, force: true, maxRetries: 3 });
mkdirSync("dist", { recursive: true });

// One bundle per entry with shared chunks: Node then reads a handful of files instead of hundreds.
await build({
  entryPoints: [
    "src/cli/main.ts",
    "src/index.ts",
    "src/tools/write-snapshot.ts",
    "src/tools/write-json-schema.ts",
    // Import jobs convert files in a worker thread (src/app/import-convert.ts finds it at dist/app/).
    "src/app/import-worker.ts",
  ],
  outdir: "dist",
  outbase: "src",
  entryNames: "[dir]/[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  external: ["better-sqlite3", "pg", "pg-native", "@electric-sql/pglite", "kysely-pglite"],
  banner: {
    js: 'import { createRequire as __certpathRequire } from "node:module"; const require = __certpathRequire(import.meta.url);',
  },
  logLevel: "warning",
  define: { __CERTPATH_VERSION__: JSON.stringify(JSON.parse(readFileSync("package.json", "utf8")).version) },
});
chmodSync("dist/cli/main.js", 0o755);
// `npm pack` and `npm publish` run `prepare` too: a package always ships its type declarations.
const packing = ["pack", "publish"].includes(process.env.npm_command ?? "");
if (!args.has("--no-types") || packing) run("npx", ["tsc", "-p", "tsconfig.build.json"]);
run("node", ["dist/tools/write-snapshot.js"]);
if (!args.has("--no-web")) {
  run("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
  compressAssets("dist/web");
}
writeFileSync("dist/.build-stamp", new Date().toISOString());
console.log("build: done");
