/**
 * The page to return to after signing in: only a path on this same site ("/plans/3?x=1#y"), never
 * another origin ("//evil.example", "https://…", "/\\evil.example"), never the sign-in page itself.
 * Anything else gives "/".
 */
export function safeNext(raw: string | null | undefined, origin: string): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/sign-in(\/|$|\?|#)/.test(path) || path.startsWith("/api/") ? "/" : path;
}

/** The sign-in page's address that returns to `path` afterwards ("/sign-in" alone for the home page). */
export function signInPath(path: string): string {
  return path === "/" || path === "" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`;
}
