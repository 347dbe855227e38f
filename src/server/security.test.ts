import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedContext } from "../test/fixtures.js";
import { createApp } from "./app.js";
import { defaultAllowedHosts } from "./security.js";
import { WEB_ROUTES } from "./web-routes.js";

let app: ReturnType<typeof createApp>;
let web: ReturnType<typeof createApp>;
const webRoot = mkdtempSync(join(tmpdir(), "certpath-web-"));
beforeAll(async () => {
  const ctx = await fixedContext();
  app = createApp(ctx, { allowedHosts: defaultAllowedHosts("127.0.0.1", ["certpath.example.org"]) });
  const { mkdirSync } = await import("node:fs");
  const { gzipSync, brotliCompressSync } = await import("node:zlib");
  mkdirSync(join(webRoot, "assets"));
  const js = "console.log('certpath');".repeat(200);
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><div id=root></div>");
  writeFileSync(join(webRoot, "assets", "index-abc123.js"), js);
  writeFileSync(join(webRoot, "assets", "index-abc123.js.br"), brotliCompressSync(js));
  writeFileSync(join(webRoot, "assets", "index-abc123.js.gz"), gzipSync(js));
  web = createApp(ctx, { webRoot });
});

const advice = JSON.stringify({ role: "developer", awsExperience: 1 });
const post = (a: typeof app, headers: Record<string, string>, body: string | undefined = advice) =>
  a.request("http://127.0.0.1:3000/api/advice", { method: "POST", headers, body });
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("cross-site requests cannot change state", () => {
  it("refuses a state change from another origin with 403 JSON", async () => {
    const res = await post(app, { "content-type": "application/json", origin: "http://evil.example" });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("request.cross_origin");
    const nullOrigin = await post(app, { "content-type": "application/json", origin: "null" });
    expect(nullOrigin.status).toBe(403);
  });

  it("refuses a state change a browser marks cross-site or same-site", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await post(app, { "content-type": "application/json", "sec-fetch-site": site });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("request.cross_site");
    }
  });

  it("accepts the app's own origin, and requests without Origin or Sec-Fetch-Site (CLI, curl)", async () => {
    const own = await post(app, {
      "content-type": "application/json",
      origin: "http://127.0.0.1:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(own.status).toBe(200);
    const curl = await post(app, { "content-type": "application/json" });
    expect(curl.status).toBe(200);
  });

  it("accepts only JSON bodies: a form or text/plain post gets 415", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const res = await post(app, { "content-type": type });
      expect(res.status).toBe(415);
      expect(await errorCode(res)).toBe("request.unsupported_media_type");
    }
    const none = await app.request("http://127.0.0.1/api/advice", { method: "POST", body: advice });
    expect([415, 400]).toContain(none.status);
  });
});

describe("DNS rebinding: foreign Host names get no data", () => {
  it("answers 421 with a JSON error and no data for a Host the server is not configured for", async () => {
    for (const path of ["/api/health", "/api/certifications", "/"]) {
      const res = await app.request(`http://127.0.0.1:3000${path}`, {
        headers: { host: "evil.example:3000" },
      });
      expect(res.status).toBe(421);
      const body = await res.text();
      expect(body).toContain("request.host_not_allowed");
      expect(body).not.toContain('certifications":');
    }
  });

  it("answers the loopback names, the bound address and --allowed-host names", async () => {
    for (const host of [
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      "certpath.example.org",
      "LOCALHOST",
    ]) {
      const res = await app.request("http://127.0.0.1:3000/api/health", { headers: { host } });
      expect(res.status, host).toBe(200);
    }
    expect(defaultAllowedHosts("10.1.2.3")).toContain("10.1.2.3");
    expect(defaultAllowedHosts("::1")).toContain("[::1]");
  });
});

describe("security headers on pages and API", () => {
  it("sends a strict CSP, nosniff, a referrer policy and COOP on the API and on pages", async () => {
    for (const res of [
      await app.request("/api/health"),
      await web.request("/catalog"),
      await web.request("/nope"),
    ]) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    }
  });
});

describe("the web app from memory", () => {
  it("serves hashed assets precompressed with immutable caching", async () => {
    const br = await web.request("/assets/index-abc123.js", {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toContain("immutable");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    const brBody = new Uint8Array(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(readFileSync(join(webRoot, "assets", "index-abc123.js")).length / 4);
    const gz = await web.request("/assets/index-abc123.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(new Uint8Array(await gz.arrayBuffer())).toString()).toContain("certpath");
    const plain = await web.request("/assets/index-abc123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain("console.log");
  });

  it("answers a missing asset with 404, never the app shell or an immutable header", async () => {
    for (const path of ["/assets/x.js", "/assets/index-abc123.css", "/favicon.ico"]) {
      const res = await web.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("cache-control") ?? "").not.toContain("immutable");
      expect(await res.text()).not.toContain("id=root");
    }
  });

  it("loads every route of the web app with 200 and no-cache, an unknown page with 404 and the app", async () => {
    const examples: Record<string, string> = { ":id": "SAA-C03", ":code": "CLF-C02" };
    for (const route of WEB_ROUTES) {
      const path = route.replace(/:[a-z]+/gi, (m) => examples[m] ?? "3f9c1e2a-0000-4000-8000-000000000000");
      const res = await web.request(`${path}?q=3`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("id=root");
    }
    const unknown = await web.request("/no/such/page");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("id=root");
  });

  it("answers other methods than GET and HEAD on pages with 405", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await web.request("/catalog", {
        method,
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
    }
    const head = await web.request("/catalog", { method: "HEAD" });
    expect(head.status).toBe(200);
  });

  it("keeps the server's list of pages equal to the web app's routes", () => {
    const source = readFileSync(join(import.meta.dirname, "../../web/src/app.tsx"), "utf8");
    const routes = [...source.matchAll(/<Route path="([^"*]+)"/g)].map((m) => m[1]);
    expect([...WEB_ROUTES].sort()).toEqual(routes.sort());
  });
});
