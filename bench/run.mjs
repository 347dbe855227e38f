// `npm run bench`: prints one JSON document with every benchmark and its budget (DESIGN.md).
import { benchCliStart } from "./cli-start.mjs";

const results = {
  machine: { node: process.version, cpus: (await import("node:os")).cpus().length },
  cliStart: benchCliStart(),
};
const extra = await import("./exam-bench.mjs").catch((e) =>
  e.code === "ERR_MODULE_NOT_FOUND" ? undefined : Promise.reject(e),
);
Object.assign(results, await (await import("./lint-bench.mjs")).run());
if (extra) Object.assign(results, await extra.run());
Object.assign(results, await (await import("./learning-bench.mjs")).run());
Object.assign(results, await (await import("./content-bench.mjs")).run());
Object.assign(results, await (await import("./candidates-bench.mjs")).run());
console.log(JSON.stringify(results, null, 2));
