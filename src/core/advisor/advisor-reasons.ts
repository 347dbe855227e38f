import { certificationBySlug, latestVersion } from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import { describeList, serviceNames } from "./advisor-text.js";
import type { AdvisorRules, Profile, Role } from "./advisor-types.js";

// The sentences that explain each step of a path in terms of the profile, and the study-time estimate.

/** A path under consideration, with where it came from (the goal's paths, the role's, or the wanted certifications). */
export interface Candidate {
  title: string;
  why: string;
  steps: string[];
  source: "goal" | "role" | "want";
  order: number;
}

export function lowerFirst(s: string): string {
  const t = s.trim().replace(/\.?$/, ".");
  return t.charAt(0).toLowerCase() + t.slice(1);
}

export function years(n: number): string {
  return n === 1 ? "1 year" : `${n} years`;
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

/** What every step of every candidate path is judged against: the content, the profile and its resolved words. */
export interface AdviceScope {
  catalog: Catalog;
  rules: AdvisorRules;
  profile: Profile;
  role: Role;
  goal: Role;
  /** Slugs of the wanted certifications (retired ones already replaced by their successor). */
  wanted: string[];
}

/** The sentences that say why a step fits this profile. */
export function stepReasons(
  scope: AdviceScope,
  candidate: Candidate,
  cert: Certification,
  prerequisiteFor: string | undefined,
  hours: number,
  weeks: number,
): string[] {
  const { catalog, rules, profile, role, goal, wanted } = scope;
  const reasons: string[] = [];
  const code = latestVersion(cert).code;
  if (wanted.includes(cert.slug)) reasons.push(`You asked for ${code}.`);
  if (prerequisiteFor) {
    const target = certificationBySlug(catalog, prerequisiteFor);
    reasons.push(
      `${latestVersion(target).code} recommends ${years(rules.exams[prerequisiteFor]?.minAwsYears ?? 0)} of hands-on AWS and you have ${years(profile.awsExperienceYears)}; ${code} builds that foundation first.`,
    );
  } else if (candidate.source !== "want") {
    const who = candidate.source === "goal" ? goal : role;
    const relation =
      candidate.source === "goal" && goal.id !== role.id
        ? `your goal (${goal.label.toLowerCase()})`
        : `a ${who.label.toLowerCase()}`;
    reasons.push(`It is a step of “${candidate.title}” for ${relation}.`);
  }
  if (cert.level === "foundational" && (!profile.itBackground || !role.technical)) {
    reasons.push(
      profile.itBackground
        ? `It is the recommended starting point with ${years(profile.awsExperienceYears)} of hands-on AWS.`
        : "Without an IT or STEM background, the foundational exam teaches the vocabulary that later exams assume.",
    );
  } else if (cert.level === "associate") {
    reasons.push(
      profile.awsExperienceYears >= (rules.exams[cert.slug]?.minAwsYears ?? 1)
        ? `Your ${years(profile.awsExperienceYears)} of hands-on AWS matches what the exam assumes.`
        : `The exam assumes about a year of hands-on AWS and you have ${years(profile.awsExperienceYears)}: pair the study with hands-on labs.`,
    );
  }
  const covered = (rules.exams[cert.slug]?.services ?? []).filter((s) => profile.stack.includes(s));
  if (covered.length > 0) {
    const names = serviceNames(catalog, covered.slice(0, 4));
    const more = covered.length > 4 ? ` and ${covered.length - 4} more` : "";
    reasons.push(`Your organisation uses ${describeList(names)}${more}, which this exam covers.`);
  }
  reasons.push(
    `About ${hours} hours of study: ${weeks} ${weeks === 1 ? "week" : "weeks"} at ${profile.hoursPerWeek} hours a week.`,
  );
  return reasons;
}
