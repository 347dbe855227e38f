/**
 * The web app's client-side routes (web/src/app.tsx), so the server can answer an unknown page with
 * 404 and still load every real page with 200. A test keeps this list and the app's <Route>s equal.
 */
export const WEB_ROUTES = [
  "/",
  "/catalog",
  "/certifications/:id",
  "/advisor",
  "/exams",
  "/exams/:code",
  "/attempts/:id",
  "/attempts/:id/report",
  "/attempts/:id/review",
  "/history",
  "/progress",
  "/progress/:exam",
  "/plans/new",
  "/plans/:id",
  "/author/import",
  "/sign-in",
  "/account",
  "/invite/:token",
  "/author",
  "/teams/:id",
] as const;

const patterns = WEB_ROUTES.map(
  (r) => new RegExp(`^${r.replace(/:[a-zA-Z]+/g, "[^/]+").replace(/\/$/, "")}/?$`),
);

/** Whether a path (without the query) is a page of the web app. */
export function isWebRoute(path: string): boolean {
  return patterns.some((p) => p.test(path));
}
