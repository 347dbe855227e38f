import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppContext } from "../compose.js";
import { getCertification, listCertifications } from "../core/catalog/catalog.js";
import { describeCertification, summarizeCertification } from "../core/catalog/catalog-view.js";
import {
  catalogQuerySchema,
  certificationDetailSchema,
  certificationSummarySchema,
  errorSchema,
} from "./api-schemas.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

const listRoute = createRoute({
  method: "get",
  path: "/api/certifications",
  tags: ["catalog"],
  summary: "List certifications (current and retired) as of a date",
  request: { query: catalogQuerySchema },
  responses: {
    200: json(
      z.object({ certifications: z.array(certificationSummarySchema) }),
      "Certifications in tier order",
    ),
    400: json(errorSchema, "Invalid filter"),
  },
});

const showRoute = createRoute({
  method: "get",
  path: "/api/certifications/{id}",
  tags: ["catalog"],
  summary: "One certification by exam code (any version), slug, alias or name",
  request: {
    params: z.object({ id: z.string().min(1).max(200).openapi({ example: "sysops" }) }),
    query: z.object({ on: catalogQuerySchema.shape.on }),
  },
  responses: {
    200: json(certificationDetailSchema, "The certification with every exam version"),
    404: json(errorSchema, "catalog.not_found, with suggestions"),
  },
});

export function registerCatalogRoutes(app: OpenAPIHono, ctx: AppContext) {
  app.openapi(listRoute, (c) => {
    const q = c.req.valid("query");
    const on = q.on ?? ctx.today();
    const certs = listCertifications(ctx.catalog, { ...q, on }).map((x) =>
      summarizeCertification(ctx.catalog, x, on),
    );
    return c.json({ certifications: certs }, 200);
  });
  app.openapi(showRoute, (c) => {
    const { id } = c.req.valid("param");
    const on = c.req.valid("query").on ?? ctx.today();
    const match = getCertification(ctx.catalog, id);
    const detail = describeCertification(ctx.catalog, match.certification, on);
    return c.json(match.note ? { ...detail, matchNote: match.note } : detail, 200);
  });
}
