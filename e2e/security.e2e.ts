import { readdirSync } from "node:fs";
import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../scripts/chromium.mjs";
import { api, type Served, startServer, watchCsp } from "./harness.js";

/** A raw GET (no automatic decompression, any Host header), for what the server really sends. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: number; body: string }>(
    (resolve, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const all = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: all.length,
            body: all.toString(),
          });
        });
      }).on("error", reject);
    },
  );
}

// A certpath server, a page on another origin (another host name: localhost vs 127.0.0.1), and Chromium.
let served: Served;
let browser: Browser;
let foreign: Server;
let foreignUrl = "";
let foreignPage = "";

beforeAll(async () => {
  served = await startServer();
  browser = await launchChromium({ extraArgs: ["--host-resolver-rules=MAP evil.example 127.0.0.1"] });
  foreign = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(foreignPage);
  });
  await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
  foreignUrl = `http://localhost:${(foreign.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  foreign?.close();
});

const history = async () => (await api(served.url, "GET", "/api/attempts")).body.attempts as { id: string }[];

describe("another web site cannot act as the learner", () => {
  it("a cross-site HTML form post (enctype text/plain) neither starts nor submits an attempt", async () => {
    const mine = await api(served.url, "POST", "/api/attempts", { exam: "CLF-C02", mode: "exam" });
    expect(mine.status).toBe(201);
    const before = await history();
    // The classic trick: a text/plain form whose field name and value concatenate into valid JSON.
    foreignPage = `<!doctype html><body>
      <form id="start" method="POST" enctype="text/plain" action="${served.url}/api/attempts" target="f1">
        <input name='{"exam":"CLF-C02","seed":"' value='"}'></form>
      <form id="submit" method="POST" enctype="text/plain" action="${served.url}/api/attempts/${mine.body.id}/submit" target="f2">
        <input name='{"a":"' value='"}'></form>
      <iframe name="f1"></iframe><iframe name="f2"></iframe>
      <script>document.getElementById("start").submit(); document.getElementById("submit").submit();</script>`;
    const page = await browser.newPage();
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(served.url)) statuses.push(r.status());
    });
    await page.goto(foreignUrl);
    await expect.poll(() => statuses.length, { timeout: 10_000 }).toBe(2);
    expect(statuses).toEqual([403, 403]);
    await page.close();
    expect(await history()).toHaveLength(before.length);
    const still = await api(served.url, "GET", `/api/attempts/${mine.body.id}`);
    expect(still.body.status).toBe("in-progress");
  });

  it("a fetch from a foreign origin cannot change state (403 JSON), with or without CORS tricks", async () => {
    const before = await history();
    foreignPage = "<!doctype html><title>elsewhere</title>";
    const page = await browser.newPage();
    await page.goto(foreignUrl);
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(served.url)) statuses.push(r.status());
    });
    const outcome = await page.evaluate(async (target) => {
      const results: string[] = [];
      for (const init of [
        { mode: "no-cors", headers: { "content-type": "text/plain" } },
        { mode: "cors", headers: { "content-type": "application/json" } },
      ] as RequestInit[]) {
        try {
          const r = await fetch(`${target}/api/attempts`, {
            ...init,
            method: "POST",
            body: JSON.stringify({ exam: "CLF-C02" }),
          });
          results.push(`${r.type}:${r.status}`);
        } catch (e) {
          results.push(`refused:${(e as Error).name}`);
        }
      }
      return results;
    }, served.url);
    // The simple request reaches the server (which refuses it); the JSON one dies at the CORS preflight.
    expect(outcome[0]).toMatch(/^(opaque:0|refused)/);
    expect(outcome[1]).toMatch(/^refused/);
    expect(statuses.every((s) => s === 403 || s === 404)).toBe(true);
    await page.close();
    expect(await history()).toHaveLength(before.length);
    // The server's own answer to such a request, as the browser sent it:
    const res = await fetch(`${served.url}/api/attempts`, {
      method: "POST",
      headers: { origin: foreignUrl, "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      body: JSON.stringify({ exam: "CLF-C02" }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^request\.cross_/);
  });

  it("a request without Origin or Sec-Fetch-Site (the CLI, curl) still changes state", async () => {
    const res = await fetch(`${served.url}/api/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ exam: "CLF-C02", mode: "practice", count: 3 }),
    });
    expect(res.status).toBe(201);
  });

  it("DNS rebinding: a page at a foreign host name that resolves to 127.0.0.1 gets no data", async () => {
    const port = new URL(served.url).port;
    const page = await browser.newPage();
    const response = await page.goto(`http://evil.example:${port}/history`);
    expect(response?.status()).toBe(421);
    const text = await page.content();
    expect(text).toContain("request.host_not_allowed");
    const read = await page.evaluate(async () => {
      const r = await fetch("/api/attempts");
      return { status: r.status, body: await r.text() };
    });
    expect(read.status).toBe(421);
    expect(read.body).not.toContain('"attempts"');
    const start = await page.evaluate(async () => {
      const r = await fetch("/api/attempts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exam: "CLF-C02" }),
      });
      return r.status;
    });
    expect(start).toBe(421);
    await page.close();
  });

  it("pages carry a CSP that refuses framing, and the app runs under it without a blocked script or style", async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    watchCsp(page, blocked);
    const res = await page.goto(`${served.url}/catalog`);
    const headers = res?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.goto(`${served.url}/exams/CLF-C02`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(blocked).toEqual([]);
    // A foreign page that frames certpath gets an empty frame.
    foreignPage = `<!doctype html><iframe id="f" src="${served.url}/catalog"></iframe>`;
    await page.goto(foreignUrl);
    await page.waitForTimeout(500);
    const framed = page.frames().find((f) => f.url().startsWith(served.url));
    const framedText = framed
      ? await framed.evaluate(() => document.body?.textContent ?? "").catch(() => "")
      : "";
    expect(framedText).not.toContain("Catalog");
    await page.close();
  });
});

describe("the built server", () => {
  it("sends the hashed entry script brotli-compressed with immutable caching, and 404s a missing one", async () => {
    const entry = readdirSync("dist/web/assets").find((f) => /^index-.*\.js$/.test(f));
    const plain = await rawGet(`${served.url}/assets/${entry}`, {});
    const br = await rawGet(`${served.url}/assets/${entry}`, { "accept-encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.bytes).toBeLessThan(plain.bytes / 2.5);
    const gz = await rawGet(`${served.url}/assets/${entry}`, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    const missing = await rawGet(`${served.url}/assets/x.js`, { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
    expect(String(missing.headers["cache-control"])).not.toContain("immutable");
    const page = await rawGet(`${served.url}/attempts/abc?q=3`, {});
    expect(page.status).toBe(200);
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it("answers names given with CERTPATH_ALLOWED_HOSTS (a proxy's name) and still refuses others", async () => {
    const proxied = await startServer({ CERTPATH_ALLOWED_HOSTS: "certpath.example.org, learn.example.com" });
    try {
      const ok = await rawGet(`${proxied.url}/api/health`, { host: "certpath.example.org" });
      expect(ok.status).toBe(200);
      const other = await rawGet(`${proxied.url}/api/health`, { host: "evil.example" });
      expect(other.status).toBe(421);
      expect(other.body).not.toContain('"status":"ok"');
    } finally {
      await proxied.stop();
    }
  });
});
