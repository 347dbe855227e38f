import { advise } from "../advisor/advisor.js";
import type { Advice, AdvisorRules, Profile } from "../advisor/advisor-types.js";
import { certificationBySlug, certificationStatus, latestVersion, versionOn } from "../catalog/catalog.js";
import type { Catalog, Level } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";

/** A certification and the team's stack services its exam emphasises (advisor rules, content/advisor/exams.yaml). */
export interface StackCoverage {
  code: string;
  name: string;
  level: Level;
  covered: string[];
  /** Share of the team's stack this exam covers, 0–1. */
  share: number;
}

/** Which active certifications cover the team's services, most services first (only those that cover any). */
export function stackCoverage(
  catalog: Catalog,
  rules: AdvisorRules,
  stack: readonly string[],
  today: IsoDate,
): StackCoverage[] {
  if (stack.length === 0) return [];
  const out: StackCoverage[] = [];
  for (const [slug, rule] of Object.entries(rules.exams)) {
    const covered = stack.filter((s) => rule.services.includes(s));
    if (covered.length === 0) continue;
    const cert = certificationBySlug(catalog, slug);
    const status = certificationStatus(cert, today);
    if (status === "retired" || status === "upcoming") continue;
    out.push({
      code: (versionOn(cert, today) ?? latestVersion(cert)).code,
      name: cert.name,
      level: cert.level,
      covered,
      share: Math.round((covered.length / stack.length) * 1000) / 1000,
    });
  }
  const order: Record<Level, number> = { foundational: 0, associate: 1, professional: 2, specialty: 3 };
  return out.sort(
    (a, b) =>
      b.covered.length - a.covered.length || order[a.level] - order[b.level] || a.code.localeCompare(b.code),
  );
}

/**
 * The advisor run for a team: the profile of a typical member (role, experience, hours) with the team's stack,
 * plus which certifications cover that stack. The advisor itself is the learner's (advise()), not a copy.
 */
export function teamAdvice(
  catalog: Catalog,
  rules: AdvisorRules,
  profile: Profile,
  today: IsoDate,
): { coverage: StackCoverage[]; advice: Advice } {
  return {
    coverage: stackCoverage(catalog, rules, profile.stack, today),
    advice: advise(catalog, rules, profile, today),
  };
}
