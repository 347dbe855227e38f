import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { setUnauthorizedHandler } from "../api.js";
import { accountApi, type Me } from "./account-api.js";
import { signInPath } from "./safe-next.js";

/**
 * Who the browser acts as. "single-user": the laptop mode, no accounts, nothing to sign in to (also
 * when the server predates accounts). "anonymous": accounts exist and nobody is signed in.
 */
export type MeState =
  | { status: "loading" }
  | { status: "single-user"; me: Me }
  | { status: "signed-in"; me: Me & { email: string } }
  | { status: "anonymous" };

interface MeContextValue {
  state: MeState;
  /** Asks the server again (after signing in, accepting an invitation or changing teams). */
  refresh(): Promise<MeState>;
}

const SINGLE_USER: Me = { email: null, role: "admin", teams: [], mode: "single-user" };

const MeContext = createContext<MeContextValue>({
  state: { status: "loading" },
  refresh: async () => ({ status: "loading" }),
});

const MODE_KEY = "certpath.mode";

/** Whether this browser last saw the server in single-user mode (pages then show without waiting). */
export function rememberedSingleUser(): boolean {
  try {
    return localStorage.getItem(MODE_KEY) === "single-user";
  } catch {
    return false;
  }
}

function remember(state: MeState) {
  try {
    if (state.status === "single-user") localStorage.setItem(MODE_KEY, "single-user");
    else localStorage.removeItem(MODE_KEY);
  } catch {
    // Storage off (private mode, policy): pages simply wait for GET /api/me.
  }
}

async function loadMe(): Promise<MeState> {
  try {
    const me = await accountApi.me();
    if (me.mode === "multi-user" && me.email) return { status: "signed-in", me: { ...me, email: me.email } };
    return { status: "single-user", me: { ...SINGLE_USER, ...me } };
  } catch (e) {
    // Only a 401 means accounts exist; any other failure keeps the app as it always was.
    if ((e as { status?: number }).status === 401) return { status: "anonymous" };
    return { status: "single-user", me: SINGLE_USER };
  }
}

/** Loads GET /api/me once at start and sends the browser to sign-in whenever the API answers 401. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<MeState>({ status: "loading" });
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    const next = await loadMe();
    remember(next);
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        remember({ status: "anonymous" });
        setState({ status: "anonymous" });
        const { pathname, search, hash } = window.location;
        if (pathname !== "/sign-in") navigate(signInPath(`${pathname}${search}${hash}`), { replace: true });
      }),
    [navigate],
  );

  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

/** The signed-in user (or the single-user mode), loaded once for the whole app. */
export function useMe(): MeContextValue {
  return useContext(MeContext);
}
