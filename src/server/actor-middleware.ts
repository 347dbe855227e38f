import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountService } from "../app/account-service.js";
import { SESSION_DAYS } from "../app/account-service.js";
import { type Action, type Actor, authorize } from "../app/policy.js";
import { UnauthorizedError } from "../core/errors.js";

declare module "hono" {
  interface ContextVariableMap {
    actor: Actor;
  }
}

export const SESSION_COOKIE = "certpath_session";

/**
 * The API routes anyone may call, signed in or not (OpenAPI paths): health, sign-in, this document, the
 * public catalog and advisor, and the invitation links. Every other route needs a session once
 * accounts exist.
 */
export const PUBLIC_API_ROUTES: readonly string[] = [
  "GET /api/health",
  "GET /api/openapi.json",
  "POST /api/session",
  "GET /api/certifications",
  "GET /api/certifications/{id}",
  "GET /api/advisor/vocabulary",
  "POST /api/advice",
  "GET /api/invitations/{token}",
  "POST /api/invitations/{token}/accept",
];

const publicPatterns = PUBLIC_API_ROUTES.map((r) => {
  const [method, path] = r.split(" ") as [string, string];
  return { method, re: new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`) };
});

/** Whether a request (method and path) is for a public API route. */
export function isPublicApiRoute(method: string, path: string): boolean {
  const m = method === "HEAD" ? "GET" : method;
  return publicPatterns.some((p) => p.method === m && p.re.test(path));
}

/**
 * Resolves who the request acts for and sets `c.var.actor`: the session's user, or the local learner
 * when the database has no account. Anonymous requests for anything but the public routes get 401
 * `auth.required`. Nothing is kept in the process: every server reads the same session rows. With
 * `requireAccounts` (a server reachable from the network) there is no local learner, even if every
 * account is removed while it runs.
 */
export function actorMiddleware(
  accounts: AccountService,
  options: { requireAccounts?: boolean } = {},
): MiddlewareHandler {
  const allowLocal = !options.requireAccounts;
  return async (c, next) => {
    if (isPublicApiRoute(c.req.method, c.req.path)) return next();
    const actor = await accounts.resolve(getCookie(c, SESSION_COOKIE), { allowLocal });
    if (!actor) throw signInFirst();
    c.set("actor", actor);
    return next();
  };
}

function signInFirst() {
  return new UnauthorizedError(
    "auth.required",
    "Sign in first: this server has accounts (POST /api/session with your email and password).",
  );
}

/** The request's actor (set by the middleware), allowed to do `action` (a policy action about itself). */
export function actorOf(c: Context, action?: Action): Actor {
  const actor = c.get("actor") as Actor | undefined;
  if (!actor) throw signInFirst();
  if (action) authorize(actor, action);
  return actor;
}

/** The session token the request carries, if any. */
export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE);

/** Whether the browser reached the server over HTTPS (directly or through a proxy that says so). */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The one session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c) });
}

/**
 * The client's address, for the sign-in limiter: the socket's peer ("unknown" in process). Behind a
 * reverse proxy (`trustProxy`), the address the proxy appended to X-Forwarded-For, since every request
 * would otherwise share the proxy's address.
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
