import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppContext } from "../compose.js";
import { advise } from "../core/advisor/advisor.js";
import { resolveProfile } from "../core/advisor/profile.js";
import { listCertifications } from "../core/catalog/catalog.js";
import { summarizeCertification } from "../core/catalog/catalog-view.js";
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
    413: {
      content: { "application/json": { schema: errorSchema } },
      description: "request.too_large: the body is over 64 KB",
    },
  },
});

const vocabularyRoute = createRoute({
  method: "get",
  path: "/api/advisor/vocabulary",
  tags: ["advisor"],
  summary: "The words the advisor understands: roles and directions, AWS services, certifications",
  responses: {
    200: {
      content: {
        "application/json": {
          schema: z.object({
            roles: z.array(z.object({ id: z.string(), label: z.string(), synonyms: z.array(z.string()) })),
            services: z.array(z.object({ slug: z.string(), name: z.string(), aliases: z.array(z.string()) })),
            certifications: z.array(
              z.object({ code: z.string(), shortName: z.string(), level: z.string(), status: z.string() }),
            ),
          }),
        },
      },
      description: "Vocabulary for building a profile",
    },
  },
});

export function registerAdviceRoutes(app: OpenAPIHono, ctx: AppContext) {
  app.openapi(vocabularyRoute, (c) => {
    const on = ctx.today();
    return c.json(
      {
        roles: ctx.rules.roles.map((r) => ({ id: r.id, label: r.label, synonyms: r.synonyms })),
        services: ctx.catalog.services.map((s) => ({ slug: s.slug, name: s.name, aliases: s.aliases })),
        certifications: listCertifications(ctx.catalog, { on }).map((x) => {
          const s = summarizeCertification(ctx.catalog, x, on);
          return { code: s.code, shortName: s.shortName, level: s.level, status: s.status };
        }),
      },
      200,
    );
  });
  app.openapi(adviceRoute, (c) => {
    const { today, ...input } = c.req.valid("json");
    const profile = resolveProfile(ctx.catalog, ctx.rules, input);
    return c.json(advise(ctx.catalog, ctx.rules, profile, today ?? ctx.today()), 200);
  });
}
