import { certificationBySlug, certificationStatus, latestVersion, retiredOn } from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import { addYears, daysBetween, type IsoDate } from "../dates.js";
import { ValidationError } from "../errors.js";
import { type AdviceScope, codeOn, label } from "./advisor-reasons.js";
import { describeList } from "./advisor-text.js";
import type { AdvisorRules, HeldCertification, Recommendation, Role } from "./advisor-types.js";

// How the advisor talks about retired certifications, successors, renewals and expiry.

export function successorsOf(catalog: Catalog, cert: Certification): Certification[] {
  return [...cert.successors]
    .sort((a, b) => Number(b.official) - Number(a.official))
    .map((s) => certificationBySlug(catalog, s.slug));
}

export function retiredVerb(cert: Certification, today: IsoDate): string {
  const day = retiredOn(cert, today);
  const last = latestVersion(cert).availableUntil;
  return day && last ? `was retired (the last exam day was ${last})` : "was retired";
}

export function insteadSentence(catalog: Catalog, cert: Certification): string {
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

/** What to plan instead of a retired certification for this person: a role rule, else the successor on their paths. */
export function replacementFor(
  catalog: Catalog,
  rules: AdvisorRules,
  roles: Role[],
  cert: Certification,
): { cert: Certification; why: string } | undefined {
  const rule = rules.exams[cert.slug];
  for (const r of rule?.replacements ?? [])
    if (roles.some((x) => r.roles.includes(x.id)))
      return { cert: certificationBySlug(catalog, r.slug), why: r.why };
  const next = successorsOf(catalog, cert);
  const onPath = (c: Certification) =>
    roles.some((x) => x.paths.some((p) => p.steps.some((s) => s.replace(/\?$/, "") === c.slug)));
  const pick = next.find(onPath) ?? next[0];
  if (!pick) return undefined;
  const where = onPath(pick)
    ? `it is on the paths for a ${roles[0]?.label.toLowerCase() ?? "your role"}`
    : "it is the successor AWS names first";
  return { cert: pick, why: where };
}

/** A held certification, checked: the earned date may not lie in the future. */
export function checkHeld(h: HeldCertification, today: IsoDate): void {
  if (h.earnedOn && h.earnedOn > today)
    throw new ValidationError(
      "advice.invalid_input",
      `held: ${h.code} was earned on ${h.earnedOn}, which is after today (${today}); give the date you passed the exam.`,
      { field: "held" },
    );
}

/** The day a held certification expires, when the date it was earned is known. */
export function expiresOn(rules: AdvisorRules, h: HeldCertification): IsoDate | undefined {
  return h.earnedOn ? addYears(h.earnedOn, rules.hours.validityYears) : undefined;
}

/** Notes about held certifications that are retired or an older version. */
export function heldNotes(catalog: Catalog, cert: Certification, code: string, today: IsoDate): string[] {
  if (certificationStatus(cert, today) === "retired")
    return [
      `You hold ${cert.shortName} (${code}). It stays valid until it expires but can no longer be renewed. ${insteadSentence(catalog, cert)}`,
    ];
  const current = codeOn(cert, today);
  return code.toUpperCase() !== current
    ? [`You hold ${code}, an earlier version of ${cert.shortName}; to renew it, pass the current ${current}.`]
    : [];
}

/**
 * Warnings for held certifications that expire before the plan ends (or within the renewal window):
 * the date, and every exam that renews it, pointing at a step of the first path that does.
 */
export function expiryWarnings(
  scope: AdviceScope,
  held: { cert: Certification; h: HeldCertification }[],
  top: Recommendation | undefined,
): string[] {
  const { catalog, rules, today } = scope;
  const out: string[] = [];
  const planEnd = top?.finishBy ?? today;
  for (const { cert, h } of held) {
    const expires = expiresOn(rules, h);
    if (!expires || expires < today) continue;
    const soon = daysBetween(today, expires) <= rules.hours.recertifyWithinDays;
    if (!soon && expires > planEnd) continue;
    if (certificationStatus(cert, today) === "retired") {
      out.push(`Your ${cert.shortName} (${h.code}) expires on ${expires} and can no longer be renewed.`);
      continue;
    }
    const renewers = (rules.exams[cert.slug]?.renewedBy ?? [])
      .map((s) => certificationBySlug(catalog, s))
      .filter((c) => certificationStatus(c, today) === "active");
    const ways = [
      `passing ${codeOn(cert, today)} again`,
      ...renewers.map((c) => `passing ${label(c, today)}`),
    ];
    const when =
      expires <= planEnd && top
        ? `before this plan ends (${planEnd})`
        : `within ${Math.round(rules.hours.recertifyWithinDays / 30)} months`;
    let text = `Your ${cert.shortName} (${h.code}) expires on ${expires}, ${when}. It is renewed by ${describeList(ways).replace(/ and ([^,]+)$/, " or $1")}; renew it while it is still active.`;
    const onPath = top?.path.find((s) => s.slug !== cert.slug && renewers.some((c) => c.slug === s.slug));
    if (onPath)
      text +=
        onPath.finishBy <= expires
          ? ` ${onPath.code} on this plan renews it too, if you pass it by ${expires}.`
          : ` ${onPath.code} on this plan would renew it, but it is planned to finish on ${onPath.finishBy}, after ${expires}.`;
    out.push(text);
  }
  return out;
}
