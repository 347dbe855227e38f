import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { AppContext, ExamContext } from "../compose.js";
import { registerAdviceRoutes } from "./advice-routes.js";
import { registerAttemptRoutes } from "./attempt-routes.js";
import { registerCatalogRoutes } from "./catalog-routes.js";
import { errorResponse, handleError, validationResponse } from "./errors.js";
import { registerLearningRoutes } from "./learning-routes.js";
import { nodeJsonBody } from "./node-json-body.js";

export interface AppOptions {
  /** Folder of the built web app; when absent only the API is served. */
  webRoot?: string | undefined;
  version?: string | undefined;
  /** Practice exams (attempts); without it only the catalog and advisor are served. */
  exam?: ExamContext | undefined;
}

/** The HTTP face: JSON API under /api, OpenAPI at /api/openapi.json, the web app at /. */
export function createApp(ctx: AppContext, options: AppOptions = {}) {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.error);
    },
  });
  app.onError(handleError);
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

  app.get("/api/health", (c) => c.json({ status: "ok", version: options.version ?? "0.1.0" }));
  registerCatalogRoutes(app, ctx);
  registerAdviceRoutes(app, ctx);
  if (options.exam) {
    registerAttemptRoutes(app, options.exam);
    registerLearningRoutes(app, options.exam);
  }
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
  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    const indexHtml = readFileSync(join(webRoot, "index.html"), "utf8");
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("/*", serveStatic({ root: webRoot }));
    // Client-side routes (/catalog, /advisor, …) load the app shell.
    app.get("*", (c) => c.html(indexHtml));
  } else {
    app.get("/", (c) => c.text("certpath API is running. The web app is not built: run `npm run build`.\n"));
  }
  return app;
}
