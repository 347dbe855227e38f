import {
  certificationBySlug,
  certificationStatus,
  findCertification,
  latestVersion,
} from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import { addDays, daysBetween, type IsoDate } from "../dates.js";
import { NotFoundError, ValidationError } from "../errors.js";
import {
  type AdviceScope,
  type Candidate,
  lowerFirst,
  stepReasons,
  studyHours,
  years,
} from "./advisor-reasons.js";
import {
  insteadSentence,
  recertificationNotes,
  retiredSentence,
  retiredVerb,
  successorsOf,
} from "./advisor-retirement.js";
import { describeList, serviceNames } from "./advisor-text.js";

export { studyHours } from "./advisor-reasons.js";

import type { Advice, AdviceStep, AdvisorRules, Profile, Recommendation, Role } from "./advisor-types.js";

/** Ranks up to three certification paths for a profile; the same profile and date give the same advice. */
export function advise(catalog: Catalog, rules: AdvisorRules, profile: Profile, today: IsoDate): Advice {
  const role = roleById(rules, profile.role);
  const goal = roleById(rules, profile.goal ?? profile.role);
  const warnings: string[] = [];
  const notes: string[] = [];
  const held = new Set<string>();

  for (const h of profile.held) {
    const cert = resolve(catalog, h.code, "held");
    held.add(cert.slug);
    recertificationNotes(catalog, rules, cert, h.code, h.earnedOn, today, warnings, notes);
  }

  const wanted: string[] = [];
  for (const w of profile.want) {
    const cert = resolve(catalog, w, "want");
    if (certificationStatus(cert, today) === "retired") {
      const next = successorsOf(catalog, cert);
      warnings.push(`${retiredSentence(cert, today)} ${insteadSentence(catalog, cert)}`);
      if (next[0]) wanted.push(next[0].slug);
    } else if (held.has(cert.slug)) {
      notes.push(
        `You already hold ${cert.shortName} (${latestVersion(cert).code}), so it is not planned again.`,
      );
    } else wanted.push(cert.slug);
  }

  for (const r of unique([role, goal])) {
    for (const slug of r.formerly) {
      const cert = certificationBySlug(catalog, slug);
      if (certificationStatus(cert, today) !== "retired") continue;
      warnings.push(
        `Older guides put ${cert.shortName} (${latestVersion(cert).code}) on the path for a ${r.label.toLowerCase()}, but it ${retiredVerb(cert, today)}. ${insteadSentence(catalog, cert)}`,
      );
    }
  }
  for (const [slug, rule] of Object.entries(rules.exams)) {
    const hits = rule.impliedBy.filter((s) => profile.stack.includes(s));
    if (hits.length === 0) continue;
    const cert = certificationBySlug(catalog, slug);
    if (certificationStatus(cert, today) !== "retired") continue;
    warnings.push(
      `Your organisation runs ${describeList(serviceNames(catalog, hits))}, but ${cert.shortName} (${latestVersion(cert).code}) ${retiredVerb(cert, today)}. ${insteadSentence(catalog, cert)}`,
    );
  }

  const candidates = candidatePaths(rules, role, goal, wanted);
  const scope: AdviceScope = { catalog, rules, profile, role, goal, wanted };
  const built: { rec: Recommendation; score: number; order: number; warnings: string[] }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const pathWarnings: string[] = [];
    const rec = buildRecommendation(scope, c, held, today, pathWarnings);
    if (!rec) continue;
    const key = rec.path.map((s) => s.code).join(">");
    if (seen.has(key)) continue;
    seen.add(key);
    built.push({ rec, score: scorePath(rules, profile, c, rec), order: c.order, warnings: pathWarnings });
  }
  built.sort((a, b) => b.score - a.score || a.order - b.order);
  const shown = built.slice(0, 3);
  const recommendations = shown.map((b) => b.rec);
  // Only the paths shown may warn: a risk in a path the person never sees is noise.
  for (const b of shown) warnings.push(...b.warnings);

  if (recommendations.length === 0) {
    notes.push(
      `You already hold every certification on the paths for a ${goal.label.toLowerCase()}. Keep them current, or pick another direction with --goal.`,
    );
  }
  const top = recommendations[0];
  if (top && profile.targetDate && top.finishBy && top.finishBy > profile.targetDate) {
    const daysLeft = Math.max(daysBetween(today, profile.targetDate), 0);
    const weeksLeft = Math.max(Math.floor(daysLeft / 7), 0);
    const first = top.path[0];
    const need = weeksLeft > 0 ? Math.ceil(top.totalHours / weeksLeft) : undefined;
    warnings.push(
      `At ${profile.hoursPerWeek} hours a week the recommended path takes about ${top.totalWeeks} weeks and ends on ${top.finishBy}, after your target date ${profile.targetDate}.` +
        (need ? ` Meeting it would take about ${need} hours a week` : " There is no time left before it") +
        (first && first.finishBy <= profile.targetDate
          ? `; ${first.code} alone fits (done by ${first.finishBy}).`
          : "."),
    );
  }
  if (profile.hoursPerWeek < rules.hours.minimumHoursPerWeek) {
    warnings.push(
      `${profile.hoursPerWeek} hours a week is very little: plans this thin often stall. ${rules.hours.minimumHoursPerWeek} or more hours a week keeps the material fresh between sessions.`,
    );
  }

  return {
    profile: { ...profile, goal: goal.id, today },
    recommendations,
    warnings: unique(warnings),
    notes: unique(notes),
  };
}

