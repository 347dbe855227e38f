import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { NOTE_MAX, RESOLUTION_MAX } from "../app/report-service.js";
import type { ExamContext } from "../compose.js";
import { REPORT_KINDS, REPORT_STATUSES } from "../core/bank/item-queue.js";
import { actorOf } from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const forbidden = json(errorSchema, "auth.forbidden: only authors and admins");

const flags = z.enum([
  "too-easy",
  "too-hard",
  "negative-discrimination",
  "weak-discrimination",
  "distractor-beats-key",
]);

const itemStatistics = z
  .object({
    questionId: z.string(),
    exam: z.string(),
    domain: z.string(),
    type: z.enum(["multiple-choice", "multiple-response", "ordering", "matching"]),
    n: z.number().int().openapi({ description: "counted answers: each learner's first scored answer" }),
    correct: z.number().int(),
    facility: z.number().nullable().openapi({ description: "share right, 0–1" }),
    discrimination: z.number().nullable().openapi({
      description: "corrected item–total (item–rest) correlation, −1…1; null without spread",
    }),
    choices: z.array(
      z.object({
        option: z.string().openapi({ description: "the bank's option id (ordering: item placed first)" }),
        prompt: z.string().optional(),
        key: z.boolean(),
        count: z.number().int(),
      }),
    ),
    unanswered: z.number().int(),
    medianSeconds: z.number().nullable(),
    timed: z.number().int(),
    lowN: z.boolean().openapi({ description: "fewer answers than the minimum: flags are suppressed" }),
    flags: z.array(flags),
  })
  .openapi("ItemStatistics");

const queueItem = itemStatistics
  .extend({
    stem: z.string().openapi({ description: "the first words of the stem" }),
    openReports: z.record(z.string(), z.number()),
    attention: z.number().openapi({ description: "weights of the flags and open reports; highest first" }),
  })
  .openapi("AuthorQueueItem");

const reportKind = z.enum(REPORT_KINDS);
const reportStatus = z.enum(REPORT_STATUSES);

const learnerReport = z
  .object({
    id: z.string(),
    questionId: z.string(),
    kind: reportKind,
    note: z.string(),
    status: reportStatus,
    createdAt: z.string(),
  })
  .openapi("FiledReport");

const authorReport = z
  .object({
    id: z.string(),
    questionId: z.string(),
    exam: z.string(),
    learner: z.string(),
    reporter: z
      .string()
      .nullable()
      .openapi({ description: "the reporting learner's email (null in single-user mode or once removed)" }),
    attemptId: z.string(),
    kind: reportKind,
    note: z.string(),
    suggested: z.array(z.string()).openapi({ description: "bank ids the learner says are right" }),
    createdAt: z.string(),
    status: reportStatus,
    resolution: z.string().nullable(),
    verifiedOn: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    question: z
      .object({
        stem: z.string(),
        type: z.string(),
        domain: z.string(),
        verifiedOn: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string(), key: z.boolean() })),
      })
      .nullable()
      .openapi({ description: "null when the question is no longer in the bank" }),
    statistics: itemStatistics.nullable(),
  })
  .openapi("QuestionReport");

const reportBody = z
  .strictObject({
    kind: reportKind,
    note: z
      .string()
      .max(NOTE_MAX * 2)
      .optional()
      .openapi({
        description: `what is wrong (required for "other"); cleaned, at most ${NOTE_MAX} characters`,
      }),
    options: z.array(z.string().min(1).max(64)).max(10).optional().openapi({
      description: "wrong key: the attempt's opaque ids of the options you believe are right",
    }),
  })
  .openapi("ReportQuestion");

const resolveBody = z
  .strictObject({
    status: z.enum(["resolved", "dismissed"]),
    resolution: z
      .string()
      .max(RESOLUTION_MAX * 2)
      .openapi({
        description: "what changed in the question (resolved) or why nothing needs to (dismissed)",
      }),
    verifiedOn: z.string().max(10).optional().openapi({
      description: "resolved: the date the question was checked against its sources (YYYY-MM-DD)",
      example: "2026-12-01",
    }),
  })
  .openapi("ResolveReport");

