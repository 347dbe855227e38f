import { certificationBySlug, latestVersion, shortNameOn, versionOn } from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";
import { describeList, serviceNames } from "./advisor-text.js";
import type { AdvisorRules, Profile, Role } from "./advisor-types.js";

// The sentences that explain each step of a path in terms of the profile, and the study-time estimate.

/** One step of a path under consideration. */
export interface PlannedStep {
  slug: string;
  /** An on-ramp kept only without an IT background and with less than a year of AWS. */
  optional?: boolean;
  /** Kept only when the person lacks the experience that `prerequisiteFor` recommends. */
  conditional?: boolean;
  prerequisiteFor?: string | undefined;
}

/** A path under consideration, with where it came from (the goal's paths, the role's, or the wanted certifications). */
export interface Candidate {
  title: string;
  why: string;
  steps: PlannedStep[];
  source: "goal" | "role" | "want" | "target";
  order: number;
}

/** A retired certification the person asked for, and what is planned in its place. */
export interface Replaced {
  askedCode: string;
  retired: Certification;
  why: string;
}

/** What every step of every candidate path is judged against: the content, the profile and its resolved words. */
export interface AdviceScope {
  catalog: Catalog;
  rules: AdvisorRules;
  profile: Profile;
  role: Role;
  goal: Role;
  today: IsoDate;
  /** Slugs of the wanted certifications (retired ones already replaced), with the code each was asked as. */
  wanted: Map<string, string>;
  /** Wanted slugs that stand in for a retired certification. */
  replaced: Map<string, Replaced>;
  /** Certifications held but expired: slug → the code held and the day it expired. */
  expired: Map<string, { code: string; on: IsoDate }>;
}

const FIELD_WORDS: Record<string, string> = {
  networking: "networking",
  security: "security work",
  data: "data work",
  "machine-learning": "machine learning work",
  operations: "operations work",
  development: "software development",
  architecture: "architecture work",
  devops: "DevOps work",
  sap: "SAP work",
  "generative-ai": "generative AI work",
};

export function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? `${field} work`;
}

/** "Two or more years…" → "two or more years…", but "AWS…" and "SAP…" keep their capitals. */
export function lowerFirst(s: string): string {
  const t = /[.!?]\)?$/.test(s.trim()) ? s.trim() : `${s.trim()}.`;
  return /^[A-Z][a-z]/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** 0.5 → "6 months", 1 → "1 year", 2.5 → "2.5 years". */
export function years(n: number): string {
  if (n > 0 && n < 1) {
    const months = Math.round(n * 12);
    return months === 1 ? "1 month" : `${months} months`;
  }
  return n === 1 ? "1 year" : `${n} years`;
}

/** How well the person's experience fits what an exam's guide recommends. */
export type Readiness = "met" | "field" | "missing";

/** Field years: given, or (safely) the AWS years of someone whose role is that field; null when unknown. */
export function fieldYears(scope: AdviceScope, field: string | undefined): number | null {
  // Field experience is the person's own field: it speaks for exams in that field only.
  if (!field || (scope.role.field !== field && scope.goal.field !== field)) return null;
  if (scope.profile.fieldExperienceYears !== null) return scope.profile.fieldExperienceYears;
  return scope.role.field === field ? scope.profile.awsExperienceYears : null;
}

/** Whether the recommended experience for a certification is met, met through the field itself, or missing. */
export function readiness(scope: AdviceScope, slug: string): Readiness {
  const rule = scope.rules.exams[slug];
  if (!rule) return "met";
  const aws = scope.profile.awsExperienceYears;
  if (aws >= rule.minAwsYears) return "met";
  const field = fieldYears(scope, rule.field);
  if (rule.minFieldYears !== undefined && field !== null && field >= rule.minFieldYears && aws >= 1)
    return "field";
  return "missing";
}

/** Study hours for one certification, rounded to 5, from the rules table. */
export function studyHours(
  rules: AdvisorRules,
  profile: Profile,
  cert: Certification,
  overlaps: boolean,
): number {
  const band =
    rules.hours.experience.find((b) => profile.awsExperienceYears < b.below) ?? rules.hours.experience.at(-1);
  let hours = rules.hours.baseHours[cert.level] * (band?.factor ?? 1);
  if (!profile.itBackground) hours *= rules.hours.noItBackgroundFactor;
  if (overlaps) hours *= rules.hours.overlapFactor;
  return Math.max(5, Math.round(hours / 5) * 5);
}

export function codeOn(cert: Certification, on: IsoDate): string {
  return (versionOn(cert, on) ?? latestVersion(cert)).code;
}

/** "Solutions Architect – Associate (SAA-C03)" as it was named on the day. */
export function label(cert: Certification, on: IsoDate): string {
  return `${shortNameOn(cert, on)} (${codeOn(cert, on)})`;
}

export interface StepContext {
  candidate: Candidate;
  cert: Certification;
  index: number;
  previousCode?: string | undefined;
  prerequisiteFor?: string | undefined;
  hours: number;
  weeks: number;
}

