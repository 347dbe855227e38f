import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { errorResponse } from "./errors.js";
import { isWebRoute } from "./web-routes.js";

type Bytes = Uint8Array<ArrayBuffer>;

interface StaticFile {
  type: string;
  identity: Bytes;
  br?: Bytes | undefined;
  gzip?: Bytes | undefined;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Reads the built web app into memory once, with the brotli and gzip copies the build made. */
export function readWebRoot(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const optional = (p: string) => (existsSync(p) ? new Uint8Array(readFileSync(p)) : undefined);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith(".br") && !name.endsWith(".gz"))
        files.set(`/${relative(root, path).split("\\").join("/")}`, {
          type: TYPES[extname(name)] ?? "application/octet-stream",
          identity: new Uint8Array(readFileSync(path)),
          br: optional(`${path}.br`),
          gzip: optional(`${path}.gz`),
        });
    }
  };
  walk(root);
  return files;
}

function send(c: Context, file: StaticFile, status: 200 | 404, cacheControl: string) {
  const accept = c.req.header("accept-encoding") ?? "";
  const headers: Record<string, string> = {
    "Content-Type": file.type,
    "Cache-Control": cacheControl,
    Vary: "Accept-Encoding",
  };
  let body = file.identity;
  if (file.br && /\bbr\b/.test(accept)) {
    body = file.br;
    headers["Content-Encoding"] = "br";
  } else if (file.gzip && /\bgzip\b/.test(accept)) {
    body = file.gzip;
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = String(body.byteLength);
  return c.req.method === "HEAD" ? c.body(null, status, headers) : c.body(body, status, headers);
}

/**
 * Serves the built web app from memory: hashed assets with a year of immutable caching, the app shell
 * with no-cache for every page of the app (200) and for any other path (404, the app shows its
 * not-found page); a missing asset is a plain 404; other methods than GET/HEAD on pages get 405.
 */
export function registerWebApp(app: OpenAPIHono, root: string) {
  const files = readWebRoot(root);
  const shell = files.get("/index.html");
  if (!shell) throw new Error(`certpath: ${root} has no index.html: run npm run build`);
  app.all("*", (c) => {
    const path = c.req.path;
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      c.header("Allow", "GET, HEAD");
      return errorResponse(
        c,
        405,
        "request.method_not_allowed",
        `${c.req.method} is not allowed on pages: use GET.`,
      );
    }
    const file = path === "/index.html" ? undefined : files.get(path);
    if (file)
      return send(
        c,
        file,
        200,
        path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    if (path.startsWith("/assets/") || extname(path) in TYPES)
      return c.text(`Not found: ${path.slice(0, 200)}\n`, 404, { "Cache-Control": "no-store" });
    return send(c, shell, isWebRoute(path) ? 200 : 404, "no-cache");
  });
}
