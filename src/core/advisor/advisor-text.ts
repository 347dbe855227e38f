import type { Catalog } from "../catalog/catalog-types.js";

/** "a", "a and b", "a, b and c". */
export function describeList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Display names of service slugs, falling back to the slug. */
export function serviceNames(catalog: Catalog, slugs: string[]): string[] {
  return slugs.map((s) => catalog.services.find((x) => x.slug === s)?.name ?? s);
}
