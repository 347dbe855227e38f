import { certificationBySlug, certificationStatus, shortNameOn } from "../catalog/catalog.js";
import type { Certification } from "../catalog/catalog-types.js";
import { addDays } from "../dates.js";
import {
  type AdviceScope,
  type Candidate,
  codeOn,
  fieldWords,
  fieldYears,
  label,
  lowerFirst,
  readiness,
  stepReasons,
  studyHours,
  years,
} from "./advisor-reasons.js";
import { replacementFor } from "./advisor-retirement.js";
import type { AdviceStep, Recommendation } from "./advisor-types.js";

// Turns one candidate path into dated steps with reasons, and says what is risky about it.

/** The steps of a candidate path as this person would take them, or undefined when nothing is left to take. */
export function buildRecommendation(
  scope: AdviceScope,
  candidate: Candidate,
  held: Set<string>,
  warnings: Map<string, string>,
): Recommendation | undefined {
  const { catalog, rules, profile, today } = scope;
  const onRampKept = !profile.itBackground && profile.awsExperienceYears < 1;
  const slugs: { slug: string; prerequisiteFor?: string | undefined }[] = [];
  const taken = (slug: string) => held.has(slug) || slugs.some((s) => s.slug === slug);
  for (const step of candidate.steps) {
    if (step.optional && !onRampKept) continue;
    let cert: Certification | undefined = certificationBySlug(catalog, step.slug);
    if (certificationStatus(cert, today) === "retired")
      cert = replacementFor(catalog, rules, [scope.goal, scope.role], cert)?.cert;
    // Never plan an exam that did not exist yet on the day (advice "as of" a past date).
    if (!cert || certificationStatus(cert, today) === "upcoming" || taken(cert.slug)) continue;
    if (step.conditional) {
      // A prerequisite of a wanted certification, kept only when the experience is missing.
      if (!step.prerequisiteFor || readiness(scope, step.prerequisiteFor) !== "missing") continue;
      slugs.push({ slug: cert.slug, prerequisiteFor: step.prerequisiteFor });
      continue;
    }
    if (cert.level === "professional" || cert.level === "specialty") {
      const fit = readiness(scope, cert.slug);
      if (fit !== "met") {
        const rule = rules.exams[cert.slug];
        const prereqs = rule?.prerequisites ?? [];
        const have = prereqs.find((p) => taken(p));
        let inserted: Certification | undefined;
        if (fit === "missing" && !have && prereqs[0]) {
          inserted = certificationBySlug(catalog, prereqs[0]);
          slugs.push({ slug: inserted.slug, prerequisiteFor: cert.slug });
        }
        warnings.set(
          `experience:${cert.slug}`,
          experienceWarning(
            scope,
            cert,
            fit,
            inserted,
            have ? certificationBySlug(catalog, have) : undefined,
          ),
        );
      }
    }
    slugs.push({ slug: cert.slug });
  }
  if (slugs.length === 0) return undefined;

  const path: AdviceStep[] = [];
  let cursor = today;
  const focusSeen = new Set([...held].map((s) => certificationBySlug(catalog, s).focus));
  for (const [index, { slug, prerequisiteFor }] of slugs.entries()) {
    const cert = certificationBySlug(catalog, slug);
    const code = codeOn(cert, today);
    const hours = studyHours(rules, profile, cert, focusSeen.has(cert.focus));
    focusSeen.add(cert.focus);
    const weeks = Math.max(1, Math.ceil(hours / profile.hoursPerWeek));
    const finish = addDays(cursor, weeks * 7);
    path.push({
      code,
      slug,
      name: cert.name === shortNameOn(cert, today) ? cert.name : `AWS Certified ${shortNameOn(cert, today)}`,
      level: cert.level,
      reasons: stepReasons(scope, {
        candidate,
        cert,
        index,
        previousCode: path.at(-1)?.code,
        prerequisiteFor,
        hours,
        weeks,
      }),
      studyHours: hours,
      weeks,
      startBy: cursor,
      finishBy: finish,
      links: { certification: `/certifications/${code}`, practice: `/exams/${code}` },
    });
    cursor = finish;
  }
  const totalWeeks = path.reduce((a, s) => a + s.weeks, 0);
  const totalHours = path.reduce((a, s) => a + s.studyHours, 0);
  const finishBy = path.at(-1)?.finishBy;
  const rec: Recommendation = {
    title: candidate.title,
    rationale: candidate.why,
    path,
    totalHours,
    totalWeeks,
    summary: `${candidate.title}: ${path.map((s) => s.code).join(" → ")}. About ${totalHours} hours of study over ${totalWeeks} weeks at ${profile.hoursPerWeek} hours a week${finishBy ? `, done by ${finishBy}` : ""}. ${candidate.why}`,
  };
  if (finishBy) rec.finishBy = finishBy;
  if (profile.targetDate && finishBy) rec.meetsTargetDate = finishBy <= profile.targetDate;
  return rec;
}

/** The risk of a Professional or Specialty exam without the recommended experience, and what the path does about it. */
function experienceWarning(
  scope: AdviceScope,
  cert: Certification,
  fit: "field" | "missing",
  inserted: Certification | undefined,
  have: Certification | undefined,
): string {
  const { rules, profile, today } = scope;
  const rule = rules.exams[cert.slug];
  const code = codeOn(cert, today);
  const field = rule?.field;
  const fy = fieldYears(scope, field);
  const recommends = `${code} (${cert.shortName}) is a ${cert.level} exam whose guide recommends ${lowerFirst(cert.recommendedExperience)}`;
  if (fit === "field" && field)
    return `${recommends} Your ${years(fy ?? 0)} of ${fieldWords(field)} cover that side; with ${years(profile.awsExperienceYears)} of hands-on AWS, add hands-on practice with the AWS services it covers before you book it.`;
  let text = `${recommends} You have ${years(profile.awsExperienceYears)} of hands-on AWS`;
  if (field && fy !== null && profile.fieldExperienceYears !== null)
    text += ` and ${years(fy)} of ${fieldWords(field)}`;
  text += ".";
  if (inserted) text += ` This path puts ${label(inserted, today)} before it to build that foundation.`;
  else if (have)
    text += ` ${label(have, today)} gives you the groundwork; add hands-on practice before you book it.`;
  else text += " Add hands-on practice before you book it.";
  if (field && profile.fieldExperienceYears === null && scope.role.field !== field)
    text += ` If you have years of ${fieldWords(field)}, give them (field experience): they count too.`;
  return text;
}
