import { distance } from "fastest-levenshtein";
import { findCertification, normalise, suggestCertifications } from "../catalog/catalog.js";
import type { Catalog } from "../catalog/catalog-types.js";
import { isIsoDate } from "../dates.js";
import { ValidationError } from "../errors.js";
import type { AdvisorRules, HeldCertification, Profile } from "./advisor-types.js";

/** A profile as a person or a client writes it: words, not ids. */
export interface ProfileInput {
  role: string;
  /** Years of hands-on AWS: a number, or words such as "6 months", "none", "1.5". */
  awsExperience: number | string;
  /** Years in the field itself (networking, security, data…); unknown when left out, never taken as 0. */
  fieldExperience?: number | string | undefined;
  itBackground?: boolean | undefined;
  stack?: string[] | undefined;
  goal?: string | undefined;
  hoursPerWeek?: number | string | undefined;
  held?: string[] | undefined;
  want?: string[] | undefined;
  targetDate?: string | undefined;
}

export const DEFAULT_HOURS_PER_WEEK = 8;
/** The one range for study hours a week, in every face. */
export const HOURS_PER_WEEK = { min: 0.5, max: 80 } as const;
export const MAX_YEARS = 50;

const invalid = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new ValidationError("advice.invalid_input", message, { field, ...extra });

/** Reads years as people write them: 2, "1.5", "6 months", "18 mo", "2 years", "none". */
export function parseYears(value: number | string, field: string): number {
  const text = String(value).trim().toLowerCase();
  let years: number | undefined;
  if (typeof value === "number") years = value;
  else if (/^(none|no|zero|never|nil|-)$/.test(text)) years = 0;
  else {
    const m = /^(\d+(?:[.,]\d+)?)\s*(y|yr|yrs|year|years|m|mo|mos|month|months)?$/.exec(text);
    if (m?.[1]) {
      const n = Number(m[1].replace(",", "."));
      years = m[2]?.startsWith("m") ? n / 12 : n;
    }
  }
  if (years === undefined || !Number.isFinite(years) || years < 0 || years > MAX_YEARS)
    throw invalid(
      field,
      `${field}: "${value}" is not a number of years; give 0 to ${MAX_YEARS}, e.g. 0, 1.5, "6 months" or "none".`,
    );
  return Math.round(years * 100) / 100;
}

/** Checks study hours a week against the one allowed range (0.5 to 80). */
export function parseHoursPerWeek(value: number | string): number {
  const n = typeof value === "number" ? value : Number(String(value).trim().replace(",", "."));
  if (String(value).trim() === "" || !Number.isFinite(n) || n < HOURS_PER_WEEK.min || n > HOURS_PER_WEEK.max)
    throw invalid(
      "hoursPerWeek",
      `hoursPerWeek: "${value}" is not valid; give a number of hours from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max}, e.g. 6.`,
    );
  return n;
}

