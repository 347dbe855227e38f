import type { IncomingMessage } from "node:http";
import type { MiddlewareHandler } from "hono";
import { errorResponse } from "./errors.js";

/**
 * Reads JSON bodies straight from Node's request stream. Under load, @hono/node-server's WHATWG
 * Request/ReadableStream adapter costs more than the whole answer save; reading the stream directly
 * and handing Hono the text (its body cache) keeps parsing and validation unchanged. Requests that did
 * not come through Node's HTTP server (tests' `app.request`), or that are not JSON, go to `otherwise`
 * (Hono's body limit) instead.
 */
export function nodeJsonBody(maxBytes: number, otherwise: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (!incoming || !/json/i.test(c.req.header("content-type") ?? "")) return otherwise(c, next);
    if (Number(incoming.headers["content-length"] ?? 0) > maxBytes) return tooLarge(c, maxBytes);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return tooLarge(c, maxBytes);
      chunks.push(chunk);
    }
    // Hono's json() parses its cached text, so a malformed body still gets the validator's 400.
    if (size > 0)
      (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(
        Buffer.concat(chunks).toString("utf8"),
      );
    return next();
  };
}

function tooLarge(c: Parameters<MiddlewareHandler>[0], maxBytes: number) {
  c.header("Connection", "close");
  return errorResponse(
    c,
    413,
    "request.too_large",
    `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`,
  );
}
