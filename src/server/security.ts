import { networkInterfaces } from "node:os";
import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { errorResponse } from "./errors.js";

/** Host names every server answers to: the loopback names. */
export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

/**
 * The host names a server bound to `bindHost` answers to by default: the loopback names and the bound
 * address; a wildcard bind (0.0.0.0, ::) adds this machine's interface addresses. `extra` comes from
 * `--allowed-host` / CERTPATH_ALLOWED_HOSTS (the names a proxy or a network uses to reach the server).
 */
export function defaultAllowedHosts(bindHost: string, extra: readonly string[] = []): string[] {
  const out = new Set<string>([...LOOPBACK_HOSTS]);
  const add = (h: string) => out.add(hostKey(h.includes(":") && !h.startsWith("[") ? `[${h}]` : h));
  if (bindHost === "0.0.0.0" || bindHost === "::" || bindHost === "[::]") {
    for (const list of Object.values(networkInterfaces()))
      for (const i of list ?? []) add(i.address.replace(/%.*$/, ""));
  } else add(bindHost);
  for (const h of extra) add(h.trim());
  return [...out];
}

/** The host name of a Host header value, lower-cased, without the port ("[::1]:3000" → "[::1]"). */
export function hostKey(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.indexOf(":");
  return (colon >= 0 ? h.slice(0, colon) : h).replace(/\.$/, "");
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The deliberate exception to "JSON only": file uploads of the import page (POST, multipart/form-data).
 * An HTML form on another site can send multipart too, so these must PROVE they come from certpath's
 * own pages: an Origin naming this server, or Sec-Fetch-Site: same-origin. A request with neither is
 * refused (a script can send an Origin header; the CLI has `certpath bank import`).
 */
export const MULTIPART_PATHS: ReadonlySet<string> = new Set(["/api/author/imports"]);

/**
 * Refuses what a foreign web page could make a browser send: a request for a Host the server is not
 * configured for (DNS rebinding) gets 421; a state change whose Origin is not the server's own, or whose
 * Sec-Fetch-Site says another site sent it, gets 403; a body that is not JSON gets 415 (an HTML form can
 * only send form or text/plain bodies). Requests without Origin and Sec-Fetch-Site (the CLI, curl,
 * scripts) are not browsers acting for someone else and pass.
 */
export function requestGuard(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map(hostKey));
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!allowed.has(hostKey(host)))
      return errorResponse(
        c,
        421,
        "request.host_not_allowed",
        `This server does not answer for the host name "${hostKey(host).slice(0, 100)}". If you reach it through a proxy or another name, start it with --allowed-host ${hostKey(host).slice(0, 100)} (or CERTPATH_ALLOWED_HOSTS).`,
      );
    if (!STATE_CHANGING.has(c.req.method)) return next();
    const site = c.req.header("sec-fetch-site");
    if (site === "cross-site" || site === "same-site")
      return errorResponse(
        c,
        403,
        "request.cross_site",
        "Changes are accepted only from certpath's own pages.",
      );
    const origin = c.req.header("origin");
    if (origin !== undefined && !sameHost(origin, host))
      return errorResponse(
        c,
        403,
        "request.cross_origin",
        "Changes are accepted only from certpath's own pages (the Origin header names another site).",
      );
    const type = c.req.header("content-type") ?? "";
    if (
      c.req.method === "POST" &&
      MULTIPART_PATHS.has(c.req.path) &&
      /^multipart\/form-data\s*;/i.test(type)
    ) {
      if (origin === undefined && site !== "same-origin")
        return errorResponse(
          c,
          403,
          "request.origin_required",
          "File uploads are accepted only from certpath's own pages: a script must send an Origin header naming this server (or use certpath bank import).",
        );
      return next();
    }
    if (hasBody(c)) {
      if (!/^application\/json\s*(;|$)/i.test(type))
        return errorResponse(
          c,
          415,
          "request.unsupported_media_type",
          "Send the request body as JSON with Content-Type: application/json.",
        );
    }
    return next();
  };
}

function sameHost(origin: string, host: string): boolean {
  const at = origin.indexOf("://");
  return at > 0 && origin.slice(at + 3).toLowerCase() === host.toLowerCase();
}

function hasBody(c: Context): boolean {
  const length = c.req.header("content-length");
  if ((length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined)
    return true;
  // Requests made in-process (tests' app.request) carry no length header; Node's always do when they have a body.
  return !(c.env as { incoming?: unknown } | undefined)?.incoming && c.req.raw.body !== null;
}

/**
 * Security headers on every response, pages and API alike: a strict CSP (scripts and styles only from
 * the server itself, no inline script, never framed), nosniff, no referrer, a same-origin opener policy.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  crossOriginOpenerPolicy: "same-origin",
  crossOriginResourcePolicy: "same-origin",
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
  strictTransportSecurity: false,
});
