import { z } from "@hono/zod-openapi";
import { FOCUS_AREAS, LEVELS, QUESTION_TYPES, STATUSES } from "../core/catalog/catalog-types.js";
import { isIsoDate } from "../core/dates.js";

// The HTTP contract, written once: routes validate with these and the OpenAPI document is generated from them.

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "catalog.not_found" }),
      message: z.string(),
      field: z.string().optional(),
      allowed: z.array(z.string()).optional(),
      suggestions: z.array(z.string()).optional(),
    }),
  })
  .openapi("Error");

const domain = z.object({ id: z.string(), name: z.string(), weight: z.number() }).openapi("Domain");

const examFacts = z.object({
  questions: z.number().nullable(),
  scoredQuestions: z.number().nullable(),
  durationMinutes: z.number().nullable(),
  priceUsd: z.number().nullable(),
  passingScore: z.number().nullable(),
  questionTypes: z.array(z.enum(QUESTION_TYPES)),
});

export const certificationSummarySchema = z
  .object({
    code: z.string().openapi({ example: "SAA-C03" }),
    slug: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: z.enum(LEVELS),
    status: z.enum(STATUSES),
    focus: z.string(),
    summary: z.string(),
    retiredOn: z.string().optional(),
    lastExamDay: z.string().optional(),
    successors: z.array(z.string()),
    exam: examFacts,
    domains: z.array(domain),
    recommendedExperience: z.string(),
    sources: z.array(z.object({ label: z.string(), url: z.string() }).openapi("Source")).openapi({
      description: "AWS's own pages first, each labelled with what it is",
    }),
    verifiedOn: z.string(),
  })
  .openapi("CertificationSummary");

export const certificationDetailSchema = certificationSummarySchema
  .extend({
    versions: z.array(
      z.object({
        code: z.string(),
        status: z.enum([...STATUSES, "upcoming"]),
        availableFrom: z.string().nullable(),
        availableUntil: z.string().nullable(),
        betaFrom: z.string().nullable(),
        ...examFacts.shape,
        domains: z.array(domain),
        notes: z.array(z.string()),
      }),
    ),
    aliases: z.array(z.string()),
    formerNames: z.array(z.object({ name: z.string(), until: z.string() })),
    successorDetails: z.array(
      z.object({
        code: z.string(),
        slug: z.string(),
        name: z.string(),
        official: z.boolean(),
        note: z.string().nullable(),
      }),
    ),
    recertification: z.string(),
    notes: z.array(z.string()),
    matchNote: z.string().optional(),
  })
  .openapi("CertificationDetail");

/** One date rule for every face: a real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
const isoDate = z
  .string()
  .refine(isIsoDate, "not a real date; write it YYYY-MM-DD, e.g. 2026-03-31")
  .openapi({ type: "string", format: "date", example: "2026-03-31" });

/** An enum that accepts any letter case, as the CLI does ("Specialty" = "specialty"). */
function caseless<T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(values));
}

export const catalogQuerySchema = z.object({
  level: caseless(LEVELS)
    .optional()
    .openapi({ type: "string", enum: [...LEVELS] }),
  status: caseless(STATUSES)
    .optional()
    .openapi({ type: "string", enum: [...STATUSES] }),
  focus: caseless(FOCUS_AREAS)
    .optional()
    .openapi({ type: "string", enum: [...FOCUS_AREAS] }),
  on: isoDate.optional().openapi({ description: "status as of this date; default today" }),
});

export const adviceRequestSchema = z
  .strictObject({
    role: z.string().min(1).openapi({ example: "web-developer" }),
    awsExperience: z
      .union([z.number(), z.string()])
      .openapi({ description: 'years of hands-on AWS experience: 1.5, "6 months", "none"', example: 1 }),
    fieldExperience: z
      .union([z.number(), z.string()])
      .optional()
      .openapi({ description: "years in the field itself (networking, security…); unknown when left out" }),
    itBackground: z.boolean().optional(),
    stack: z
      .array(z.string())
      .max(200)
      .optional()
      .openapi({ example: ["lambda", "dynamodb"] }),
    goal: z.string().min(1).optional(),
    hoursPerWeek: z
      .union([z.number(), z.string()])
      .optional()
      .openapi({ description: "study hours a week, 0.5 to 80 (default 8)", example: 8 }),
    held: z
      .array(z.string())
      .max(50)
      .optional()
      .openapi({ description: "CODE or CODE:YYYY-MM-DD (date earned)" }),
    want: z.array(z.string()).max(20).optional(),
    targetDate: isoDate.optional(),
    today: isoDate.optional().openapi({ description: "plan as if today were this date" }),
  })
  .openapi("AdviceRequest");

const step = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  level: z.enum(LEVELS),
  reasons: z.array(z.string()),
  studyHours: z.number(),
  weeks: z.number(),
  startBy: z.string(),
  finishBy: z.string(),
  links: z.object({ certification: z.string(), practice: z.string() }),
});

export const adviceResponseSchema = z
  .object({
    profile: z.record(z.string(), z.unknown()),
    recommendations: z.array(
      z.object({
        title: z.string(),
        rationale: z.string(),
        meetsTargetDate: z.boolean().optional(),
        path: z.array(step),
        totalHours: z.number(),
        totalWeeks: z.number(),
        finishBy: z.string().optional(),
        summary: z.string(),
      }),
    ),
    warnings: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .openapi("Advice");
