// The library face: the core's use cases and the content loader.

export { type AppContext, createContext } from "./compose.js";
export { ContentError, type ContentProblem } from "./content/content-error.js";
export { type CoreContent, loadCoreContent } from "./content/load-content.js";
export { advise, resolveRole, studyHours } from "./core/advisor/advisor.js";
export type * from "./core/advisor/advisor-types.js";
export { type ProfileInput, resolveProfile } from "./core/advisor/profile.js";
export * from "./core/catalog/catalog.js";
export type * from "./core/catalog/catalog-types.js";
export * from "./core/catalog/catalog-view.js";
export * from "./core/dates.js";
export * from "./core/errors.js";