/** Resolves the words of a profile (role synonyms, service aliases, exam names) to ids, or throws with what is allowed. */
export function resolveProfile(catalog: Catalog, rules: AdvisorRules, input: ProfileInput): Profile {
  const given = (input ?? {}) as Partial<ProfileInput>;
  if (typeof given.role !== "string" || given.role.trim() === "")
    throw invalid("role", `role is required: use one of ${rules.roles.map((r) => r.id).join(", ")}.`, {
      allowed: rules.roles.map((r) => r.id),
    });
  if (given.awsExperience === undefined || given.awsExperience === null || given.awsExperience === "")
    throw invalid(
      "awsExperience",
      'awsExperience is required: years of hands-on AWS, e.g. 0, 1.5 or "6 months".',
    );
  const role = resolveRole(rules, given.role, "role");
  const goal = given.goal ? resolveRole(rules, given.goal, "goal") : undefined;
  const stack = (given.stack ?? []).map((s) => resolveService(catalog, s));
  const held: HeldCertification[] = (given.held ?? []).map((h) => {
    const [code = "", earnedOn, ...rest] = h.trim().split(/[:@]/);
    if ((earnedOn !== undefined && !isIsoDate(earnedOn.trim())) || rest.length > 0)
      throw invalid(
        "held",
        `held: "${h}" has a bad date; write CODE or CODE:YYYY-MM-DD, e.g. SAA-C03:2025-05-20.`,
      );
    return { code: certificationCode(catalog, code, "held"), earnedOn: earnedOn?.trim() };
  });
  const want = (given.want ?? []).map((w) => certificationCode(catalog, w, "want"));
  if (given.targetDate !== undefined && !isIsoDate(given.targetDate))
    throw invalid(
      "targetDate",
      `targetDate: "${given.targetDate}" is not a real date; write YYYY-MM-DD, e.g. 2027-06-30.`,
    );
  return {
    role,
    awsExperienceYears: parseYears(given.awsExperience, "awsExperience"),
    fieldExperienceYears:
      given.fieldExperience === undefined || given.fieldExperience === ""
        ? null
        : parseYears(given.fieldExperience, "fieldExperience"),
    itBackground: given.itBackground ?? rules.roles.find((r) => r.id === role)?.technical ?? false,
    stack: [...new Set(stack)],
    goal,
    hoursPerWeek:
      given.hoursPerWeek === undefined ? DEFAULT_HOURS_PER_WEEK : parseHoursPerWeek(given.hoursPerWeek),
    held,
    want,
    targetDate: given.targetDate,
  };
}

/** Resolves a role or direction word (id or synonym, any case and spacing) to its id, or throws with the valid words. */
export function resolveRole(rules: AdvisorRules, word: string, field: string): string {
  const w = slugWords(word);
  const r = rules.roles.find((x) => x.id === w || x.synonyms.some((s) => slugWords(s) === w));
  if (r) return r.id;
  const allowed = rules.roles.map((x) => x.id);
  throw invalid(field, `Unknown ${field} "${word}". Use one of: ${allowed.join(", ")}.`, { allowed });
}

function slugWords(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The exam code a held or wanted entry names (the version asked for, e.g. SOA-C02), or a 400 naming the field. */
function certificationCode(catalog: Catalog, query: string, field: string): string {
  const m = findCertification(catalog, query);
  if (!m) {
    const suggestions = suggestCertifications(catalog, query);
    const hint = suggestions.length ? ` Did you mean ${suggestions.join(", ")}?` : "";
    throw invalid(field, `${field}: no certification matches "${query}".${hint}`, { suggestions });
  }
  return (m.version ?? m.certification.versions.at(-1))?.code ?? query;
}

/** Resolves a service slug, name or alias from `content/services.yaml`, or a 400 that suggests the nearest ones. */
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
  const suggestions = suggestServices(catalog, word);
  throw invalid(
    "stack",
    `stack: unknown AWS service "${word}".${suggestions.length ? ` Did you mean ${suggestions.join(" / ")}?` : ""} See the list with \`certpath services\`.`,
    { suggestions, allowed: catalog.services.map((s) => s.slug) },
  );
}

/** The nearest service slugs to a misspelt word ("lamda" → lambda, "dynamo db" → dynamodb). */
export function suggestServices(catalog: Catalog, word: string, limit = 3): string[] {
  const q = normalise(word).replace(/ /g, "");
  if (!q) return [];
  const scored = catalog.services.map((s) => {
    const keys = [s.slug, s.name.replace(/^(amazon|aws) /i, ""), ...s.aliases].map((k) =>
      normalise(k).replace(/ /g, ""),
    );
    let best = Number.POSITIVE_INFINITY;
    for (const k of keys) {
      const d = k.startsWith(q) && q.length >= 3 ? 0.1 : distance(q, k) / Math.max(k.length, q.length, 1);
      best = Math.min(best, d);
    }
    return { slug: s.slug, score: best };
  });
  return scored
    .filter((s) => s.score <= 0.4)
    .sort((a, b) => a.score - b.score || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map((s) => s.slug);
}
