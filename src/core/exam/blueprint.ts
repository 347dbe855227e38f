import { latestVersion, versionOn } from "../catalog/catalog.js";
import type { Certification, Domain, QuestionTypeName } from "../catalog/catalog-types.js";
import type { IsoDate } from "../dates.js";
import { DomainError } from "../errors.js";

/** What a practice exam must look like, taken from the catalog's exam version. */
export interface Blueprint {
  exam: string;
  name: string;
  questionCount: number;
  durationMinutes: number;
  passingScore: number;
  domains: Domain[];
  questionTypes: QuestionTypeName[];
}

/** The blueprint of the exam version in force on `on` (or the latest one). */
export function blueprintFor(cert: Certification, on: IsoDate): Blueprint {
  const v = versionOn(cert, on) ?? latestVersion(cert);
  if (!v.questions || !v.durationMinutes || !v.passingScore || v.domains.length === 0)
    throw new DomainError(
      "exam.no_blueprint",
      `${v.code} has no complete blueprint (question count, time, pass mark and domains).`,
    );
  return {
    exam: v.code,
    name: cert.name,
    questionCount: v.questions,
    durationMinutes: v.durationMinutes,
    passingScore: v.passingScore,
    domains: v.domains,
    questionTypes: v.questionTypes,
  };
}

/** Splits `total` over weights by the largest-remainder method: each share is within one of its exact value. */
export function largestRemainder(
  total: number,
  weights: { id: string; weight: number }[],
): Map<string, number> {
  const sum = weights.reduce((a, w) => a + w.weight, 0);
  const exact = weights.map((w) => ({ id: w.id, exact: sum === 0 ? 0 : (total * w.weight) / sum }));
  const out = new Map(exact.map((e) => [e.id, Math.floor(e.exact)]));
  let left = total - [...out.values()].reduce((a, b) => a + b, 0);
  // Ties go to the earlier domain so the split is the same every time.
  const order = exact
    .map((e, i) => ({ ...e, i, rem: e.exact - Math.floor(e.exact) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const e of order) {
    if (left <= 0) break;
    out.set(e.id, (out.get(e.id) ?? 0) + 1);
    left--;
  }
  return out;
}