/** The sentences that say why a step fits this profile; the first one is particular to the step. */
export function stepReasons(scope: AdviceScope, step: StepContext): string[] {
  const { catalog, rules, profile, today } = scope;
  const { cert, candidate } = step;
  const code = codeOn(cert, today);
  const short = shortNameOn(cert, today);
  const rule = rules.exams[cert.slug];
  const reasons: string[] = [];
  const asked = scope.wanted.get(cert.slug);
  const expired = scope.expired.get(cert.slug);
  if (expired) {
    reasons.push(
      `Your ${short} (${expired.code}) expired on ${expired.on}; an expired certification cannot be renewed, so passing ${code} again is how you hold it again.`,
    );
  } else if (asked !== undefined) {
    reasons.push(wantedSentence(scope, cert, asked));
  } else if (step.prerequisiteFor) {
    const target = certificationBySlug(catalog, step.prerequisiteFor);
    const min = rules.exams[step.prerequisiteFor]?.minAwsYears ?? 0;
    reasons.push(
      `${codeOn(target, today)} recommends ${years(min)} of hands-on AWS and you have ${years(profile.awsExperienceYears)}, so ${code} comes first to build that foundation.`,
    );
  } else if (step.index === 0 || !step.previousCode) {
    reasons.push(`${short} opens “${candidate.title}”: it covers ${rule?.adds ?? cert.focus}.`);
  } else {
    reasons.push(`After ${step.previousCode}, ${code} adds ${rule?.adds ?? cert.focus}.`);
  }
  if (cert.level === "foundational" && (!profile.itBackground || !scope.role.technical)) {
    reasons.push(
      profile.itBackground
        ? `It is the recommended starting point with ${years(profile.awsExperienceYears)} of hands-on AWS.`
        : "Without an IT or STEM background, the foundational exam teaches the vocabulary that later exams assume.",
    );
  } else if (cert.level === "associate" && asked === undefined) {
    reasons.push(
      profile.awsExperienceYears >= (rule?.minAwsYears ?? 1)
        ? `Your ${years(profile.awsExperienceYears)} of hands-on AWS ${profile.awsExperienceYears === 1 || profile.awsExperienceYears < 1 ? "matches" : "match"} what the exam assumes.`
        : `The exam assumes about a year of hands-on AWS and you have ${years(profile.awsExperienceYears)}: pair the study with hands-on labs.`,
    );
  }
  const covered = (rule?.services ?? []).filter((s) => profile.stack.includes(s));
  if (covered.length > 0) {
    const names = serviceNames(catalog, covered.slice(0, 4));
    const more = covered.length > 4 ? ` and ${covered.length - 4} more` : "";
    reasons.push(`Your organisation uses ${describeList(names)}${more}, which this exam covers.`);
  }
  reasons.push(
    `About ${step.hours} hours of study: ${step.weeks} ${step.weeks === 1 ? "week" : "weeks"} at ${profile.hoursPerWeek} hours a week.`,
  );
  return reasons;
}

/** For an older exam code: the rename (if any) and the version that replaced it, with the date. */
export function renamedNote(cert: Certification, asked: string, today: IsoDate): string {
  const code = codeOn(cert, today);
  const version = cert.versions.find((v) => v.code === asked.toUpperCase());
  const oldName = version?.availableUntil ? shortNameOn(cert, version.availableUntil) : cert.shortName;
  const now = cert.versions.find((v) => v.code === code);
  const since = now?.availableFrom ? ` on ${now.availableFrom}` : "";
  return oldName !== shortNameOn(cert, today)
    ? `that was ${oldName}, which AWS renamed ${shortNameOn(cert, today)}; ${code} replaced ${asked.toUpperCase()}${since}.`
    : `that is an earlier version of ${cert.shortName}; ${code} replaced it${since}.`;
}

/** Why a wanted step is here: what was asked, a rename or a replacement, and whether the experience fits. */
function wantedSentence(scope: AdviceScope, cert: Certification, asked: string): string {
  const { today, profile, rules } = scope;
  const code = codeOn(cert, today);
  const replaced = scope.replaced.get(cert.slug);
  let text: string;
  if (replaced) {
    text = `It takes the place of ${replaced.askedCode} (${replaced.retired.shortName}), which you asked for and which is retired: ${replaced.why}.`;
  } else if (asked.toUpperCase() !== code) {
    text = `You asked for ${asked}; ${renamedNote(cert, asked, today)}`;
  } else text = `You asked for ${code}.`;
  if (cert.level === "professional" || cert.level === "specialty") {
    const rule = rules.exams[cert.slug];
    const fit = readiness(scope, cert.slug);
    if (fit === "met" && rule)
      text += ` AWS sets no formal prerequisite for it, and your ${years(profile.awsExperienceYears)} of hands-on AWS meet the ${years(rule.minAwsYears)} its exam guide recommends.`;
    else if (fit === "field" && rule?.field)
      text += ` AWS sets no formal prerequisite for it, and your ${years(fieldYears(scope, rule.field) ?? 0)} of ${fieldWords(rule.field)} count toward the experience its exam guide recommends.`;
  }
  return text;
}
