// Content at scale: a 20,000-question bank for one exam (10 files of 2,000) in a CERTPATH_CONTENT folder.
// Measures the time to read and validate the files, and the server's start-up (time until it listens
// and peak memory) the first time (parse and lint, then cached by file hashes) and the next time (cache).
// A 50 MB file is refused with a file:line error. Each run is bounded (CONTENT_BENCH_TIMEOUT_S, default 120).
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SERVICES = ["s3", "ec2", "lambda", "dynamodb", "rds", "vpc", "iam", "sqs", "sns", "cloudfront"];
const WORDS =
  "latency durable replica throughput encrypted partition archive failover cache audit quota burst region zone tenant budget schema stream batch queue".split(
    " ",
  );

function question(i) {
  // Every stem is a different scenario (seeded word choice), so the near-duplicate check has real work.
  const w = (k) => WORDS[(i * 7 + k * 13 + Math.floor(i / 20) * k) % WORDS.length];
  const stem = `Company ${i} runs a ${w(1)} workload with ${w(2)} needs in unit ${i % 97}; the team wants ${w(3)} and ${w(4)} handling for batch ${Math.floor(i / 3)} without ${w(5)} issues. Which option meets order ${i * 31}?`;
  return [
    `  - id: bench-${i}`,
    `    domain: "${(i % 4) + 1}"`,
    "    type: multiple-choice",
    `    services: [${SERVICES[i % SERVICES.length]}]`,
    `    stem: ${JSON.stringify(stem)}`,
    "    options:",
    ...["a", "b", "c", "d"].map(
      (id) =>
        `      - { id: ${id}, text: "Use choice ${id} for case ${i}", correct: ${id === "a"}, explanation: "Choice ${id} explained for case ${i}." }`,
    ),
    "    references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html]",
    "    verifiedOn: 2026-11-26",
  ].join("\n");
}

function makeContent(perExam) {
  const root = mkdtempSync(join(tmpdir(), "certpath-content-bench-"));
  for (const sub of ["catalog", "advisor"])
    cpSync(join("content", sub), join(root, sub), { recursive: true });
  cpSync(join("content", "services.yaml"), join(root, "services.yaml"));
  const folder = join(root, "questions", "SAA-C03");
  mkdirSync(folder, { recursive: true });
  for (let f = 0; f < perExam / 2000; f++) {
    const lines = ["format: certpath/questions@1", "exam: SAA-C03", "examGuide: SAA-C03", "questions:"];
    for (let i = f * 2000; i < (f + 1) * 2000; i++) lines.push(question(i));
    writeFileSync(join(folder, `bench-${f}.yaml`), `${lines.join("\n")}\n`);
  }
  return root;
}

/** Starts `certpath serve` over a content folder; resolves when it listens, fails, or the bound passes. */
function serveOnce(root, cacheDir, timeoutS) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn("node", ["dist/cli/main.js", "serve", "--port", "0", "--db", ":memory:"], {
      env: { ...process.env, CERTPATH_CONTENT: root, CERTPATH_CACHE_DIR: cacheDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let peak = 0;
    const watch = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Number(m[1]) / 1024;
      } catch {}
    }, 200);
    const done = (result) => {
      clearInterval(watch);
      clearTimeout(timer);
      child.kill("SIGTERM");
      resolve({
        ...result,
        seconds: +((performance.now() - t) / 1000).toFixed(2),
        peakRssMb: +peak.toFixed(0),
      });
    };
    const timer = setTimeout(
      () => done({ outcome: `still not listening after ${timeoutS} s` }),
      timeoutS * 1000,
    );
    const onData = (d) => {
      out += d;
      if (/serving on/.test(out)) done({ outcome: "listening" });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) =>
      done({ outcome: `exited ${code}: ${out.split("\n").slice(0, 3).join(" | ").slice(0, 300)}` }),
    );
  });
}

export async function run() {
  const timeoutS = Number(process.env.CONTENT_BENCH_TIMEOUT_S ?? 120);
  const perExam = 20_000;
  const root = makeContent(perExam);
  const { loadQuestionFiles, questionFiles } = await import("../dist/index.js");
  const t = performance.now();
  const load = loadQuestionFiles(questionFiles(join(root, "questions")));
  const parseSeconds = +((performance.now() - t) / 1000).toFixed(2);
  if (load.questions.length !== perExam)
    throw new Error(
      `expected ${perExam} questions, got ${load.questions.length}: ${load.problems[0]?.message}`,
    );
  const cacheDir = mkdtempSync(join(tmpdir(), "certpath-cache-bench-"));
  const first = await serveOnce(root, cacheDir, timeoutS);
  const cached =
    first.outcome === "listening"
      ? await serveOnce(root, cacheDir, timeoutS)
      : { outcome: "skipped: the first start did not finish, so nothing was cached" };
  // A 50 MB file beside the bank: refused with file:line before it is read.
  writeFileSync(join(root, "questions", "SAA-C03", "huge.yaml"), Buffer.alloc(50 * 1024 * 1024, "a"));
  const huge = await serveOnce(root, cacheDir, timeoutS);
  return {
    contentAtScale: {
      questionsPerExam: perExam,
      files: perExam / 2000,
      parseAndValidateSeconds: parseSeconds,
      serveFirstStart: first,
      serveCachedStart: cached,
      serveWith50MbFile: huge,
      budget: "seconds, not minutes; no all-pairs comparison",
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
