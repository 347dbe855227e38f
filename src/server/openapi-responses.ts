import type { OpenAPIHono } from "@hono/zod-openapi";
import { isPublicApiRoute, SESSION_COOKIE } from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";

// Every route declares every status it can return, as explicit codes. The statuses that come from
// the shared machinery rather than from a handler (input validation, body size, unknown ids, the
// one error handler) are added here to every route that can meet them, so that routes added later
// are covered too.

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

/** Adds the statuses that the shared middleware and error handler can give each registered route. */
export function declareCommonResponses(app: OpenAPIHono): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The session cookie set by POST /api/session. Needed by every route but the public ones once accounts exist; a server without accounts (single-user mode) needs none.",
  });
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    const route = def.route;
    const responses = route.responses as Record<string, unknown>;
    const add = (status: number, description: string) => {
      if (!responses[String(status)]) responses[String(status)] = error(description);
    };
    const request = route.request ?? {};
    const changes = route.method !== "get" && route.method !== "head";
    // The request guard (security.ts): a Host the server is not configured for; a state change sent
    // by another site; a body that is not JSON.
    add(421, "request.host_not_allowed: the Host is not one this server answers for (DNS-rebinding guard)");
    if (changes)
      add(403, "request.cross_site or request.cross_origin: changes come only from certpath's own pages");
    if (changes && request.body)
      add(415, "request.unsupported_media_type: send the body as application/json");
    if (request.params || request.query || request.body)
      add(400, "Invalid input: `error.field` names it (`*.invalid_input`, `request.invalid_json`)");
    if (request.body) add(413, "request.too_large: the body is over 64 KB");
    if (request.params) add(404, "Nothing has this id (`*.not_found`, with suggestions where they help)");
    // Accounts: with at least one account, every route but the public ones needs a session.
    if (!isPublicApiRoute(route.method.toUpperCase(), route.path)) {
      route.security = [{ session: [] }];
      add(401, "auth.required: this server has accounts and the request has no valid session");
    } else route.security = [];
    add(500, "server.internal: an unexpected error, logged on the server (never a stack trace)");
  }
}
