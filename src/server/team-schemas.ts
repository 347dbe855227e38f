import { z } from "@hono/zod-openapi";
import { adviceResponseSchema } from "./api-schemas.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
const status = z.enum(["on-track", "at-risk", "no-data"]).openapi({
  description:
    "on-track / at-risk / no-data for the target date (docs/teams.md): at risk when the pass probability is below what the days left require (80% within a week, falling linearly to 30% at 63+ days), or when not yet at 80% and idle for 14 days; no estimate with 14 days or fewer left is at risk",
});

export const teamIdParam = z.object({ id: z.string().min(1).max(64) });
export const assignmentParam = z.object({ id: z.string().min(1).max(64), aid: z.string().min(1).max(64) });

const service = z.object({ slug: z.string(), name: z.string() });

const step = z.object({ exam: z.string(), date: z.string() });
export const assignmentView = z
  .object({
    id: z.string(),
    teamId: z.string(),
    kind: z.enum(["exam", "path"]),
    exams: z.array(z.string()),
    targetDate: z.string(),
    member: z.string().nullable().openapi({ description: "the member's email; null: the whole team" }),
    assignedBy: z.string().nullable(),
    createdAt: z.string(),
    steps: z
      .array(step)
      .openapi({ description: "each exam's due date (a path's time split by study hours)" }),
  })
  .openapi("Assignment");

export const teamSummary = z
  .object({
    teams: z.array(
      z.object({ id: z.string(), name: z.string(), role: z.enum(["member", "lead"]).nullable() }),
    ),
  })
  .openapi("TeamList");

export const teamView = z
  .object({
    id: z.string(),
    name: z.string(),
    stack: z.array(service),
    members: z.array(z.object({ email: z.string(), role: z.enum(["member", "lead"]) })),
    assignments: z.array(assignmentView),
  })
  .openapi("Team");

export const stackBody = z
  .strictObject({
    services: z
      .array(z.string().min(1).max(100))
      .max(200)
      .openapi({
        description: "service slugs, names or aliases (content/services.yaml)",
        example: ["lambda", "dynamodb"],
      }),
  })
  .openapi("TeamStack");

export const stackView = z.object({ id: z.string(), stack: z.array(service) });

export const adviceQuery = z.object({
  role: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ description: "a typical member's role (default cloud-engineer)" }),
  awsExperience: z
    .string()
    .min(1)
    .max(32)
    .optional()
    .openapi({ description: "years of hands-on AWS (default 1)" }),
  hoursPerWeek: z.string().min(1).max(8).optional(),
  goal: z.string().min(1).max(64).optional(),
  targetDate: isoDate.optional(),
});

export const teamAdviceView = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    stack: z.array(service),
    coverage: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.string(),
        covered: z.array(service),
        share: z.number(),
      }),
    ),
    advice: adviceResponseSchema,
  })
  .openapi("TeamAdvice");

export const assignmentBody = z
  .strictObject({
    exam: z.string().min(1).max(64).optional().openapi({ example: "SAA-C03" }),
    path: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(6)
      .optional()
      .openapi({ example: ["CLF-C02", "SAA-C03"] }),
    targetDate: isoDate,
    members: z
      .array(z.string().min(3).max(320))
      .max(500)
      .optional()
      .openapi({ description: "emails of team members; leave out for the whole team" }),
  })
  .openapi("AssignmentRequest");

export const myAssignments = z
  .object({
    assignments: z.array(
      assignmentView.extend({
        team: z.string().nullable(),
        steps: z.array(
          z.object({
            exam: z.string(),
            name: z.string(),
            date: z.string(),
            status,
            reasons: z.array(z.string()),
            passProbability: z.number().nullable(),
          }),
        ),
        plan: z.object({ id: z.string(), targetDate: z.string() }).nullable(),
        newPlanUrl: z.string().openapi({ description: "the web page that creates a plan for it, prefilled" }),
      }),
    ),
  })
  .openapi("MyAssignments");

const row = z.object({
  email: z.string(),
  exam: z.string(),
  assignmentId: z.string(),
  targetDate: z.string(),
  daysLeft: z.number(),
  status,
  requiredProbability: z.number(),
  reasons: z.array(z.string()),
  passProbability: z.number().nullable(),
  predictedScaledScore: z.object({ estimate: z.number(), low: z.number(), high: z.number() }).nullable(),
  passingScore: z.number(),
  intervalProbability: z.number(),
  answered: z.number(),
  needed: z.number(),
  evidence: z.enum(["none", "low", "medium", "high"]),
  trend: z.object({
    direction: z.enum(["up", "down", "flat", "new", "none"]),
    change: z.number().nullable().openapi({ description: "pass probability now minus 28 days ago" }),
  }),
  weakestDomains: z.array(z.object({ id: z.string(), name: z.string(), estimate: z.number() })),
  lastActivity: z.string().nullable(),
});

export const dashboardView = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    asOf: z.string(),
    today: z.string(),
    rule: z.record(z.string(), z.number()),
    counts: z.object({ "on-track": z.number(), "at-risk": z.number(), "no-data": z.number() }),
    rows: z.array(row),
    weakestDomains: z.array(
      z.object({
        exam: z.string(),
        domain: z.string(),
        name: z.string(),
        weight: z.number(),
        practisedBy: z.number(),
        unpractisedBy: z.number(),
        meanEstimate: z.number().nullable(),
        belowCut: z.number(),
        gap: z.number(),
      }),
    ),
    unassigned: z.array(z.string()).openapi({ description: "members with no assignment" }),
  })
  .openapi("TeamDashboard");
