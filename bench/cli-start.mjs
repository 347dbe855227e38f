// Whole-process timings of the CLI against a bare `node -e 0`, interleaved in one run so that
// machine load affects both sides alike. Returns medians in milliseconds and the ratios.
import { execFileSync } from "node:child_process";

function time(argv) {
  const t0 = process.hrtime.bigint();
  execFileSync("node", argv, { stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export function benchCliStart({ runs = 15 } = {}) {
  const commands = {
    bareNode: ["-e", "0"],
    version: ["dist/cli/main.js", "--version"],
    adviseJson: [
      "dist/cli/main.js",
      "advise",
      "--role",
      "web-developer",
      "--aws-experience",
      "1",
      "--it-background",
      "--stack",
      "lambda,dynamodb",
      "--json",
    ],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const argv of Object.values(commands)) time(argv); // warm the file cache
  for (let i = 0; i < runs; i++)
    for (const [k, argv] of Object.entries(commands)) samples[k].push(time(argv));
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  return {
    runs,
    medianMs: m,
    versionRatio: +(m.version / m.bareNode).toFixed(2),
    adviseRatio: +(m.adviseJson / m.bareNode).toFixed(2),
    budget: { versionRatio: 2, adviseRatio: 3 },
    withinBudget: m.version / m.bareNode <= 2 && m.adviseJson / m.bareNode <= 3,
  };
}
