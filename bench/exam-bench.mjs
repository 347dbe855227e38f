// Exam benchmarks: form assembly from a 100,000-question bank, and answer saves over HTTP with 100
// concurrent clients on a SQLite file next to GET /api/health in the same run, plus server memory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../scripts/chromium.mjs";

const lib = await import("../dist/index.js");
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

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

function startServer(dbFile) {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["dist/cli/main.js", "serve", "--port", "0", "--db", dbFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /serving on (http:\/\/[^\s]+:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
function request(url, method, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: data
          ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) }
          : {},
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode, text }));
      },
    );
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
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

/** CPU seconds the process has used so far (user + system), to tell a busy server from a busy client. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: +(kb("VmRSS") / 1024).toFixed(1), peakRssMb: +(kb("VmHWM") / 1024).toFixed(1) };
}

/** JavaScript a browser downloads to show the exam route, gzipped (as a server would send it). */
async function measureWebFirstLoad(pageUrl) {
  const { gzipSync } = await import("node:zlib");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const scripts = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script")
        scripts.push(r.body().then((b) => ({ url: new URL(r.url()).pathname, gzip: gzipSync(b).length })));
    });
    await page.goto(pageUrl, { waitUntil: "networkidle" });
    await page.locator("main h2, main h1").first().waitFor();
    const files = await Promise.all(scripts);
    const bytes = files.reduce((a, f) => a + f.gzip, 0);
    return { route: "/attempts/:id", files: files.length, kbGzip: +(bytes / 1024).toFixed(1) };
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
      budget: { saveToHealthRatio: 0.4, p99Ms: 50, rssMb: 200, webFirstLoadKbGzip: 150 },
      withinBudget:
        ratio >= 0.4 &&
        save.p99Ms <= 50 &&
        memory.peakRssMb <= 200 &&
        save.errors === 0 &&
        webFirstLoad.kbGzip <= 150,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

export async function run() {
  return { formAssembly: await benchAssembly(), answerSaveHttp: await benchHttp() };
}
