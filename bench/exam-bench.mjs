// Exam benchmarks: form assembly from a 100,000-question bank, and answer saves over HTTP with 100
// concurrent clients on a SQLite file next to GET /api/health in the same run, plus server memory.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../scripts/chromium.mjs";
import { cpuSeconds, percentile, request, rssMb, startServer } from "./bench-util.mjs";

const lib = await import("../dist/index.js");

function benchAssembly() {
  const ctxPromise = lib.createContext();
  return ctxPromise.then((ctx) => {
    const blueprint = lib.blueprintFor(
      lib.getCertification(ctx.catalog, "SAA-C03").certification,
      ctx.today(),
    );
    const questions = [];
    for (let i = 0; i < 100_000; i++) {
      const domain = blueprint.domains[i % blueprint.domains.length].id;
      questions.push({
        id: `synthetic-${i}`,
        exam: blueprint.exam,
        examGuide: blueprint.exam,
        domain,
        type: i % 4 === 0 ? "multiple-response" : "multiple-choice",
        select: 2,
        services: ["s3"],
        stem: `Synthetic question ${i}`,
        references: ["https://docs.aws.amazon.com/"],
        verifiedOn: "2026-11-26",
        options: ["a", "b", "c", "d", "e"].map((id) => ({
          id,
          text: id,
          correct: id === "a",
          explanation: id,
        })),
      });
    }
    const t0 = performance.now();
    const pool = lib.indexBank(questions).get(blueprint.exam);
    const indexMs = performance.now() - t0;
    const seen = new Set(questions.slice(0, 5000).map((q) => q.id));
    const times = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      const form = lib.assembleForm({ blueprint, pool, seed: `bench-${i}`, seen: i % 2 ? seen : undefined });
      times.push(performance.now() - t);
      if (form.questionIds.length !== 65) throw new Error("bad form");
    }
    const p50 = percentile(times, 50);
    return {
      bankSize: questions.length,
      indexMs: +indexMs.toFixed(2),
      runs: times.length,
      p50Ms: +p50.toFixed(3),
      p95Ms: +percentile(times, 95).toFixed(3),
      budgetP50Ms: 5,
      withinBudget: p50 <= 5,
    };
  });
}

/** `clients` loops in parallel for `ms`, each issuing the next request as soon as the last one answers. */
async function load(clients, ms, next) {
  const latencies = [];
  let errors = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let i = 0;
      while (performance.now() < until) {
        const [url, method, body] = next(c, i++);
        const t = performance.now();
        const r = await request(url, method, body);
        latencies.push(performance.now() - t);
        if (r.status !== 200) errors++;
      }
    }),
  );
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / (ms / 1000)),
    p50Ms: +percentile(latencies, 50).toFixed(1),
    p99Ms: +percentile(latencies, 99).toFixed(1),
    errors,
  };
}

/** JavaScript the browser actually transfers to show the exam route (compressed bodies as sent, not re-zipped here). */
async function measureWebFirstLoad(pageUrl) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts = [];
    page.on("requestfinished", (req) => {
      if (req.resourceType() === "script")
        scripts.push(
          Promise.all([req.sizes(), req.response()]).then(([sizes, res]) => ({
            url: new URL(req.url()).pathname,
            transferred: sizes.responseBodySize,
            encoding: res?.headers()["content-encoding"] ?? "identity",
          })),
        );
    });
    await page.goto(pageUrl, { waitUntil: "networkidle" });
    await page.locator("main h2, main h1").first().waitFor();
    const files = await Promise.all(scripts);
    const bytes = files.reduce((a, f) => a + f.transferred, 0);
    return {
      route: "/attempts/:id",
      files: files.length,
      encodings: [...new Set(files.map((f) => f.encoding))],
      kbTransferred: +(bytes / 1024).toFixed(1),
    };
  } finally {
    await browser.close();
  }
}

async function benchHttp() {
  const dir = mkdtempSync(join(tmpdir(), "certpath-bench-"));
  const { child, url } = await startServer(join(dir, "bench.db"));
  try {
    const clients = 100;
    const attempts = [];
    for (let c = 0; c < clients; c++) {
      const r = await request(`${url}/api/attempts`, "POST", {
        exam: "SAA-C03",
        mode: "exam",
        seed: `bench-${c}`,
      });
      attempts.push(JSON.parse(r.text));
    }
    const seconds = Number(process.env.BENCH_SECONDS ?? 8);
    await load(clients, 1000, () => [`${url}/api/health`, "GET"]); // warm up
    let cpu = cpuSeconds(child.pid);
    const health = await load(clients, seconds * 1000, () => [`${url}/api/health`, "GET"]);
    health.serverCpuShare = +((cpuSeconds(child.pid) - cpu) / seconds).toFixed(2);
    cpu = cpuSeconds(child.pid);
    const save = await load(clients, seconds * 1000, (c, i) => {
      const a = attempts[c];
      const q = a.questions[i % a.questions.length];
      const pick = q.options[i % q.options.length].id;
      return [
        `${url}/api/attempts/${a.id}/answers/${q.id}`,
        "PUT",
        { selected: [pick], flagged: i % 7 === 0 },
      ];
    });
    save.serverCpuShare = +((cpuSeconds(child.pid) - cpu) / seconds).toFixed(2);
    const memory = rssMb(child.pid);
    const webFirstLoad = await measureWebFirstLoad(`${url}/attempts/${attempts[0].id}`);
    const ratio = save.perSecond / health.perSecond;
    return {
      clients,
      seconds,
      database: "SQLite file (WAL)",
      health,
      answerSave: save,
      saveToHealthRatio: +ratio.toFixed(2),
      memory,
      webFirstLoad,
      budget: { saveToHealthRatio: 0.4, p99Ms: 50, rssMb: 200, webFirstLoadKbTransferred: 150 },
      withinBudget:
        ratio >= 0.4 &&
        save.p99Ms <= 50 &&
        memory.peakRssMb <= 200 &&
        save.errors === 0 &&
        webFirstLoad.kbTransferred <= 150,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

export async function run() {
  return { formAssembly: await benchAssembly(), answerSaveHttp: await benchHttp() };
}
