import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Action } from "../app/policy.js";
import type { ExamContext } from "../compose.js";
import { actorOf } from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";
import { buildPlanCalendar } from "./plan-calendar.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
const examParam = z.object({ exam: z.string().min(1).max(64).openapi({ example: "CLF-C02" }) });
const planParam = z.object({ id: z.string().min(1).max(64) });

const readiness = z
  .object({
    exam: z.string(),
    name: z.string(),
    asOf: z.string(),
    answered: z.number().int(),
    needed: z.number().int(),
    predictedScaledScore: z.object({ estimate: z.number(), low: z.number(), high: z.number() }).nullable(),
    passProbability: z.number().nullable(),
    passingScore: z.number(),
    intervalProbability: z.number(),
    evidence: z.object({
      level: z.enum(["none", "low", "medium", "high"]),
      weightedAnswers: z.number(),
      domainsCovered: z.number(),
      mixedShare: z.number().nullable(),
    }),
    domains: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        weight: z.number(),
        answered: z.number(),
        correct: z.number(),
        estimate: z.number(),
        formQuestions: z.number(),
        low: z.number().openapi({
          description: "share right on the domain's part of a fresh form, lower end of the interval",
        }),
        high: z.number(),
        meetsProbability: z
          .number()
          .openapi({ description: "chance of at least 70% right in this domain on a fresh form" }),
      }),
    ),
    weakest: z.array(z.string()),
    advice: z.string(),
  })
  .openapi("Readiness");

const planBody = z
  .strictObject({
    exam: z.string().min(1).max(64).optional().openapi({ example: "SAA-C03" }),
    path: z.array(z.string().min(1).max(64)).min(1).max(6).optional(),
    targetDate: isoDate,
    hoursPerWeek: z.number().min(0.5).max(80),
    startDate: isoDate.optional(),
  })
  .openapi("PlanRequest");

const session = z.object({
  key: z.string(),
  date: z.string(),
  minutes: z.number(),
  activity: z.enum(["study", "review", "practice-exam", "drill"]),
  exam: z.string(),
  domains: z.array(z.string()),
  questions: z.number().optional(),
  title: z.string(),
  tasks: z.array(z.string()),
  references: z.array(z.string()),
  start: z.record(z.string(), z.unknown()).optional(),
  command: z.string().optional(),
  done: z.boolean(),
});

const plan = z
  .object({
    id: z.string(),
    version: z.number(),
    createdAt: z.string(),
    exams: z.array(z.string()),
    startDate: z.string(),
    targetDate: z.string(),
    hoursPerWeek: z.number(),
    feasible: z.boolean(),
    neededHoursPerWeek: z.number(),
    examDates: z.array(z.object({ exam: z.string(), date: z.string() })),
    weeks: z.array(z.object({ start: z.string(), minutes: z.number(), sessions: z.array(session) })),
    warnings: z.array(z.string()),
  })
  .openapi("Plan");

const reviews = z
  .object({
    exam: z.string(),
    today: z.string(),
    examDate: z.string().nullable(),
    due: z.number(),
    cards: z.array(
      z.object({
        questionId: z.string(),
        domain: z.string(),
        due: z.string(),
        dueNow: z.boolean(),
        stability: z.number(),
        difficulty: z.number(),
        reps: z.number(),
        lapses: z.number(),
        retrievabilityAtExam: z.number().nullable(),
        lastAnswer: z.string(),
        lastCorrect: z.boolean(),
      }),
    ),
  })
  .openapi("Reviews");

/** Readiness, spaced-repetition reviews and study plans (the learning loop). */
export function registerLearningRoutes(app: OpenAPIHono, ctx: ExamContext) {
  const { learning, access } = ctx;
  const learner = (c: Parameters<typeof actorOf>[0], action: Action) => actorOf(c, action).learner;
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/readiness/{exam}",
      tags: ["learning"],
      summary: "Predicted scaled score (80% interval) and probability of passing a fresh full form",
      request: { params: examParam },
      responses: {
        200: json(readiness, "The estimate (null probability below the minimum evidence)"),
        404: json(errorSchema, "catalog.not_found: unknown exam"),
        422: json(errorSchema, "exam.no_blueprint"),
      },
    }),
    async (c) =>
      c.json(await learning.readiness(learner(c, "learning.read"), c.req.valid("param").exam), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/reviews",
      tags: ["learning"],
      summary: "Spaced-repetition cards of an exam with their due dates, due now first",
      request: {
        query: z.object({
          exam: z.string().min(1).max(64).openapi({ example: "CLF-C02" }),
          examDate: isoDate
            .optional()
            .openapi({ description: "default: the target date of the newest plan" }),
        }),
      },
      responses: {
        200: json(reviews, "The cards"),
        400: json(errorSchema, "reviews.invalid_input"),
        404: json(errorSchema, "catalog.not_found"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await learning.reviews(learner(c, "learning.read"), q.exam, q.examDate), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/plans",
      tags: ["learning"],
      summary: "Create a study plan for an exam or an advisor path",
      request: { body: { content: { "application/json": { schema: planBody } }, required: true } },
      responses: {
        201: json(plan, "The plan"),
        400: json(errorSchema, "plan.invalid_input"),
        404: json(errorSchema, "catalog.not_found"),
        422: json(errorSchema, "plan.exam_retired"),
      },
    }),
    async (c) => c.json(await learning.createPlan(learner(c, "plan.create"), c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/plans",
      tags: ["learning"],
      summary: "The learner's plans, newest first",
      responses: {
        200: json(
          z.object({
            plans: z.array(
              z.object({
                id: z.string(),
                exams: z.array(z.string()),
                targetDate: z.string(),
                hoursPerWeek: z.number(),
                createdAt: z.string(),
              }),
            ),
          }),
          "Plans",
        ),
      },
    }),
    async (c) => c.json(await learning.listPlans(learner(c, "plan.list")), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/plans/{id}",
      tags: ["learning"],
      summary: "A plan, re-planned from today with the latest results (earlier sessions kept)",
      request: { params: planParam },
      responses: { 200: json(plan, "The plan"), 404: json(errorSchema, "plan.not_found") },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await learning.getPlan(await access.plan(actorOf(c), id), id), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/plans/{id}/calendar.ics",
      tags: ["learning"],
      summary: "The plan as an iCalendar file (one event per session, stable UIDs)",
      request: { params: planParam },
      responses: {
        200: { content: { "text/calendar": { schema: z.string() } }, description: "iCalendar (RFC 5545)" },
        404: json(errorSchema, "plan.not_found"),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const p = await learning.getPlan(await access.plan(actorOf(c), id), id);
      c.header("Content-Disposition", `attachment; filename="certpath-plan-${p.exams.join("-")}.ics"`);
      return c.body(buildPlanCalendar(p), 200, { "Content-Type": "text/calendar; charset=utf-8" });
    },
  );
}
