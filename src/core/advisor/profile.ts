import { findCertification, latestVersion, normalise, suggestCertifications } from "../catalog/catalog.js";
import type { Catalog } from "../catalog/catalog-types.js";
import { isIsoDate } from "../dates.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { resolveRole } from "./advisor.js";
import type { AdvisorRules, HeldCertification, Profile } from "./advisor-types.js";

/** A profile as a person or a client writes it: words, not ids. */
export interface ProfileInput {
  role: string;
  awsExperience: number;
  itBackground?: boolean | undefined;
  stack?: string[] | undefined;
  goal?: string | undefined;
  hoursPerWeek?: number | undefined;
  held?: string[] | undefined;
  want?: string[] | undefined;
  targetDate?: string | undefined;
}

export const DEFAULT_HOURS_PER_WEEK = 8;

/** Resolves the words of a profile (role synonyms, service aliases, exam names) to ids, or throws with what is allowed. */
export function resolveProfile(catalog: Catalog, rules: AdvisorRules, input: ProfileInput): Profile {
  const role = resolveRole(rules, input.role, "role");
  const goal = input.goal ? resolveRole(rules, input.goal, "goal") : undefined;
  const stack = (input.stack ?? []).map((s) => resolveService(catalog, s));
  const held: HeldCertification[] = (input.held ?? []).map((h) => {
    const [code = "", earnedOn] = h.split(/[:@]/);
    if (earnedOn !== undefined && !isIsoDate(earnedOn))
      throw new ValidationError(
        "advice.invalid_input",
        `held: "${h}" has a bad date; write CODE or CODE:YYYY-MM-DD.`,
        { field: "held" },
      );
    return { code: canonicalCode(catalog, code, "held"), earnedOn };
  });
  const want = (input.want ?? []).map((w) => canonicalCode(catalog, w, "want"));
  if (input.targetDate !== undefined && !isIsoDate(input.targetDate))
    throw new ValidationError(
      "advice.invalid_input",
      `targetDate: "${input.targetDate}" is not a date; write YYYY-MM-DD.`,
      { field: "targetDate" },
    );
  return {
    role,
    awsExperienceYears: input.awsExperience,
    itBackground: input.itBackground ?? false,
    stack: [...new Set(stack)],
    goal,
    hoursPerWeek: input.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK,
    held,
    want,
    targetDate: input.targetDate,
  };
}

function canonicalCode(catalog: Catalog, query: string, field: string): string {
  const m = findCertification(catalog, query);
  if (!m) {
    const suggestions = suggestCertifications(catalog, query);
    const hint = suggestions.length ? ` Did you mean ${suggestions.join(", ")}?` : "";
    throw new NotFoundError("catalog.not_found", `${field}: no certification matches "${query}".${hint}`, {
      field,
      suggestions,
    });
  }
  return (m.version ?? latestVersion(m.certification)).code;
}

/** Resolves a service slug, name or alias from `content/services.yaml`. */
export function resolveService(catalog: Catalog, word: string): string {
  const n = normalise(word);
  const hit = catalog.services.find(
    (s) =>
      s.slug === word.trim().toLowerCase() ||
      normalise(s.name) === n ||
      normalise(s.name.replace(/^(amazon|aws) /i, "")) === n ||
      s.aliases.some((a) => normalise(a) === n),
  );
  if (hit) return hit.slug;
  const close = catalog.services
    .filter((s) => s.slug.includes(n.replace(/ /g, "-")) || normalise(s.name).includes(n))
    .map((s) => s.slug);
  throw new ValidationError(
    "advice.invalid_input",
    `stack: unknown AWS service "${word}".${close.length ? ` Did you mean ${close.slice(0, 3).join(", ")}?` : ""} Services are named like s3, lambda, dynamodb, api-gateway (see \`certpath services\`).`,
    { field: "stack", allowed: catalog.services.map((s) => s.slug) },
  );
}
