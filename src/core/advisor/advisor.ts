import { certificationBySlug, certificationStatus, findCertification } from "../catalog/catalog.js";
import type { Catalog, Certification, Level } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";
import { ValidationError } from "../errors.js";
import { buildRecommendation } from "./advisor-path.js";
import {
  type AdviceScope,
  type Candidate,
  codeOn,
  label,
  type PlannedStep,
  type Replaced,
  renamedNote,
} from "./advisor-reasons.js";
import {
  checkHeld,
  expiresOn,
  expiryWarnings,
  heldNotes,
  insteadSentence,
  replacementFor,
  retiredVerb,
} from "./advisor-retirement.js";
import { targetDateAdvice } from "./advisor-target.js";
import { describeList, serviceNames } from "./advisor-text.js";
import type {
  Advice,
  AdvisorRules,
  HeldCertification,
  Profile,
  Recommendation,
  Role,
} from "./advisor-types.js";

export { studyHours } from "./advisor-reasons.js";
export { resolveRole } from "./profile.js";

const LEVEL_ORDER: Record<Level, number> = { foundational: 0, associate: 1, professional: 2, specialty: 3 };

/** Ranks up to three certification paths for a profile; the same profile and date give the same advice. */
export function advise(catalog: Catalog, rules: AdvisorRules, profile: Profile, today: IsoDate): Advice {
  const role = roleById(rules, profile.role);
  const goal = roleById(rules, profile.goal ?? profile.role);
  const warnings: string[] = [];
  const notes: string[] = [];
  const held = new Set<string>();
  const heldValid: { cert: Certification; h: HeldCertification }[] = [];
  const expired = new Map<string, { code: string; on: IsoDate }>();
  const warned = new Set<string>();

  for (const h of profile.held) {
    checkHeld(h, today);
    const cert = resolve(catalog, h.code, "held");
    notes.push(...heldNotes(catalog, cert, h.code, today));
    const expires = expiresOn(rules, h);
    if (expires && expires < today) {
      if (certificationStatus(cert, today) === "retired") continue;
      expired.set(cert.slug, { code: h.code, on: expires });
      warnings.push(
        `Your ${cert.shortName} (${h.code}) expired on ${expires}. An expired certification cannot be renewed, so ${codeOn(cert, today)} is planned again as a renewal step.`,
      );
      continue;
    }
    held.add(cert.slug);
    heldValid.push({ cert, h });
  }

  const wanted = new Map<string, string>();
  const replaced = new Map<string, Replaced>();
  const wantedCerts = profile.want
    .map((w) => ({ asked: w, cert: resolve(catalog, w, "want") }))
    .sort((a, b) => LEVEL_ORDER[a.cert.level] - LEVEL_ORDER[b.cert.level]);
  for (const { asked, cert } of wantedCerts) {
    const status = certificationStatus(cert, today);
    if (status === "retired") {
      warned.add(cert.slug);
      const next = replacementFor(catalog, rules, unique([goal, role]), cert);
      const planned = next
        ? ` For you certpath plans ${label(next.cert, today)}: ${next.why}.`
        : " certpath has nothing to plan in its place.";
      warnings.push(
        `You asked for ${asked} (${cert.shortName}), but it ${retiredVerb(cert, today)}. ${insteadSentence(catalog, cert)}${planned}`,
      );
      if (next && !held.has(next.cert.slug)) {
        wanted.set(next.cert.slug, codeOn(next.cert, today));
        replaced.set(next.cert.slug, { askedCode: asked, retired: cert, why: next.why });
      }
    } else if (status === "upcoming") {
      warnings.push(`You asked for ${asked}, but ${cert.shortName} did not exist yet on ${today}.`);
    } else if (held.has(cert.slug)) {
      notes.push(`You already hold ${label(cert, today)}, so it is not planned again.`);
    } else {
      wanted.set(cert.slug, asked);
      if (asked.toUpperCase() !== codeOn(cert, today))
        notes.push(`You asked for ${asked}; ${renamedNote(cert, asked, today)}`);
    }
  }

  for (const r of unique([role, goal])) {
    for (const slug of r.formerly) {
      const cert = certificationBySlug(catalog, slug);
      if (warned.has(slug) || certificationStatus(cert, today) !== "retired") continue;
      warned.add(slug);
      warnings.push(
        `Older guides put ${cert.shortName} (${cert.versions.at(-1)?.code}) on the path for a ${r.label.toLowerCase()}, but it ${retiredVerb(cert, today)}. ${insteadSentence(catalog, cert)}`,
      );
    }
  }
  for (const [slug, rule] of Object.entries(rules.exams)) {
    const hits = rule.impliedBy.filter((s) => profile.stack.includes(s));
    if (hits.length === 0 || warned.has(slug)) continue;
    const cert = certificationBySlug(catalog, slug);
    if (certificationStatus(cert, today) !== "retired") continue;
    warned.add(slug);
    warnings.push(
      `Your organisation runs ${describeList(serviceNames(catalog, hits))}, but ${cert.shortName} (${cert.versions.at(-1)?.code}) ${retiredVerb(cert, today)}. ${insteadSentence(catalog, cert)}`,
    );
  }

  const scope: AdviceScope = { catalog, rules, profile, role, goal, today, wanted, replaced, expired };
  const built: { rec: Recommendation; c: Candidate; score: number; warnings: Map<string, string> }[] = [];
  const seen = new Set<string>();
  for (const c of candidatePaths(scope)) {
    const pathWarnings = new Map<string, string>();
    const rec = buildRecommendation(scope, c, held, pathWarnings);
    if (!rec) continue;
    if (c.source === "want") rec.rationale = wantRationale(scope, rec, c.why);
    const key = rec.path.map((s) => s.code).join(">");
    if (seen.has(key)) continue;
    seen.add(key);
    built.push({ rec, c, score: scorePath(scope, c, rec), warnings: pathWarnings });
  }
  const meets = (r: Recommendation) => (r.meetsTargetDate === false ? 0 : 1);
  // What the person asked for stays first; then paths that meet the target date; then the score.
  built.sort(
    (a, b) =>
      Number(b.c.source === "want") - Number(a.c.source === "want") ||
      meets(b.rec) - meets(a.rec) ||
      b.score - a.score ||
      a.c.order - b.c.order,
  );
  const shown = built.slice(0, 3);
  const recommendations = shown.map((b) => b.rec);
  // Only the paths shown may warn: a risk in a path the person never sees is noise.
  // One warning per certification, from the highest-ranked path that carries it.
  const perCert = new Map<string, string>();
  for (const b of shown) for (const [k, w] of b.warnings) if (!perCert.has(k)) perCert.set(k, w);
  warnings.push(...perCert.values());

  if (recommendations.length === 0) {
    notes.push(
      `You already hold every certification on the paths for a ${goal.label.toLowerCase()}. Keep them current, or pick another direction with --goal.`,
    );
  }
  const target = targetDateAdvice(scope, recommendations, held);
  warnings.push(...target.warnings);
  if (target.extra) recommendations.push(target.extra);
  warnings.push(...expiryWarnings(scope, heldValid, recommendations[0]));
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

/** The want path's rationale: what was asked for, and why anything comes before it. */
function wantRationale(scope: AdviceScope, rec: Recommendation, why: string): string {
  const extra = rec.path.filter((s) => !scope.wanted.has(s.slug));
  const replaced = [...scope.replaced.values()].map((r) => r.askedCode);
  const asked = replaced.length
    ? `In place of ${describeList(replaced)}, which you asked for and which AWS has retired.`
    : `The certification${scope.wanted.size > 1 ? "s" : ""} you asked for.`;
  return extra.length > 0
    ? `${asked} ${extra.map((s) => s.code).join(" and ")} come${extra.length > 1 ? "" : "s"} first: ${why.replace(/\.$/, "")}.`
    : asked;
}

function roleById(rules: AdvisorRules, id: string): Role {
  const r = rules.roles.find((x) => x.id === id);
  if (!r)
    throw new ValidationError("advice.invalid_input", `Unknown role "${id}".`, {
      field: "role",
      allowed: rules.roles.map((x) => x.id),
    });
  return r;
}

function resolve(catalog: Catalog, query: string, field: string): Certification {
  const m = findCertification(catalog, query);
  if (m) return m.certification;
  throw new ValidationError("advice.invalid_input", `${field}: no certification matches "${query}".`, {
    field,
  });
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function parseSteps(steps: string[]): PlannedStep[] {
  return steps.map((s) => ({ slug: s.replace(/\?$/, ""), optional: s.endsWith("?") }));
}

function candidatePaths(scope: AdviceScope): Candidate[] {
  const { rules, role, goal, wanted, expired, catalog } = scope;
  const out: Candidate[] = [];
  let order = 0;
  for (const p of goal.paths)
    out.push({ title: p.name, why: p.why, steps: parseSteps(p.steps), source: "goal", order: order++ });
  if (role.id !== goal.id)
    for (const p of role.paths)
      out.push({ title: p.name, why: p.why, steps: parseSteps(p.steps), source: "role", order: order++ });
  if (wanted.size > 0) {
    const want = [...wanted.keys()];
    // A path that already leads to the wanted certifications lends its on-ramp; other earlier steps
    // stay only as prerequisites, kept when the experience is missing.
    const containing = out.find((c) => want.every((w) => c.steps.some((s) => s.slug === w)));
    const steps: PlannedStep[] = [];
    for (const w of want) {
      const before = containing
        ? containing.steps.slice(
            0,
            containing.steps.findIndex((s) => s.slug === w),
          )
        : [];
      for (const s of before) {
        if (steps.some((x) => x.slug === s.slug) || wanted.has(s.slug)) continue;
        if (s.optional) steps.push(s);
        else if (
          rules.exams[w]?.prerequisites.includes(s.slug) ||
          certificationBySlug(catalog, s.slug).level === "foundational"
        )
          steps.push({ slug: s.slug, conditional: true, prerequisiteFor: w });
      }
      const pre = rules.exams[w]?.prerequisites[0];
      if (pre && !steps.some((x) => x.slug === pre || x.prerequisiteFor === w))
        steps.push({ slug: pre, conditional: true, prerequisiteFor: w });
      steps.push({ slug: w });
    }
    const instead = want.flatMap((w) => scope.replaced.get(w)?.askedCode ?? []);
    // First in the list, so that a role path with the same steps does not hide it.
    out.unshift({
      title: instead.length ? `Your choice, in place of ${describeList(instead)}` : "Your choice",
      why: containing
        ? `it is what “${containing.title}” puts before ${want.length > 1 ? "them" : "it"} when the experience is missing.`
        : "it builds the experience the exam recommends.",
      steps,
      source: "want",
      order: -1,
    });
  }
  // An expired certification is planned again, first, on every path that does not already include it.
  if (expired.size > 0)
    for (const c of out)
      for (const slug of [...expired.keys()].reverse())
        c.steps = c.steps.some((s) => s.slug === slug)
          ? c.steps.map((s) => (s.slug === slug ? { slug } : s))
          : [{ slug }, ...c.steps];
  return out;
}

function scorePath(scope: AdviceScope, c: Candidate, rec: Recommendation): number {
  const { rules, profile } = scope;
  const r = rules.hours.ranking;
  let score = c.source === "want" ? r.wantedCertification : c.source === "goal" ? r.goalPath : r.rolePath;
  const covered = new Set<string>();
  for (const step of rec.path)
    for (const s of rules.exams[step.slug]?.services ?? []) if (profile.stack.includes(s)) covered.add(s);
  score += covered.size * r.stackServiceCovered;
  if (rec.meetsTargetDate === false) score += r.missesTargetDate;
  return score;
}
