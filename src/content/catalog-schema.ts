import { z } from "zod";
import { FOCUS_AREAS, LEVELS, QUESTION_TYPES } from "../core/catalog/catalog-types.js";
import { isIsoDate } from "../core/dates.js";

// YAML turns unquoted dates into Date objects; accept both and keep ISO strings.
export const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().refine(isIsoDate, "must be a date written YYYY-MM-DD"),
);

const url = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

export const domainSchema = z.strictObject({
  id: z.string().regex(/^[0-9]+$/, 'domain ids are "1", "2", …'),
  name: z.string().min(3),
  weight: z.number().int().min(1).max(100),
  /** Task statements of the domain, as the exam guide words them (optional). */
  tasks: z.array(z.string().min(5).max(300)).max(20).optional(),
});

export const examVersionSchema = z
  .strictObject({
    code: z.string().regex(/^[A-Z]{3}-[A-Z][0-9]{2}$/, "exam codes look like SAA-C03"),
    availableFrom: isoDate.optional(),
    availableUntil: isoDate.nullish().transform((v) => v ?? undefined),
    betaFrom: isoDate.optional(),
    questions: z.number().int().positive().optional(),
    scoredQuestions: z.number().int().positive().optional(),
    durationMinutes: z.number().int().positive().optional(),
    priceUsd: z.number().positive().optional(),
    passingScore: z.number().int().min(100).max(1000).optional(),
    questionTypes: z.array(z.enum(QUESTION_TYPES)).default([]),
    domains: z.array(domainSchema).default([]),
    notes: z.array(z.string()).default([]),
    sources: z.array(url).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.domains.length > 0) {
      const sum = v.domains.reduce((a, d) => a + d.weight, 0);
      if (sum !== 100)
        ctx.addIssue({ code: "custom", path: ["domains"], message: `domain weights sum to ${sum}, not 100` });
    }
    if (v.availableFrom && v.availableUntil && v.availableUntil < v.availableFrom)
      ctx.addIssue({
        code: "custom",
        path: ["availableUntil"],
        message: "availableUntil is before availableFrom",
      });
    if (v.scoredQuestions && v.questions && v.scoredQuestions > v.questions)
      ctx.addIssue({
        code: "custom",
        path: ["scoredQuestions"],
        message: "more scored questions than questions",
      });
  });

export const certificationSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(5),
  shortName: z.string().min(3),
  level: z.enum(LEVELS),
  focus: z.enum(FOCUS_AREAS),
  summary: z.string().min(20),
  recommendedExperience: z.string().min(5),
  recertification: z.string().min(5),
  aliases: z.array(z.string().min(2)).default([]),
  formerNames: z.array(z.strictObject({ name: z.string(), until: isoDate })).default([]),
  successors: z
    .array(z.strictObject({ slug: z.string(), official: z.boolean(), note: z.string().optional() }))
    .default([]),
  notes: z.array(z.string()).default([]),
  sources: z.array(url).min(1, "at least one source URL"),
  verifiedOn: isoDate,
  versions: z.array(examVersionSchema).min(1, "at least one exam version"),
});

export const servicesFileSchema = z.strictObject({
  services: z.array(
    z.strictObject({
      slug: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string(),
      aliases: z.array(z.string()).default([]),
    }),
  ),
});
