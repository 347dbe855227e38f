import { distance } from "fastest-levenshtein";
import { resolveService } from "../core/advisor/profile.js";
import {
  certificationBySlug,
  certificationStatus,
  getCertification,
  latestVersion,
  retiredOn,
} from "../core/catalog/catalog.js";
import type { Catalog, Certification } from "../core/catalog/catalog-types.js";
import type { IsoDate } from "../core/dates.js";
import { DomainError, ValidationError } from "../core/errors.js";
import type { Attempt } from "../core/exam/attempt.js";
import { type Blueprint, blueprintFor } from "../core/exam/blueprint.js";
import type { ExamPool } from "../core/exam/form-assembly.js";
import type { ScoreReport } from "../core/exam/scoring.js";

// What an attempt can and cannot be, and how it ended: shared by the HTTP API and the CLI.

/**
 * Checks what a start request names before anything is stored: the exam exists, is not retired and has
 * questions; its domains and services are real. The CLI runs it before it asks for a terminal.
 */
export function planStart(
  catalog: Catalog,
  bank: ReadonlyMap<string, ExamPool>,
  req: { exam: string; domains?: readonly string[] | undefined; services?: readonly string[] | undefined },
  today: IsoDate,
): { blueprint: Blueprint; pool: ExamPool; services: string[] | undefined } {
  const cert = getCertification(catalog, req.exam).certification;
  assertNotRetired(catalog, cert, today);
  const blueprint = blueprintFor(cert, today);
  const pool = bank.get(blueprint.exam);
  if (!pool || pool.size === 0)
    throw new DomainError(
      "exam.no_questions",
      `certpath has no questions for ${blueprint.exam} yet. Exams with questions: ${[...bank.keys()].sort().join(", ")}.`,
    );
  checkDomains(blueprint, req.domains);
  return { blueprint, pool, services: resolveServices(catalog, req.services) };
}

/** A retired certification has no exam to practise for: `exam.retired`, naming its successors. */
export function assertNotRetired(catalog: Catalog, cert: Certification, today: IsoDate): void {
  if (certificationStatus(cert, today) !== "retired") return;
  const code = latestVersion(cert).code;
  const successors = [...cert.successors]
    .sort((a, b) => Number(b.official) - Number(a.official))
    .map((s) => {
      const c = certificationBySlug(catalog, s.slug);
      return { code: latestVersion(c).code, name: c.name };
    });
  const day = retiredOn(cert, today);
  const names = successors.map((s) => `${s.name} (${s.code})`);
  const instead =
    names.length === 0
      ? " It has no successor exam."
      : names.length === 1
        ? ` Its successor is ${names[0]}: practise for that instead.`
        : ` Its successors are ${names.join(" and ")}: practise for one of them instead.`;
  throw new DomainError(
    "exam.retired",
    `${code} (${cert.name}) was retired${day ? ` on ${day}` : ""}: AWS no longer offers this exam.${instead}`,
    { exam: code, successors },
  );
}

/** True when the server submitted the attempt because its time ran out (it is then submitted at its end). */
export function timedOut(a: Pick<Attempt, "endsAt" | "submittedAt">): boolean {
  return a.endsAt !== null && a.submittedAt !== null && Date.parse(a.submittedAt) >= Date.parse(a.endsAt);
}

/** Results stored before verdicts existed read as scored, as they were shown then. */
export function withVerdict(r: ScoreReport): ScoreReport {
  if (r.verdict !== undefined) return r;
  const passed = r.passed === true;
  return {
    ...r,
    verdictKind: "scored",
    verdict: `${passed ? "Pass" : "Did not pass"}: an estimated ${r.scaledScore} against the pass mark of ${r.passingScore}.`,
    percent: r.total === 0 ? 0 : Math.round((100 * r.correct) / r.total),
  };
}

/** Domain ids of the blueprint; an unknown one is `attempt.invalid_input` listing every valid domain. */
export function checkDomains(blueprint: Blueprint, domains: readonly string[] | undefined): void {
  for (const d of domains ?? [])
    if (!blueprint.domains.some((x) => x.id === d))
      throw new ValidationError(
        "attempt.invalid_input",
        `domains: ${blueprint.exam} has no domain "${d}". Its domains are: ${blueprint.domains.map((x) => `${x.id} (${x.name})`).join(", ")}.`,
        { field: "domains", allowed: blueprint.domains.map((x) => x.id) },
      );
}

/** Service words as slugs; an unknown one is `attempt.invalid_input` with the nearest services. */
export function resolveServices(
  catalog: Catalog,
  words: readonly string[] | undefined,
): string[] | undefined {
  if (!words) return undefined;
  return words.map((word) => {
    try {
      return resolveService(catalog, word);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const near = nearestServices(catalog, word);
      throw new ValidationError(
        "attempt.invalid_input",
        `services: unknown AWS service "${word}".${near.length ? ` Did you mean ${near.join(" or ")}?` : ""} Services are named like s3, lambda, dynamodb.`,
        { field: "services", suggestions: near, allowed: catalog.services.map((s) => s.slug) },
      );
    }
  });
}

/** Up to three service slugs closest to a misspelt word (edit distance on slug, name and aliases). */
function nearestServices(catalog: Catalog, word: string): string[] {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const scored = catalog.services.map((s) => {
    const keys = [s.slug, s.name.toLowerCase().replace(/^(amazon|aws) /, ""), ...s.aliases].map((k) =>
      k.toLowerCase().replace(/\s+/g, "-"),
    );
    const d = Math.min(...keys.map((k) => distance(w, k) / Math.max(w.length, k.length, 1)));
    return { slug: s.slug, d };
  });
  return scored
    .filter((x) => x.d <= 0.4)
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug))
    .slice(0, 3)
    .map((x) => x.slug);
}
