import { z } from "zod";
import { isoDate } from "./catalog-schema.js";

// The question-bank file format (certpath/questions@1). docs/question-bank.schema.json is generated from this.
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lowercase letters, digits and dashes");
const text = z.string().trim().min(1, "must not be empty");
const explanation = z
  .string()
  .trim()
  .min(10, "every option needs an explanation of why it is right or wrong (at least 10 characters)");
const reference = z.url({
  protocol: /^https$/,
  hostname: /(^|\.)aws\.amazon\.com$/,
  message: "references are https URLs on docs.aws.amazon.com or aws.amazon.com",
});

/** A draft relaxes what an importer cannot know yet (explanations, references, services, domain); see docs/interop.md. */
type Mode = "strict" | "draft";

function questionSchemaFor(mode: Mode) {
  const draft = mode === "draft";
  const why = draft ? z.string().trim().optional().default("") : explanation;
  const base = {
    id,
    domain: draft
      ? z
          .string()
          .regex(/^([0-9]+)?$/, 'domain ids are "1", "2", …')
          .optional()
          .default("")
      : z.string().regex(/^[0-9]+$/, 'domain ids are "1", "2", …'),
    services: draft
      ? z.array(z.string().regex(/^[a-z0-9-]+$/)).default([])
      : z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1, "tag at least one AWS service"),
    stem: draft ? text : text.min(20, "the stem should describe a scenario"),
    references: draft
      ? z.array(z.string()).default([])
      : z.array(reference).min(1, "at least one AWS documentation reference"),
    verifiedOn: isoDate,
    reviewedOn: isoDate.optional(),
    variantOf: z
      .strictObject({
        id,
        reason: text.min(10, "say why both questions are kept (what each one tests that the other does not)"),
      })
      .optional(),
    /** The id of a case study in the same file's `caseStudies`: its scenario is shown with the question. */
    caseStudy: id.optional(),
    /** For authors only, never shown to learners: an import's general feedback and what it approximated. */
    note: z.string().trim().optional(),
    ...(draft
      ? {
          /** A draft loads and is linted but is never served in an exam, a drill, a review or practice. */
          draft: z.literal(true),
          /** What keeps the draft from being served (written by the importer; lint reports the current ones). */
          problems: z.array(z.string()).optional(),
        }
      : { draft: z.literal(false).optional() }),
  };
  const choiceOption = z.strictObject({
    id,
    text,
    correct: z.boolean().optional().default(false),
    explanation: why,
  });
  return z.discriminatedUnion("type", [
    z.strictObject({ ...base, type: z.literal("multiple-choice"), options: z.array(choiceOption) }),
    z.strictObject({
      ...base,
      type: z.literal("multiple-response"),
      select: z.number().int().min(2),
      options: z.array(choiceOption),
    }),
    z.strictObject({
      ...base,
      type: z.literal("ordering"),
      items: z.array(z.strictObject({ id, text, explanation: why })),
    }),
    z.strictObject({
      ...base,
      type: z.literal("matching"),
      prompts: z.array(z.strictObject({ id, text, match: id, explanation: why })),
      options: z.array(z.strictObject({ id, text })),
    }),
  ]);
}

/** A question that may be served: every field an exam needs. */
export const questionSchema = questionSchemaFor("strict");
/** A question with `draft: true`: loads with what an import could derive, never served (docs/interop.md). */
export const draftQuestionSchema = questionSchemaFor("draft");

/** The schema a raw question entry is checked against: the draft one when it says `draft: true`. */
export function schemaFor(raw: unknown) {
  return raw && typeof raw === "object" && (raw as { draft?: unknown }).draft === true
    ? draftQuestionSchema
    : questionSchema;
}

export const questionFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal("certpath/questions@1"),
  exam: z.string().regex(/^[A-Z]{3}-[A-Z][0-9]{2}$/, "exam codes look like SAA-C03"),
  examGuide: z.string().min(1),
  /** Scenarios shared by several questions of this file (case studies); each question names one with `caseStudy`. */
  caseStudies: z
    .array(
      z.strictObject({
        id,
        title: text.max(120, "keep the title under 120 characters"),
        scenario: text.min(
          100,
          "a case study's scenario describes the company, its data and its constraints",
        ),
      }),
    )
    .optional(),
  questions: z.array(z.unknown()),
});

/** The JSON Schema published for editors (docs/question-bank.schema.json), generated from the zod schema above. */
export function questionBankJsonSchema(): Record<string, unknown> {
  const full = questionFileSchema.extend({
    questions: z.array(z.union([questionSchema, draftQuestionSchema])).min(1),
  });
  return {
    ...z.toJSONSchema(full, { io: "input", unrepresentable: "any", target: "draft-2020-12" }),
    $id: "https://github.com/certpath/certpath/docs/question-bank.schema.json",
    title: "certpath question bank file (certpath/questions@1)",
  };
}
