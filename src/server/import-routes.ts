import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { UPLOAD_LIMITS } from "../app/import-service.js";
import type { AuthoringContext } from "../compose.js";
import { EXPORT_FORMATS, IMPORT_FORMATS } from "../interop/interop-model.js";
import { errorSchema } from "./api-schemas.js";
import { authorActor } from "./author-access.js";
import { errorResponse } from "./errors.js";

/** The one path that takes multipart/form-data (security.ts allows it there, same-origin only). */
export const UPLOAD_PATH = "/api/author/imports";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const error = (description: string) => json(errorSchema, description);

const located = { line: z.number().int().optional(), itemId: z.string().optional() };
const previewSchema = z
  .object({
    files: z.array(
      z.object({
        file: z.string(),
        status: z.enum(["refused", "ok"]),
        fatal: z.array(z.object({ ...located, message: z.string(), hint: z.string() })),
        unsupported: z.array(z.object({ ...located, sourceType: z.string(), message: z.string() })),
        questions: z.array(
          z.object({
            id: z.string(),
            type: z.string(),
            stem: z.string().openapi({ description: "untrusted Markdown: render sanitised, never as HTML" }),
            key: z.string().openapi({ example: "A, C" }),
            draft: z.boolean(),
            problems: z.array(z.string()),
          }),
        ),
      }),
    ),
    totals: z.object({
      files: z.number().int(),
      refused: z.number().int(),
      questions: z.number().int(),
      ok: z.number().int(),
      drafts: z.number().int(),
      unsupported: z.number().int(),
      conflicts: z.number().int(),
    }),
  })
  .openapi("ImportPreview");

const jobSchema = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "done", "failed", "confirmed"]),
    format: z.string(),
    exam: z.string().nullable(),
    domain: z.string().nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    createdAt: z.string(),
    updatedAt: z.string(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
    preview: previewSchema.optional(),
    confirmed: z.object({ at: z.string(), exam: z.string(), written: z.array(z.string()) }).optional(),
  })
  .openapi("ImportJob");

const idParam = z.object({ id: z.string().min(1).max(64) });

/** Import jobs and exports for authors (issue 14): upload, status and preview, confirm, download. */
export function registerImportRoutes(app: OpenAPIHono, authoring: AuthoringContext) {
  const { imports } = authoring;
  app.openAPIRegistry.registerPath({
    method: "post",
    path: UPLOAD_PATH,
    tags: ["authoring"],
    summary: "Upload question files to import: starts a job that converts them (poll its status)",
    description: `Authors and admins. multipart/form-data from certpath's own pages only (Origin or Sec-Fetch-Site must say same-origin). At most ${UPLOAD_LIMITS.files} files and 10 MB in all.`,
    request: {
      body: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({
              files: z.array(z.string().openapi({ format: "binary" })),
              format: z.enum(IMPORT_FORMATS),
              exam: z.string().optional().openapi({ example: "SAA-C03" }),
              domain: z.string().optional().openapi({ example: "2" }),
            }),
          },
        },
      },
    },
    responses: {
      202: json(z.object({ id: z.string() }).openapi("ImportStarted"), "The job was created; GET its status"),
      400: error(
        "import.unsupported_format, import.unknown_exam, import.no_files, import.invalid_domain (`field`)",
      ),
      401: error("auth.required: sign in first (a server with accounts)"),
      403: error(
        "request.cross_site, request.cross_origin, request.origin_required, auth.forbidden (authors and admins only)",
      ),
      413: error("request.too_large or import.too_large: over 10 MB or too many files"),
      415: error("request.unsupported_media_type: send multipart/form-data"),
      421: error("request.host_not_allowed"),
      500: error("server.internal"),
    },
  });
  app.post(UPLOAD_PATH, async (c) => {
    const actor = authorActor(c);
    if (!/^multipart\/form-data\s*;/i.test(c.req.header("content-type") ?? ""))
      return errorResponse(
        c,
        415,
        "request.unsupported_media_type",
        "Send the files as multipart/form-data (fields files, format, exam, domain).",
      );
    let form: FormData;
    try {
      // Read to the very end first (a chunked body's last chunk included): a body left half-read makes
      // the server drop the keep-alive connection, and the browser's next request with it.
      const bytes = await c.req.arrayBuffer();
      form = await new Response(bytes, {
        headers: { "content-type": c.req.header("content-type") ?? "" },
      }).formData();
    } catch (e) {
      if (e instanceof HTTPException) throw e;
      return errorResponse(
        c,
        400,
        "import.invalid_form",
        "The form could not be read: send multipart/form-data.",
        {
          field: "files",
        },
      );
    }
    const one = (name: string) => {
      const first = form.get(name);
      return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
    };
    const files = [...form.getAll("files"), ...form.getAll("files[]")].flatMap((f) =>
      typeof f === "string" ? [] : [f as unknown as Blob & { name: string }],
    );
    const job = await imports.create(actor, {
      format: one("format") ?? "",
      exam: one("exam"),
      domain: one("domain"),
      files: await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      ),
    });
    c.header("Location", `${UPLOAD_PATH}/${job.id}`);
    return c.json(job, 202);
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/author/imports/{id}",
      tags: ["authoring"],
      summary: "An import job: status, progress, and when done the preview (per file and per question)",
      request: { params: idParam },
      responses: {
        200: json(jobSchema, "The job"),
        403: error("auth.forbidden: authors and admins only"),
        404: error("import.not_found (also someone else's job, unless you are an admin)"),
      },
    }),
    async (c) => c.json(await imports.view(authorActor(c), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/author/imports/{id}/confirm",
      tags: ["authoring"],
      summary:
        "Writes the converted YAML of a finished import to the server's imports folder (read on next start)",
      request: { params: idParam },
      responses: {
        200: json(jobSchema, "Confirmed: `confirmed.written` lists the files"),
        403: error("auth.forbidden (authors and admins only), request.cross_site, request.cross_origin"),
        404: error("import.not_found"),
        409: error("import.not_ready, import.already_confirmed, import.id_conflict, import.nothing_to_write"),
      },
    }),
    async (c) => c.json(await imports.confirm(authorActor(c), c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/author/exports",
      tags: ["authoring"],
      summary: "Downloads an exam's bank in an exchange format (an attachment)",
      request: {
        query: z.object({
          exam: z.string().min(1).max(20).openapi({ example: "SAA-C03" }),
          format: z.enum(EXPORT_FORMATS),
        }),
      },
      responses: {
        200: {
          description:
            "The file: GIFT text/plain, Moodle XML application/xml, Udemy CSV text/csv, QTI application/zip. X-Certpath-Dropped says what the format cannot hold.",
          content: {
            "text/plain": { schema: z.string() },
            "application/xml": { schema: z.string() },
            "text/csv": { schema: z.string() },
            "application/zip": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        403: error("auth.forbidden: authors and admins only"),
        404: error("export.no_questions: the bank has no questions for the exam"),
      },
    }),
    (c) => {
      authorActor(c, "bank.export");
      const q = c.req.valid("query");
      const d = authoring.exportBank(q.exam, q.format);
      const headers: Record<string, string> = {
        "Content-Type": d.contentType,
        "Content-Disposition": `attachment; filename="${d.name.replace(/[^\w.-]/g, "_")}"`,
        "X-Certpath-Questions": String(d.questions),
      };
      if (d.dropped.length > 0)
        headers["X-Certpath-Dropped"] = encodeURIComponent(d.dropped.join(" ")).slice(0, 2000);
      return c.body(d.body as Uint8Array<ArrayBuffer>, 200, headers);
    },
  );
}
