import { distance } from "fastest-levenshtein";
import { addDays, type IsoDate } from "../dates.js";
import { NotFoundError } from "../errors.js";
import type { Catalog, Certification, ExamVersion, Focus, Level, Status } from "./catalog-types.js";

/** Status of one exam version on a date. */
export function versionStatus(version: ExamVersion, on: IsoDate): Status {
  if (version.availableUntil && on > version.availableUntil) return "retired";
  if (version.availableFrom && on >= version.availableFrom) return "active";
  if (version.betaFrom && on >= version.betaFrom) return "beta";
  if (version.availableFrom || version.betaFrom) return "upcoming";
  // Start date unknown: active only from a date it is known to have been available.
  return version.knownFrom && on >= version.knownFrom ? "active" : "unknown";
}

/** The full name in force on a date: a former name until its last day, the current name after. */
export function nameOn(cert: Certification, on: IsoDate): string {
  const former = [...cert.formerNames]
    .sort((a, b) => a.until.localeCompare(b.until))
    .find((f) => on <= f.until);
  return former?.name ?? cert.name;
}

/** The short name in force on a date ("SysOps Administrator – Associate" in 2024). */
export function shortNameOn(cert: Certification, on: IsoDate): string {
  const name = nameOn(cert, on);
  return name === cert.name ? cert.shortName : name.replace(/^AWS Certified /, "");
}

function startOf(version: ExamVersion): IsoDate | undefined {
  return version.betaFrom ?? version.availableFrom;
}

/** The exam version in force on a date: the newest one that has started, or undefined before the first. */
export function versionOn(cert: Certification, on: IsoDate): ExamVersion | undefined {
  let found: ExamVersion | undefined;
  for (const v of cert.versions) {
    const start = startOf(v);
    if (!start || start <= on) found = v;
  }
  return found;
}

/** The newest exam version, whatever the date. */
export function latestVersion(cert: Certification): ExamVersion {
  const v = cert.versions[cert.versions.length - 1];
  if (!v) throw new Error(`certification ${cert.slug} has no exam version`);
  return v;
}

/** Status of a certification on a date: that of its version in force, `upcoming` before it existed. */
export function certificationStatus(cert: Certification, on: IsoDate): Status {
  const v = versionOn(cert, on);
  return v ? versionStatus(v, on) : "upcoming";
}

/** The first day a retired certification could no longer be taken, if it is retired on `on`. */
export function retiredOn(cert: Certification, on: IsoDate): IsoDate | undefined {
  const v = versionOn(cert, on);
  if (!v || versionStatus(v, on) !== "retired" || !v.availableUntil) return undefined;
  return addDays(v.availableUntil, 1);
}

// Tier order for lists; retired certifications come after the active ones of their tier.
const LEVEL_ORDER: Record<Level, number> = { foundational: 0, associate: 1, professional: 2, specialty: 3 };

export interface CatalogFilter {
  level?: Level | undefined;
  status?: Exclude<Status, "upcoming"> | undefined;
  focus?: Focus | undefined;
  on: IsoDate;
}

