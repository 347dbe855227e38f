import type { IsoDate } from "../dates.js";
import {
  certificationBySlug,
  certificationStatus,
  latestVersion,
  nameOn,
  retiredOn,
  shortNameOn,
  versionOn,
  versionStatus,
} from "./catalog.js";
import type {
  Catalog,
  Certification,
  Domain,
  ExamVersion,
  Level,
  QuestionTypeName,
  Source,
} from "./catalog-types.js";

/** The stable JSON shape of one certification in `catalog --json` and `GET /api/certifications`. */
export interface CertificationSummary {
  code: string;
  slug: string;
  name: string;
  shortName: string;
  level: Level;
  status: "active" | "beta" | "retired" | "unknown";
  focus: string;
  summary: string;
  retiredOn?: IsoDate;
  lastExamDay?: IsoDate;
  successors: string[];
  exam: {
    questions: number | null;
    scoredQuestions: number | null;
    durationMinutes: number | null;
    priceUsd: number | null;
    passingScore: number | null;
    questionTypes: QuestionTypeName[];
  };
  domains: Domain[];
  recommendedExperience: string;
  /** AWS's own pages first, each labelled with what it is. */
  sources: Source[];
  verifiedOn: IsoDate;
}

export interface VersionView {
  code: string;
  status: "active" | "beta" | "retired" | "upcoming" | "unknown";
  availableFrom: IsoDate | null;
  availableUntil: IsoDate | null;
  betaFrom: IsoDate | null;
  questions: number | null;
  scoredQuestions: number | null;
  durationMinutes: number | null;
  priceUsd: number | null;
  passingScore: number | null;
  questionTypes: QuestionTypeName[];
  domains: Domain[];
  notes: string[];
}

/** `show --json`: the summary plus every exam version, aliases and the notes behind the data. */
export interface CertificationDetail extends CertificationSummary {
  versions: VersionView[];
  aliases: string[];
  formerNames: { name: string; until: IsoDate }[];
  successorDetails: { code: string; slug: string; name: string; official: boolean; note: string | null }[];
  recertification: string;
  notes: string[];
}

function pickVersion(cert: Certification, on: IsoDate): ExamVersion {
  return versionOn(cert, on) ?? latestVersion(cert);
}

/** The facts of one exam version, with unknown values as null. */
function examFacts(v: ExamVersion): CertificationSummary["exam"] {
  return {
    questions: v.questions ?? null,
    scoredQuestions: v.scoredQuestions ?? null,
    durationMinutes: v.durationMinutes ?? null,
    priceUsd: v.priceUsd ?? null,
    passingScore: v.passingScore ?? null,
    questionTypes: v.questionTypes,
  };
}

/** The certification's sources and its version's, without repeats, AWS's own pages first. */
function mergeSources(a: Source[], b: Source[]): Source[] {
  const seen = new Set<string>();
  const all = [...a, ...b].filter((s) => !seen.has(s.url) && seen.add(s.url));
  const aws = (s: Source) =>
    /^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazonaws\.com|awsstatic\.com)\//.test(s.url) ? 0 : 1;
  return all
    .map((s, i) => ({ s, i }))
    .sort((x, y) => aws(x.s) - aws(y.s) || x.i - y.i)
    .map((x) => x.s);
}

/** Summary of a certification as it stood on `on`. */
export function summarizeCertification(
  catalog: Catalog,
  cert: Certification,
  on: IsoDate,
): CertificationSummary {
  const v = pickVersion(cert, on);
  const status = certificationStatus(cert, on);
  const retired = retiredOn(cert, on);
  const summary: CertificationSummary = {
    code: v.code,
    slug: cert.slug,
    name: nameOn(cert, on),
    shortName: shortNameOn(cert, on),
    level: cert.level,
    status: status === "upcoming" ? "beta" : status,
    focus: cert.focus,
    summary: cert.summary,
    successors: cert.successors.map((s) => latestVersion(certificationBySlug(catalog, s.slug)).code),
    exam: examFacts(v),
    domains: v.domains,
    recommendedExperience: cert.recommendedExperience,
    sources: mergeSources(cert.sources, v.sources),
    verifiedOn: cert.verifiedOn,
  };
  if (retired) {
    summary.retiredOn = retired;
    if (v.availableUntil) summary.lastExamDay = v.availableUntil;
  }
  return summary;
}

/** Everything about one certification as it stood on `on`. */
export function describeCertification(
  catalog: Catalog,
  cert: Certification,
  on: IsoDate,
): CertificationDetail {
  return {
    ...summarizeCertification(catalog, cert, on),
    versions: cert.versions.map((v) => ({
      code: v.code,
      status: versionStatus(v, on),
      availableFrom: v.availableFrom ?? null,
      availableUntil: v.availableUntil ?? null,
      betaFrom: v.betaFrom ?? null,
      ...examFacts(v),
      domains: v.domains,
      notes: v.notes,
    })),
    aliases: cert.aliases,
    formerNames: cert.formerNames,
    successorDetails: cert.successors.map((s) => {
      const target = certificationBySlug(catalog, s.slug);
      return {
        code: latestVersion(target).code,
        slug: target.slug,
        name: target.name,
        official: s.official,
        note: s.note ?? null,
      };
    }),
    recertification: cert.recertification,
    notes: cert.notes,
  };
}
