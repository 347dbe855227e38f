import { z } from "zod";
import { LEVELS } from "../core/catalog/catalog-types.js";

const step = z
  .string()
  .regex(/^[a-z0-9-]+\??$/, "a certification slug, optionally ending in ? for an optional on-ramp");

export const rolesFileSchema = z.strictObject({
  roles: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      label: z.string(),
      synonyms: z.array(z.string()).default([]),
      technical: z.boolean(),
      field: z.string().optional(),
      formerly: z.array(z.string()).default([]),
      paths: z
        .array(z.strictObject({ name: z.string(), steps: z.array(step).min(1), why: z.string() }))
        .min(1),
    }),
  ),
});

export const examsFileSchema = z.strictObject({
  exams: z.record(
    z.string(),
    z.strictObject({
      minAwsYears: z.number().min(0),
      field: z.string().optional(),
      minFieldYears: z.number().min(0).optional(),
      adds: z.string().optional(),
      services: z.array(z.string()).default([]),
      prerequisites: z.array(z.string()).default([]),
      impliedBy: z.array(z.string()).default([]),
      renewedBy: z.array(z.string()).default([]),
      replacements: z
        .array(z.strictObject({ roles: z.array(z.string()).min(1), slug: z.string(), why: z.string() }))
        .default([]),
    }),
  ),
});

const positive = z.number().positive();
export const studyHoursFileSchema = z.strictObject({
  baseHours: z.strictObject(
    Object.fromEntries(LEVELS.map((l) => [l, positive])) as Record<(typeof LEVELS)[number], typeof positive>,
  ),
  experience: z.array(z.strictObject({ below: z.number(), factor: positive, label: z.string() })).min(1),
  noItBackgroundFactor: positive,
  overlapFactor: positive,
  ranking: z.strictObject({
    goalPath: z.number(),
    rolePath: z.number(),
    wantedCertification: z.number(),
    stackServiceCovered: z.number(),
    missesTargetDate: z.number(),
  }),
  minimumHoursPerWeek: positive,
  recertifyWithinDays: z.number().int().positive(),
  validityYears: z.number().int().positive(),
});
