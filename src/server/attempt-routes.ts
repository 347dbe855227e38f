import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ExamContext } from "../compose.js";
import { EXAM_MODES } from "../core/exam/attempt.js";
import { actorOf } from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const errors = {
  400: json(errorSchema, "Invalid input"),
  404: json(errorSchema, "Unknown attempt, exam or question"),
  409: json(
    errorSchema,
    "attempt.closed, attempt.answer_locked, attempt.not_submitted, attempt.retake_in_progress or attempt.questions_in_open_exam",
  ),
};
const id = z.string().min(1).max(64);
const optionId = z.string().min(1).max(64);

const startBody = z
  .strictObject({
    exam: z.string().min(1).max(64).openapi({ example: "CLF-C02" }),
    mode: z.enum(EXAM_MODES).default("exam"),
    seed: z.string().min(1).max(128).optional(),
    count: z.number().int().min(1).max(200).optional(),
    domains: z.array(z.string().max(8)).max(10).optional(),
    services: z.array(z.string().max(64)).max(50).optional(),
    retakeOf: id.optional().openapi({
      description:
        "an earlier, submitted attempt's id: the same questions again, freshly shuffled, with new ids (409 attempt.retake_in_progress while it runs)",
    }),
    mistakes: z.boolean().optional().openapi({ description: "drill the questions last answered wrong" }),
  })
  .openapi("StartAttempt");

const opaqueId = z.string().openapi({
  description: "opaque, new in every attempt: says nothing about the key, the file order or the bank's ids",
});
const questionView = z.object({
  id: z.string().openapi({ description: "the question bank's id" }),
  type: z.enum(["multiple-choice", "multiple-response", "ordering", "matching"]),
  domain: z.string(),
  stem: z.string(),
  options: z.array(z.object({ id: opaqueId, text: z.string() })),
  select: z.number().optional(),
  prompts: z.array(z.object({ id: opaqueId, text: z.string() })).optional(),
  caseStudy: z.object({ id: z.string(), title: z.string(), scenario: z.string() }).optional().openapi({
    description: "for a question of a case study: the scenario it shares with the set's other questions",
  }),
});

const attemptView = z
  .object({
    id: z.string(),
    exam: z.string(),
    mode: z.enum(EXAM_MODES),
    status: z.enum(["in-progress", "submitted"]),
    startedAt: z.string(),
    endsAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    secondsRemaining: z.number().nullable(),
    notice: z.string().optional(),
    questions: z.array(questionView),
    answers: z.record(
      z.string(),
      z.object({
        selected: z.array(z.string()).nullable(),
        pairs: z.array(z.tuple([z.string(), z.string()])).optional(),
        flagged: z.boolean(),
        locked: z.boolean().optional().openapi({
          description: "practice and drills: the first complete answer got feedback and is the one scored",
        }),
        feedback: z
          .object({
            correct: z.boolean(),
            correctOptions: z.unknown(),
            explanations: z.record(z.string(), z.string()),
          })
          .optional(),
      }),
    ),
  })
  .openapi("Attempt");

const answerBody = z
  .strictObject({
    selected: z.array(optionId).max(20).optional(),
    pairs: z
      .array(z.tuple([optionId, optionId]))
      .max(20)
      .optional(),
    flagged: z.boolean().optional(),
  })
  .openapi("AnswerInput");

const report = z
  .object({
    id: z.string(),
    exam: z.string(),
    name: z.string(),
    mode: z.enum(EXAM_MODES),
    submittedAt: z.string().nullable(),
    timedOut: z.boolean().openapi({ description: "true when the time ran out and the server submitted" }),
    scaledScore: z.number().nullable().openapi({
      description: "null for a drill or a form that is not a full blueprint form (see verdict)",
    }),
    passingScore: z.number(),
    passed: z.boolean().nullable(),
    verdictKind: z.enum(["scored", "drill", "short-form"]),
    verdict: z.string().openapi({ description: "the verdict, or why there is none" }),
    correct: z.number(),
    total: z.number(),
    percent: z.number(),
    domains: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        weight: z.number(),
        correct: z.number(),
        total: z.number(),
        rating: z.enum(["meets", "needs-improvement"]),
      }),
    ),
    method: z.string(),
  })
  .openapi("Report");

const params = z.object({ id });
const answerParams = z.object({ id, questionId: z.string().min(1).max(128) });

export function registerAttemptRoutes(app: OpenAPIHono, exam: ExamContext) {
  const { exams, access } = exam;
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/attempts",
      tags: ["exams"],
      summary: "Start an exam, practice or drill attempt",
      request: { body: { content: { "application/json": { schema: startBody } }, required: true } },
      responses: {
        201: json(attemptView, "The attempt, with its questions (never a key)"),
        ...errors,
        422: json(
          errorSchema,
          "exam.retired (names the successors), exam.no_questions (no bank yet, or no question matches the domains and services), attempt.no_mistakes, attempt.no_reviews_due, exam.no_blueprint",
        ),
      },
    }),
    async (c) => c.json(await exams.start(actorOf(c, "attempt.create").learner, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/exams",
      tags: ["exams"],
      summary: "Exams that have a question bank, with bank sizes per domain",
      responses: { 200: json(z.object({ exams: z.array(z.record(z.string(), z.unknown())) }), "Exams") },
    }),
    (c) => {
      actorOf(c, "exam.list");
      return c.json(exams.available(), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/attempts",
      tags: ["exams"],
      summary: "Attempt history, newest first",
      responses: { 200: json(z.object({ attempts: z.array(z.record(z.string(), z.unknown())) }), "History") },
    }),
    async (c) => c.json(await exams.history(actorOf(c, "attempt.list").learner), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/attempts/{id}",
      tags: ["exams"],
      summary: "An attempt with its saved answers and the time left (server clock)",
      request: { params },
      responses: { 200: json(attemptView, "The attempt"), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await access.attempt(actorOf(c), "attempt.read", id);
      return c.json(await exams.get(id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/attempts/{id}/answers/{questionId}",
      tags: ["exams"],
      summary: "Save an answer and/or a review flag; practice and drills answer with feedback",
      request: {
        params: answerParams,
        body: { content: { "application/json": { schema: answerBody } }, required: true },
      },
      responses: {
        200: json(
          z.object({
            saved: z.literal(true),
            correct: z.boolean().optional(),
            correctOptions: z.unknown().optional(),
            explanations: z.record(z.string(), z.string()).optional(),
            withheld: z
              .object({ code: z.literal("exam.in_progress"), attempt: z.string(), message: z.string() })
              .optional()
              .openapi({
                description: "practice feedback held back: the question is in an exam still in progress",
              }),
          }),
          "Saved (durably, before this reply)",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      await access.attempt(actorOf(c), "attempt.write", p.id);
      return c.json(await exams.answer(p.id, p.questionId, c.req.valid("json")), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/attempts/{id}/submit",
      tags: ["exams"],
      summary: "Submit and score (scaled 100–1000, per-domain ratings)",
      request: { params },
      responses: { 200: json(report, "The report"), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await access.attempt(actorOf(c), "attempt.write", id);
      return c.json(await exams.submit(id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/attempts/{id}/review",
      tags: ["exams"],
      summary: "After submission: every question with the answer, the key, explanations and references",
      request: { params },
      responses: { 200: json(z.record(z.string(), z.unknown()), "The review"), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await access.attempt(actorOf(c), "attempt.read", id);
      return c.json(await exams.review(id), 200);
    },
  );
}
