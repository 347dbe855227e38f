import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppContext } from "../compose.js";
import { advise } from "../core/advisor/advisor.js";
import { resolveProfile } from "../core/advisor/profile.js";
import { adviceRequestSchema, adviceResponseSchema, errorSchema } from "./api-schemas.js";

const adviceRoute = createRoute({
  method: "post",
  path: "/api/advice",
  tags: ["advisor"],
  summary: "Ranked certification paths for a profile, with reasons and warnings",
  request: { body: { content: { "application/json": { schema: adviceRequestSchema } }, required: true } },
  responses: {
    200: {
      content: { "application/json": { schema: adviceResponseSchema } },
      description: "Up to three ranked paths",
    },
    400: {
      content: { "application/json": { schema: errorSchema } },
      description: "Invalid profile: the field and the allowed values",
    },
    404: {
      content: { "application/json": { schema: errorSchema } },
      description: "An unknown certification in held or want",
    },
  },
});

export function registerAdviceRoutes(app: OpenAPIHono, ctx: AppContext) {
  app.openapi(adviceRoute, (c) => {
    const { today, ...input } = c.req.valid("json");
    const profile = resolveProfile(ctx.catalog, ctx.rules, input);
    return c.json(advise(ctx.catalog, ctx.rules, profile, today ?? ctx.today()), 200);
  });
}
