import { createContext } from "../compose.js";
import { contentRoot } from "../content/content-root.js";
import { loadCoreContent } from "../content/load-content.js";

/** The shipped content, loaded once per test file. */
export const content = loadCoreContent(contentRoot());

/** A context with a fixed clock, so dates in answers are golden. */
export const FIXED_NOW = new Date("2026-11-26T10:00:00Z");
export function fixedContext() {
  return createContext({ content, now: () => FIXED_NOW });
}
