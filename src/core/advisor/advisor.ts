import {
  certificationBySlug,
  certificationStatus,
  findCertification,
  latestVersion,
  retiredOn,
} from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import { addDays, addYears, daysBetween, type IsoDate } from "../dates.js";
import { NotFoundError, ValidationError } from "../errors.js";
import { describeList, serviceNames } from "./advisor-text.js";
import type { Advice, AdviceStep, AdvisorRules, Profile, Recommendation, Role } from "./advisor-types.js";

interface Candidate {
  title: string;
  why: string;
  steps: string[];
  source: "goal" | "role" | "want";
  order: number;
}

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
  const built: { rec: Recommendation; score: number; order: number; warnings: string[] }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const pathWarnings: string[] = [];
    const rec = buildRecommendation(
      catalog,
      rules,
      profile,
      role,
      goal,
      c,
      held,
      wanted,
      today,
      pathWarnings,
    );
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

function successorsOf(catalog: Catalog, cert: Certification): Certification[] {
  return [...cert.successors]
    .sort((a, b) => Number(b.official) - Number(a.official))
    .map((s) => certificationBySlug(catalog, s.slug));
}

function retiredVerb(cert: Certification, today: IsoDate): string {
  const day = retiredOn(cert, today);
  const last = latestVersion(cert).availableUntil;
  return day && last ? `was retired (the last exam day was ${last})` : "was retired";
}

function retiredSentence(cert: Certification, today: IsoDate): string {
  return `${cert.shortName} (${latestVersion(cert).code}) ${retiredVerb(cert, today)}.`;
}

function insteadSentence(catalog: Catalog, cert: Certification): string {
  if (cert.successors.length === 0) return "It has no successor.";
  const official = cert.successors.filter((s) => s.official);
  const names = (list: typeof cert.successors) =>
    describeList(
      list.map((s) => {
        const c = certificationBySlug(catalog, s.slug);
        return `${c.shortName} (${latestVersion(c).code})`;
      }),
    );
  return official.length > 0
    ? `AWS points to ${names(official)} instead.`
    : `AWS names no direct successor; certpath suggests ${names(cert.successors)} instead.`;
}

function recertificationNotes(
  catalog: Catalog,
  rules: AdvisorRules,
  cert: Certification,
  code: string,
  earnedOn: IsoDate | undefined,
  today: IsoDate,
  warnings: string[],
  notes: string[],
): void {
  const latest = latestVersion(cert);
  const retired = certificationStatus(cert, today) === "retired";
  if (retired) {
    notes.push(
      `You hold ${cert.shortName} (${code}). It stays valid until it expires but can no longer be renewed. ${insteadSentence(catalog, cert)}`,
    );
  } else if (code.toUpperCase() !== latest.code) {
    notes.push(
      `You hold ${code}, an earlier version of ${cert.shortName}; to renew it, pass the current ${latest.code}.`,
    );
  }
  if (!earnedOn) return;
  const expires = addYears(earnedOn, rules.hours.validityYears);
  if (expires < today) {
    warnings.push(
      `Your ${cert.shortName} (${code}) expired on ${expires}; an expired certification cannot be recertified, so it is planned as if not held.`,
    );
  } else if (daysBetween(today, expires) <= rules.hours.recertifyWithinDays && !retired) {
    warnings.push(`Your ${cert.shortName} expires on ${expires}. To recertify: ${cert.recertification}`);
  }
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
  catalog: Catalog,
  rules: AdvisorRules,
  profile: Profile,
  role: Role,
  goal: Role,
  candidate: Candidate,
  held: Set<string>,
  wanted: string[],
  today: IsoDate,
  warnings: string[],
): Recommendation | undefined {
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
      reasons: stepReasons(
        catalog,
        rules,
        profile,
        role,
        goal,
        candidate,
        cert,
        prerequisiteFor,
        wanted,
        hours,
        weeks,
      ),
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

function lowerFirst(s: string): string {
  const t = s.trim().replace(/\.?$/, ".");
  return t.charAt(0).toLowerCase() + t.slice(1);
}

function years(n: number): string {
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

function stepReasons(
  catalog: Catalog,
  rules: AdvisorRules,
  profile: Profile,
  role: Role,
  goal: Role,
  candidate: Candidate,
  cert: Certification,
  prerequisiteFor: string | undefined,
  wanted: string[],
  hours: number,
  weeks: number,
): string[] {
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
