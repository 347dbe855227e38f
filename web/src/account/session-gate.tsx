import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { rememberedSingleUser, useMe } from "./me-context.js";
import { signInPath } from "./safe-next.js";

// Pages a visitor may see without an account: their API routes are public too (the catalog and the
// advisor), or they are how one gets an account.
const PUBLIC_PAGES = [
  /^\/sign-in\/?$/,
  /^\/invite\/[^/]+\/?$/,
  /^\/catalog\/?$/,
  /^\/certifications\/[^/]+\/?$/,
  /^\/advisor\/?$/,
];

/** Whether a page is shown to visitors who are not signed in (multi-user mode). */
export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((p) => p.test(pathname));
}

/**
 * Shows a page that needs a session only once the session is known: nothing of it flashes while
 * GET /api/me is under way, and a visitor is sent to sign in (coming back here afterwards). A browser
 * that last saw single-user mode shows the page at once, as before accounts existed (should accounts
 * have appeared since, the page's own API calls answer 401 and lead to sign-in before any data shows).
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state } = useMe();
  const { pathname, search, hash } = useLocation();
  if (
    isPublicPage(pathname) ||
    state.status === "single-user" ||
    state.status === "signed-in" ||
    (state.status === "loading" && rememberedSingleUser())
  )
    return <>{children}</>;
  if (state.status === "anonymous")
    return <Navigate replace to={signInPath(`${pathname}${search}${hash}`)} />;
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}
