// Candidates simulation: N people taking timed exams at once against one server (SQLite file, loopback
// only), each acting every ~0.3 s: load the page and its assets, start, answer, flag, change answers,
// reload, submit, read the review and the history. Per request kind p50/p95/p99, server CPU per
// candidate, peak RSS, and a check that every acknowledged answer is in the review.
// CANDIDATES (comma-separated counts, default 200, at most 2000), CANDIDATES_SECONDS (default 45, at most 300),
// CANDIDATES_THINK_MS (default 300).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cpuSeconds, percentile, request, rssMb, startServer } from "./bench-util.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const BROWSER = { "accept-encoding": "gzip, deflate, br" };

function answerFor(q, variant) {
  const ids = q.options.map((o) => o.id);
  if (q.type === "matching")
    return { pairs: (q.prompts ?? []).map((p, i) => [p.id, ids[(i + variant) % ids.length]]) };
  if (q.type === "ordering") return { selected: variant % 2 ? [...ids].reverse() : ids };
  const n = q.select ?? 1;
  return { selected: Array.from({ length: n }, (_, i) => ids[(i + variant) % ids.length]) };
}
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function simulate(count, seconds, thinkMs) {
  const dir = mkdtempSync(join(tmpdir(), "certpath-candidates-"));
  const assets = readdirSync("dist/web/assets").filter((f) => /\.(js|css)$/.test(f));
  const entry = [...readFileSync("dist/web/index.html", "utf8").matchAll(/\/assets\/[^"]+/g)].map(
    (m) => m[0],
  );
  const examAssets = assets
    .filter((f) => /^(exam-attempt|feedback-panel|exam-types)/.test(f))
    .map((f) => `/assets/${f}`);
  const pageAssets = [...new Set([...entry, ...examAssets])];
  const { child, url } = await startServer(join(dir, "candidates.db"));
  const origin = { origin: url, "sec-fetch-site": "same-origin" };
  const times = {};
  const errors = {};
  const statuses = {};
  let lost = 0;
  let acknowledged = 0;
  let exams = 0;
  const timed = async (kind, method, path, body, headers = {}) => {
    const t = performance.now();
    let r;
    try {
      r = await request(url + path, method, body, headers);
    } catch {
      r = { status: 0, text: "" };
    }
    times[kind] ??= [];
    times[kind].push(performance.now() - t);
    if (r.status >= 400 || r.status === 0) {
      errors[kind] = (errors[kind] ?? 0) + 1;
      statuses[kind] ??= {};
      statuses[kind][r.status] = (statuses[kind][r.status] ?? 0) + 1;
    }
    return r;
  };
  const think = () => sleep(thinkMs * (0.5 + Math.random()));
  const until = performance.now() + seconds * 1000;
  const cpu0 = cpuSeconds(child.pid);
  const client0 = process.cpuUsage();

  const candidate = async (c) => {
    // Arrivals spread over the first quarter of the run, as people sit down over a few minutes.
    await sleep(Math.random() * seconds * 250);
    let cached = false;
    while (performance.now() < until) {
      await timed("page", "GET", "/exams/SAA-C03", undefined, BROWSER);
      if (!cached) {
        await Promise.all(pageAssets.map((a) => timed("asset", "GET", a, undefined, BROWSER)));
        cached = true; // immutable: the browser keeps them
      }
      await think();
      const started = await timed(
        "start",
        "POST",
        "/api/attempts",
        { exam: "SAA-C03", mode: "exam" },
        origin,
      );
      if (started.status !== 201) break;
      const attempt = JSON.parse(started.text);
      const acked = new Map();
      let finished = true;
      for (const [i, q] of attempt.questions.entries()) {
        if (performance.now() >= until) {
          finished = false; // the run ends mid-exam: leave it open, as a candidate who walks away
          break;
        }
        await think();
        const body = answerFor(q, c + i);
        const r = await timed("answer", "PUT", `/api/attempts/${attempt.id}/answers/${q.id}`, body, origin);
        if (r.status === 200) acked.set(q.id, body);
        if (i % 9 === 4) {
          await think();
          await timed(
            "flag",
            "PUT",
            `/api/attempts/${attempt.id}/answers/${q.id}`,
            { flagged: true },
            origin,
          );
        }
        if (i % 7 === 3) {
          await think();
          const changed = answerFor(q, c + i + 1);
          const r2 = await timed(
            "change",
            "PUT",
            `/api/attempts/${attempt.id}/answers/${q.id}`,
            changed,
            origin,
          );
          if (r2.status === 200) acked.set(q.id, changed);
        }
        if (i % 20 === 10) {
          await think();
          await timed("reload", "GET", `/attempts/${attempt.id}?q=${i + 1}`, undefined, BROWSER);
          await timed("attempt", "GET", `/api/attempts/${attempt.id}`);
        }
      }
      if (!finished) break;
      await think();
      const submitted = await timed(
        "submit",
        "POST",
        `/api/attempts/${attempt.id}/submit`,
        undefined,
        origin,
      );
      if (submitted.status !== 200) continue;
      exams++;
      await think();
      const review = await timed("review", "GET", `/api/attempts/${attempt.id}/review`);
      if (review.status === 200) {
        const byId = new Map(JSON.parse(review.text).questions.map((q) => [q.id, q.answer]));
        for (const [qid, body] of acked) {
          acknowledged++;
          const got = byId.get(qid);
          if (!got || !(body.pairs ? same(got.pairs, body.pairs) : same(got.selected, body.selected))) lost++;
        }
      }
      await think();
      await timed("history", "GET", "/api/attempts");
    }
  };

  try {
    await Promise.all(Array.from({ length: count }, (_, c) => candidate(c)));
    const serverCpu = cpuSeconds(child.pid) - cpu0;
    const client = process.cpuUsage(client0);
    const kinds = {};
    for (const [kind, xs] of Object.entries(times))
      kinds[kind] = {
        requests: xs.length,
        p50Ms: +percentile(xs, 50).toFixed(1),
        p95Ms: +percentile(xs, 95).toFixed(1),
        p99Ms: +percentile(xs, 99).toFixed(1),
        errors: errors[kind] ?? 0,
        ...(statuses[kind] ? { errorStatuses: statuses[kind] } : {}),
      };
    const all = Object.values(kinds);
    return {
      candidates: count,
      seconds,
      thinkMs,
      examsSubmitted: exams,
      requests: all.reduce((a, k) => a + k.requests, 0),
      requestsPerSecond: Math.round(all.reduce((a, k) => a + k.requests, 0) / seconds),
      kinds,
      serverCpuSeconds: +serverCpu.toFixed(2),
      serverCpuMsPerCandidate: +((serverCpu * 1000) / count).toFixed(1),
      serverCpuMsPerSubmittedExam: exams ? +((serverCpu * 1000) / exams).toFixed(1) : null,
      serverCpuShare: +(serverCpu / seconds).toFixed(2),
      clientCpuShare: +((client.user + client.system) / 1e6 / seconds).toFixed(2),
      memory: rssMb(child.pid),
      answers: { acknowledged, missingFromReview: lost },
      goal: { answerP99Ms: 50, everyKindP99Ms: 200 },
      withinGoal:
        lost === 0 &&
        (kinds.answer?.p99Ms ?? Infinity) <= 50 &&
        all.every((k) => k.p99Ms <= 200 && k.errors === 0),
    };
  } finally {
    child.kill("SIGTERM");
  }
}

export async function run() {
  const counts = (process.env.CANDIDATES ?? "200")
    .split(",")
    .map((n) => Math.min(2000, Math.max(1, Number(n) || 200)));
  const seconds = Math.min(300, Math.max(5, Number(process.env.CANDIDATES_SECONDS ?? 45)));
  const thinkMs = Math.max(50, Number(process.env.CANDIDATES_THINK_MS ?? 300));
  const out = [];
  for (const n of counts) out.push(await simulate(n, seconds, thinkMs));
  return { candidates: out };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