/** Certifications that exist on `filter.on` and match the filter, in tier order. */
export function listCertifications(catalog: Catalog, filter: CatalogFilter): Certification[] {
  return catalog.certifications
    .filter((c) => {
      const status = certificationStatus(c, filter.on);
      if (status === "upcoming") return false;
      if (filter.status && status !== filter.status) return false;
      if (filter.level && c.level !== filter.level) return false;
      if (filter.focus && c.focus !== filter.focus) return false;
      return true;
    })
    .map((c) => ({
      c,
      key: [LEVEL_ORDER[c.level], certificationStatus(c, filter.on) === "retired" ? 1 : 0] as const,
    }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.c.slug.localeCompare(b.c.slug))
    .map((x) => x.c);
}

/** How a query found its certification, so a rename or alias can be explained to the user. */
export interface CatalogMatch {
  certification: Certification;
  matchedBy: "code" | "slug" | "alias" | "former-name" | "name";
  /** The exam version named by the query, when it named one by code. */
  version?: ExamVersion | undefined;
  /** Set when the query used an old name or an old exam code. */
  note?: string | undefined;
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[–—-]/g, " ")
    .replace(/[^a-z0-9 ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function renameNote(cert: Certification): string | undefined {
  const former = cert.formerNames.at(-1);
  if (!former) return undefined;
  return `${former.name} was renamed ${cert.name} (the last day under the old name was ${former.until}).`;
}

/** Finds a certification by exam code (any version), slug, alias, former name or a unique name fragment. */
export function findCertification(catalog: Catalog, query: string): CatalogMatch | undefined {
  const q = query.trim();
  const n = normalise(q);
  if (!n) return undefined;
  for (const c of catalog.certifications) {
    const version = c.versions.find((v) => v.code.toLowerCase() === q.toLowerCase());
    if (version) {
      const latest = latestVersion(c);
      const note =
        version === latest
          ? undefined
          : `${version.code} is an earlier version; the current exam is ${latest.code}.`;
      return { certification: c, matchedBy: "code", version, note };
    }
  }
  for (const c of catalog.certifications)
    if (c.slug === q.toLowerCase()) return { certification: c, matchedBy: "slug" };
  for (const c of catalog.certifications) {
    if (c.aliases.some((a) => normalise(a) === n)) {
      const formerHit = c.formerNames.some((f) => normalise(f.name).includes(n));
      return { certification: c, matchedBy: "alias", note: formerHit ? renameNote(c) : undefined };
    }
  }
  for (const c of catalog.certifications) {
    if (normalise(c.name) === n || normalise(c.shortName) === n)
      return { certification: c, matchedBy: "name" };
  }
  for (const c of catalog.certifications) {
    if (c.formerNames.some((f) => normalise(f.name).includes(n)))
      return { certification: c, matchedBy: "former-name", note: renameNote(c) };
  }
  const fragment = nameMatches(catalog, query);
  if (fragment.length === 1 && fragment[0]) return { certification: fragment[0], matchedBy: "name" };
  return undefined;
}

/** Every certification whose name, former name or alias contains all the words of the query. */
export function nameMatches(catalog: Catalog, query: string): Certification[] {
  const words = normalise(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const has = (text: string) => {
    const t = ` ${normalise(text)} `;
    return words.every((w) => t.includes(w));
  };
  return catalog.certifications.filter(
    (c) => has(c.name) || c.formerNames.some((f) => has(f.name)) || c.aliases.some(has),
  );
}

/** The nearest codes, slugs and names to a query that matched nothing (or matched several). */
export function suggestCertifications(catalog: Catalog, query: string, limit = 3): string[] {
  const n = normalise(query);
  const scored: { label: string; score: number }[] = [];
  for (const c of catalog.certifications) {
    const latest = latestVersion(c).code;
    const label = `${latest} (${c.shortName})`;
    const keys = [latest, c.slug, c.shortName, ...c.aliases, ...c.versions.map((v) => v.code)].map(normalise);
    let best = Number.POSITIVE_INFINITY;
    for (const k of keys) {
      const d = k.includes(n) || n.includes(k) ? 0.5 : distance(n, k) / Math.max(k.length, n.length, 1);
      best = Math.min(best, d);
    }
    scored.push({ label, score: best });
  }
  return scored
    .filter((s) => s.score <= 0.4)
    .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map((s) => s.label);
}

/** Like findCertification, but throws `catalog.not_found` with suggestions. */
export function getCertification(catalog: Catalog, query: string): CatalogMatch {
  const match = findCertification(catalog, query);
  if (match) return match;
  const several = nameMatches(catalog, query);
  if (several.length > 1) {
    const suggestions = several.map((c) => `${latestVersion(c).code} (${c.shortName})`);
    throw new NotFoundError(
      "catalog.ambiguous",
      `"${query}" matches ${several.length} certifications: ${suggestions.join(", ")}. Name one by its code, e.g. certpath show ${latestVersion(several[0] as Certification).code}.`,
      { suggestions },
    );
  }
  const suggestions = suggestCertifications(catalog, query);
  const hint = suggestions.length ? ` Did you mean ${suggestions.join(", ")}?` : "";
  throw new NotFoundError("catalog.not_found", `No certification matches "${query}".${hint}`, {
    suggestions,
  });
}

/** Finds a certification by its slug (used for successors and advisor rules). */
export function certificationBySlug(catalog: Catalog, slug: string): Certification {
  const c = catalog.certifications.find((x) => x.slug === slug);
  if (!c) throw new NotFoundError("catalog.not_found", `No certification has the slug "${slug}".`);
  return c;
}
