import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../scripts/chromium.mjs";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, "..");

export interface Served {
  url: string;
  process: ChildProcess;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the built server (`dist/`) on a free port with its own database folder. */
export async function startServer(
  extraEnv: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), "certpath-e2e-")),
): Promise<Served> {
  const child = spawn("node", [join(root, "dist", "cli", "main.js"), "serve", "--port", "0"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: join(dataDir, "certpath.db"), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving on (http:\/\/\S+?:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    process: child,
    dataDir,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * A server whose question bank holds only these exams (a copy of content/ with the other banks left
 * out), for what a learner sees of an exam that has no bank, whichever banks are shipped.
 */
export function startServerWithBanks(exams: string[]): Promise<Served> {
  const content = mkdtempSync(join(tmpdir(), "certpath-content-"));
  const questions = join(root, "content", "questions");
  cpSync(join(root, "content"), content, {
    recursive: true,
    filter: (src) =>
      !src.startsWith(`${questions}/`) || exams.some((e) => src.startsWith(join(questions, e))),
  });
  return startServer({ CERTPATH_CONTENT: content });
}

/** Debian's Chromium, driven by playwright-core (no downloaded browser). */
export const launchBrowser = launchChromium;

/** One built server and one browser for a test file, started before its tests and stopped after. */
export function browserSession() {
  let server: Served | undefined;
  let browser: Browser | undefined;
  // Every page runs under the server's Content-Security-Policy: anything it blocks fails the file.
  const blocked: string[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (blocked.length > 0) throw new Error(`The CSP blocked:\n${blocked.join("\n")}`);
  });
  return {
    /** A new page at `path` (relative to the server). */
    async open(path: string, viewport = DESKTOP): Promise<Page> {
      if (!browser || !server) throw new Error("browserSession() is not started");
      const page = await browser.newPage({ viewport });
      watchCsp(page, blocked);
      await page.goto(server.url + path);
      return page;
    },
    get url(): string {
      if (!server) throw new Error("browserSession() is not started");
      return server.url;
    },
  };
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Collects what the page's Content-Security-Policy blocks (console reports and violation events). */
export function watchCsp(page: Page, into: string[]): void {
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text()))
      into.push(`${page.url()}: ${m.text()}`);
  });
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical axe-core violations on the current page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>.
  await page.evaluate(`${axeSource}\n;window.axe = axe;`);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Calls the API of a running server with a JSON body and returns the status and the parsed JSON. */
export async function api(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of the API under test
    body: (text ? JSON.parse(text) : {}) as Record<string, any>,
    headers: res.headers,
  };
}

/** A question as the API shows it in an attempt (opaque ids). */
export interface ShownQuestion {
  id: string;
  type: string;
  options: { id: string }[];
  select?: number;
  prompts?: { id: string }[];
}

/** A complete answer of the first options (right or wrong by chance), in the attempt's ids. */
export function firstOptionsAnswer(q: ShownQuestion) {
  return q.type === "matching"
    ? { pairs: (q.prompts ?? []).map((p, i) => [p.id, q.options[i % q.options.length]?.id]) }
    : q.type === "ordering"
      ? { selected: q.options.map((o) => o.id) }
      : { selected: q.options.slice(0, q.select ?? 1).map((o) => o.id) };
}

/** A practice attempt through the API (as `headers`' session, if any): every question answered with its first options, then submitted. */
export async function practise(
  base: string,
  exam: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const call = (method: string, path: string, body?: unknown) => api(base, method, path, body, headers);
  const started = await call("POST", "/api/attempts", { exam, mode: "practice", count });
  if (started.status !== 201)
    throw new Error(`start ${exam}: ${started.status} ${JSON.stringify(started.body)}`);
  for (const q of started.body.questions as ShownQuestion[]) {
    const answer = firstOptionsAnswer(q);
    const saved = await call("PUT", `/api/attempts/${started.body.id}/answers/${q.id}`, answer);
    if (saved.status !== 200) throw new Error(`answer ${q.id}: ${saved.status}`);
  }
  const submitted = await call("POST", `/api/attempts/${started.body.id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status}`);
}
