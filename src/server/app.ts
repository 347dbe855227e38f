import { existsSync } from "node:fs";
import { join } from "node:path";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppContext, ExamContext } from "../compose.js";
import { registerAccountRoutes } from "./account-routes.js";
import { actorMiddleware } from "./actor-middleware.js";
import { registerAdviceRoutes } from "./advice-routes.js";
import { registerAttemptRoutes } from "./attempt-routes.js";
import { registerCatalogRoutes } from "./catalog-routes.js";
import { errorResponse, handleError, validationResponse } from "./errors.js";
import { registerItemRoutes } from "./item-routes.js";
import { registerLearningRoutes } from "./learning-routes.js";
import { nodeJsonBody } from "./node-json-body.js";
import { declareCommonResponses } from "./openapi-responses.js";
import { LOOPBACK_HOSTS, requestGuard, securityHeaders } from "./security.js";
import { registerWebApp } from "./static-files.js";
import { registerTeamRoutes } from "./team-routes.js";

const healthRoute = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["meta"],
  summary: "Liveness: the server answers",
  responses: {
    200: {
      description: "The server is up",
      content: {
        "application/json": { schema: z.object({ status: z.literal("ok"), version: z.string() }) },
      },
    },
  },
});

export interface AppOptions {
  /** Folder of the built web app; when absent only the API is served. */
  webRoot?: string | undefined;
  version?: string | undefined;
  /** Practice exams (attempts); without it only the catalog and advisor are served. */
  exam?: ExamContext | undefined;
  /** Host names the server answers to (DNS-rebinding guard); default: the loopback names. */
  allowedHosts?: readonly string[] | undefined;
  /** A server reachable from the network: never the local learner, every non-public route needs a session. */
  requireAccounts?: boolean | undefined;
  /** Behind a reverse proxy: the sign-in limiter counts the X-Forwarded-For client, not the proxy. */
  trustProxy?: boolean | undefined;
}

/** The HTTP face: JSON API under /api, OpenAPI at /api/openapi.json, the web app at /. */
export function createApp(ctx: AppContext, options: AppOptions = {}) {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error);
    },
  });
  app.onError(handleError);
  app.use("*", securityHeaders, requestGuard(options.allowedHosts ?? LOOPBACK_HOSTS));
  const maxBody = 64 * 1024;
  const limit = bodyLimit({
    maxSize: maxBody,
    onError: (c) => errorResponse(c, 413, "request.too_large", "The request body is larger than 64 KB."),
  });
  const readBody = nodeJsonBody(maxBody, limit);
  app.use("/api/*", (c, next) => {
    // Set before the handler builds its response: changing headers afterwards makes Hono copy it.
    c.header("Cache-Control", "no-store");
    return readBody(c, next);
  });
  // Who the request acts for (session or local learner); anonymous → 401 outside the public routes.
  if (options.exam)
    app.use(
      "/api/*",
      actorMiddleware(options.exam.accounts, { requireAccounts: options.requireAccounts ?? false }),
    );

  app.openapi(healthRoute, (c) =>
    c.json({ status: "ok" as const, version: options.version ?? "0.1.0" }, 200),
  );
  registerCatalogRoutes(app, ctx);
  registerAdviceRoutes(app, ctx);
  if (options.exam) {
    registerAccountRoutes(app, options.exam, { trustProxy: options.trustProxy ?? false });
    registerAttemptRoutes(app, options.exam);
    registerLearningRoutes(app, options.exam);
    registerItemRoutes(app, options.exam);
    registerTeamRoutes(app, options.exam.teams);
  }
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/api/openapi.json",
    tags: ["meta"],
    summary: "This OpenAPI 3.1 document",
    responses: {
      200: {
        description: "The OpenAPI document",
        content: { "application/json": { schema: z.object({ openapi: z.string() }).passthrough() } },
      },
    },
  });
  declareCommonResponses(app);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "certpath API",
      version: options.version ?? "0.1.0",
      description: "Catalog, advisor and practice exams for AWS certifications.",
    },
  });
  app.all("/api/*", (c) =>
    errorResponse(
      c,
      404,
      "api.not_found",
      `No API route ${c.req.method} ${c.req.path}. See /api/openapi.json.`,
    ),
  );

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, "index.html"))) registerWebApp(app, webRoot);
  else {
    app.get("/", (c) => c.text("certpath API is running. The web app is not built: run `npm run build`.\n"));
  }
  return app;
}