function roleById(rules: AdvisorRules, id: string): Role {
  const r = rules.roles.find((x) => x.id === id);
  if (!r)
    throw new ValidationError("advice.unknown_role", `Unknown role "${id}".`, {
      allowed: rules.roles.map((x) => x.id),
    });
  return r;
}

/** Resolves a role or direction word (id or synonym) to its id, or throws with the valid words. */
export function resolveRole(rules: AdvisorRules, word: string, field: string): string {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const r = rules.roles.find((x) => x.id === w || x.synonyms.some((s) => s.replace(/\s+/g, "-") === w));
  if (r) return r.id;
  const allowed = rules.roles.map((x) => x.id);
  throw new ValidationError(
    "advice.invalid_input",
    `Unknown ${field} "${word}". Use one of: ${allowed.join(", ")}.`,
    {
      field,
      allowed,
    },
  );
}

function resolve(catalog: Catalog, query: string, field: string): Certification {
  const m = findCertification(catalog, query);
  if (m) return m.certification;
  throw new NotFoundError("catalog.not_found", `Unknown certification "${query}" in ${field}.`, { field });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function candidatePaths(rules: AdvisorRules, role: Role, goal: Role, wanted: string[]): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  const plain = (s: string) => s.replace(/\?$/, "");
  for (const p of goal.paths)
    out.push({ title: p.name, why: p.why, steps: p.steps, source: "goal", order: order++ });
  if (role.id !== goal.id)
    for (const p of role.paths)
      out.push({ title: p.name, why: p.why, steps: p.steps, source: "role", order: order++ });
  if (wanted.length > 0) {
    // A path that already leads to the wanted certification keeps its context; cut it after the last wanted step.
    const containing = out.find((c) => wanted.every((w) => c.steps.map(plain).includes(w)));
    if (containing) {
      const last = Math.max(...wanted.map((w) => containing.steps.map(plain).indexOf(w)));
      out.push({
        ...containing,
        title: `Your choice, via ${containing.title}`,
        steps: containing.steps.slice(0, last + 1),
        source: "want",
        order: -1,
      });
    } else {
      const steps: string[] = [];
      for (const w of wanted) {
        for (const pre of rules.exams[w]?.prerequisites.slice(0, 1) ?? []) steps.push(`${pre}!`);
        steps.push(w);
      }
      out.push({
        title: "Your choice",
        why: "The certifications you asked for.",
        steps,
        source: "want",
        order: -1,
      });
    }
  }
  return out;
}

