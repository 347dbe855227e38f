import { certificationBySlug, certificationStatus, latestVersion, retiredOn } from "../catalog/catalog.js";
import type { Catalog, Certification } from "../catalog/catalog-types.js";
import { addYears, daysBetween, type IsoDate } from "../dates.js";
import { describeList } from "./advisor-text.js";
import type { AdvisorRules } from "./advisor-types.js";

// How the advisor talks about retired certifications, successors and recertification.

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

export function retiredSentence(cert: Certification, today: IsoDate): string {
  return `${cert.shortName} (${latestVersion(cert).code}) ${retiredVerb(cert, today)}.`;
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

export function recertificationNotes(
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