const examQuery = z.string().min(1).max(16).optional().openapi({ example: "CLF-C02" });

/** Item statistics, the author queue and question reports. */
export function registerItemRoutes(app: OpenAPIHono, ctx: ExamContext) {
  const { items, reports, access } = ctx;
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/attempts/{id}/questions/{questionId}/reports",
      tags: ["reports"],
      summary: "Report a question of your own submitted attempt (wrong key, outdated, unclear, other)",
      request: {
        params: z.object({ id: z.string().min(1).max(64), questionId: z.string().min(1).max(128) }),
        body: { content: { "application/json": { schema: reportBody } }, required: true },
      },
      responses: {
        201: json(learnerReport, "The report, open until an author resolves it"),
        400: json(errorSchema, "report.invalid_input: kind, note or options"),
        403: json(
          errorSchema,
          "auth.forbidden: a lead or admin may read the attempt but only its learner reports from it",
        ),
        404: json(errorSchema, "attempt.not_found (also another learner's) or attempt.question_not_found"),
        409: json(
          errorSchema,
          "attempt.not_submitted or report.duplicate (same question, same reason, open)",
        ),
        429: json(errorSchema, "report.too_many: the day's reports are used up (Retry-After says when)"),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      // Only the attempt's own learner reports from it: a lead or admin who may read it gets 403.
      await access.attempt(actorOf(c), "attempt.write", p.id);
      return c.json(await reports.report(actorOf(c).learner, p.id, p.questionId, c.req.valid("json")), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/author/items",
      tags: ["authoring"],
      summary: "Item statistics with flags and open reports, the items that need attention first",
      request: {
        query: z.object({
          exam: examQuery,
          all: z.enum(["true", "false"]).optional().openapi({
            description: "true: every question of the bank; default: only those answered or reported",
          }),
        }),
      },
      responses: {
        200: json(
          z.object({
            exam: z.string().nullable(),
            minN: z.number(),
            questions: z.number().openapi({ description: "questions in the bank (of the exam)" }),
            answered: z.number().openapi({ description: "questions with at least one counted answer" }),
            items: z.array(queueItem),
          }),
          "The author queue",
        ),
        403: forbidden,
        404: json(errorSchema, "items.exam_not_found: no question bank for that exam"),
      },
    }),
    async (c) => {
      // Authors and admins (403 auth.forbidden otherwise; everyone in single-user mode).
      actorOf(c, "bank.stats");
      const q = c.req.valid("query");
      return c.json(await items.view(q.exam, q.all === "true"), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/author/reports",
      tags: ["authoring"],
      summary: "Question reports (open ones oldest first) with each question and its statistics",
      request: { query: z.object({ status: reportStatus.optional(), exam: examQuery }) },
      responses: {
        200: json(z.object({ reports: z.array(authorReport) }), "Reports"),
        403: forbidden,
        404: json(errorSchema, "items.exam_not_found"),
      },
    }),
    async (c) => {
      actorOf(c, "bank.stats");
      return c.json(await reports.list(c.req.valid("query")), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/author/reports/{id}/resolve",
      tags: ["authoring"],
      summary: "Resolve a report (what changed, verifiedOn) or dismiss it (why)",
      request: {
        params: z.object({ id: z.string().min(1).max(64) }),
        body: { content: { "application/json": { schema: resolveBody } }, required: true },
      },
      responses: {
        200: json(authorReport, "The closed report"),
        400: json(errorSchema, "report.invalid_input: resolution or verifiedOn"),
        403: forbidden,
        404: json(errorSchema, "report.not_found"),
        409: json(errorSchema, "report.closed: it was already resolved or dismissed"),
      },
    }),
    async (c) => {
      const actor = actorOf(c, "bank.stats");
      return c.json(await reports.resolve(actor.userId, c.req.valid("param").id, c.req.valid("json")), 200);
    },
  );
}
