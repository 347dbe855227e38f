import { findCertification } from "../core/catalog/catalog.js";
import type { Catalog, Service } from "../core/catalog/catalog-types.js";
import type { ImportedQuestion } from "./interop-model.js";

// What an import can infer from a source's categories, tags, file name and text: the exam, the domain,
// the services (matched against content/services.yaml) and AWS documentation references.

const EXAM_CODE = /\b([A-Z]{3}-[A-Z][0-9]{2})\b/i;

/** A certpath id from a source identifier: lowercase letters, digits and dashes, at most 60 characters. */
export function slugId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

/** Ids unique within one import: a taken id gets "-2", "-3"… */
export function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/** The exam code named in a category, a tag or the file name (e.g. "$course$/SAA-C03/…", "saa-c03-s3.gift"). */
export function examIn(texts: readonly (string | undefined)[]): string | undefined {
  for (const t of texts) {
    const m = t ? EXAM_CODE.exec(t) : null;
    if (m?.[1]) return m[1].toUpperCase();
  }
  return undefined;
}

/** The domain ids of an exam version (by its code), or undefined when the catalog does not know the code. */
export function examDomains(catalog: Catalog | undefined, exam: string): string[] | undefined {
  const match = catalog ? findCertification(catalog, exam) : undefined;
  return match?.matchedBy === "code" ? match.version?.domains.map((d) => d.id) : undefined;
}

/** "Domain 2", "domain-2", "D2: Resilient architectures" in a category or a tag → "2". */
export function domainIn(texts: readonly string[], known: readonly string[] | undefined): string | undefined {
  for (const t of texts) {
    for (const part of t.split(/[/|>:,]+/)) {
      const m = /^\s*(?:domain|d)[\s_-]*([0-9]+)\b/i.exec(part);
      const id = m?.[1] ? String(Number(m[1])) : undefined;
      if (id && (!known || known.includes(id))) return id;
    }
  }
  return undefined;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Services of content/services.yaml named by the question's category parts and tags (slug, name with or without
 * "Amazon"/"AWS", or alias), in the source's order; when those name none, the services whose full official name
 * appears in the stem or the options.
 */
export function servicesIn(q: ImportedQuestion, services: readonly Service[]): string[] {
  const labels = [...(q.category?.split(/[/|>:,]+/) ?? []), ...(q.tags ?? [])].map(norm).filter(Boolean);
  const found = new Set<string>();
  for (const l of labels) {
    const s = services.find((x) =>
      [x.slug, x.name, x.name.replace(/^(amazon|aws)\s+/i, ""), ...x.aliases].map(norm).includes(l),
    );
    if (s) found.add(s.slug);
  }
  if (found.size > 0) return [...found];
  const text = [q.stem, ...choiceTexts(q)].join("\n");
  for (const s of services)
    if (new RegExp(`(^|[^\\w-])${escapeRegExp(s.name)}(?![\\w-])`).test(text)) found.add(s.slug);
  return [...found];
}

function choiceTexts(q: ImportedQuestion): string[] {
  switch (q.type) {
    case "multiple-choice":
    case "multiple-response":
      return q.options.map((o) => o.text);
    case "ordering":
      return q.items.map((i) => i.text);
    case "matching":
      return [...q.pairs.flatMap((p) => [p.prompt, p.match]), ...(q.extraOptions ?? [])];
  }
}

const AWS_URL = /https:\/\/(?:[a-z0-9-]+\.)*aws\.amazon\.com(?:\/[^\s<>"'`)\]]*)?/gi;

/** https links on aws.amazon.com (docs.aws.amazon.com included) found in the texts, in order, once each. */
export function awsReferences(texts: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t?.matchAll(AWS_URL) ?? []) out.add(m[0].replace(/[.,;:!?]+$/, ""));
  return [...out];
}