function buildRecommendation(
  scope: AdviceScope,
  candidate: Candidate,
  held: Set<string>,
  today: IsoDate,
  warnings: string[],
): Recommendation | undefined {
  const { catalog, rules, profile } = scope;
  const onRampKept = !profile.itBackground && profile.awsExperienceYears < 1;
  const slugs: { slug: string; prerequisiteFor?: string }[] = [];
  for (const raw of candidate.steps) {
    const optional = raw.endsWith("?");
    const conditional = raw.endsWith("!");
    const slug = raw.replace(/[?!]$/, "");
    if (optional && !onRampKept) continue;
    if (held.has(slug) || slugs.some((s) => s.slug === slug)) continue;
    let cert = certificationBySlug(catalog, slug);
    if (certificationStatus(cert, today) === "retired") {
      const next = successorsOf(catalog, cert)[0];
      if (!next) continue;
      cert = next;
    }
    const rule = rules.exams[cert.slug];
    if (conditional) {
      // A prerequisite of a wanted certification, kept only when the experience is missing.
      const target = candidate.steps[candidate.steps.indexOf(raw) + 1] ?? "";
      const need = rules.exams[target]?.minAwsYears ?? 0;
      if (profile.awsExperienceYears >= need) continue;
      slugs.push({ slug: cert.slug, prerequisiteFor: target });
      continue;
    }
    if (
      rule &&
      profile.awsExperienceYears < rule.minAwsYears &&
      (cert.level === "professional" || cert.level === "specialty")
    ) {
      const before = rule.prerequisites.find((p) => held.has(p) || slugs.some((s) => s.slug === p));
      const version = latestVersion(cert);
      if (!before && rule.prerequisites[0]) {
        const pre = certificationBySlug(catalog, rule.prerequisites[0]);
        slugs.push({ slug: pre.slug, prerequisiteFor: cert.slug });
      }
      const first = rule.prerequisites[0] ? certificationBySlug(catalog, rule.prerequisites[0]) : undefined;
      warnings.push(
        `${version.code} (${cert.shortName}) is a ${cert.level} exam that recommends ${lowerFirst(cert.recommendedExperience)} You have ${years(profile.awsExperienceYears)} of hands-on AWS.` +
          (first
            ? ` Get hands-on practice and take ${latestVersion(first).code} (${first.shortName}) first.`
            : ""),
      );
    }
    slugs.push({ slug: cert.slug });
  }
  if (slugs.length === 0) return undefined;

  const path: AdviceStep[] = [];
  let cursor = today;
  const focusSeen = new Set([...held].map((s) => certificationBySlug(catalog, s).focus));
  for (const { slug, prerequisiteFor } of slugs) {
    const cert = certificationBySlug(catalog, slug);
    const version = latestVersion(cert);
    const hours = studyHours(rules, profile, cert, focusSeen.has(cert.focus));
    focusSeen.add(cert.focus);
    const weeks = Math.max(1, Math.ceil(hours / profile.hoursPerWeek));
    const finish = addDays(cursor, weeks * 7);
    path.push({
      code: version.code,
      slug,
      name: cert.name,
      level: cert.level,
      reasons: stepReasons(scope, candidate, cert, prerequisiteFor, hours, weeks),
      studyHours: hours,
      weeks,
      startBy: cursor,
      finishBy: finish,
    });
    cursor = finish;
  }
  const totalWeeks = path.reduce((a, s) => a + s.weeks, 0);
  const totalHours = path.reduce((a, s) => a + s.studyHours, 0);
  const finishBy = path.at(-1)?.finishBy;
  const rec: Recommendation = {
    title: candidate.title,
    path,
    totalHours,
    totalWeeks,
    summary: `${candidate.title}: ${path.map((s) => s.code).join(" → ")}. About ${totalHours} hours of study over ${totalWeeks} weeks at ${profile.hoursPerWeek} hours a week${finishBy ? `, done by ${finishBy}` : ""}. ${candidate.why}`,
  };
  if (finishBy) rec.finishBy = finishBy;
  return rec;
}

function scorePath(rules: AdvisorRules, profile: Profile, c: Candidate, rec: Recommendation): number {
  const r = rules.hours.ranking;
  let score = c.source === "want" ? r.wantedCertification : c.source === "goal" ? r.goalPath : r.rolePath;
  const covered = new Set<string>();
  for (const step of rec.path)
    for (const s of rules.exams[step.slug]?.services ?? []) if (profile.stack.includes(s)) covered.add(s);
  score += covered.size * r.stackServiceCovered;
  if (profile.targetDate && rec.finishBy && rec.finishBy > profile.targetDate) score += r.missesTargetDate;
  return score;
}
