// `npm run docs:realism`: writes docs/bank-realism.md from the shipped banks (certpath bank stats --markdown).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

execFileSync("node", ["scripts/ensure-built.mjs"], { stdio: "inherit" });
const markdown = execFileSync("node", ["dist/cli/main.js", "bank", "stats", "--markdown"], {
  encoding: "utf8",
});
writeFileSync("docs/bank-realism.md", markdown);
console.log("wrote docs/bank-realism.md");
