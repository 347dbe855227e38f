import { useEffect, useId, useRef, useState } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { accountApi } from "./account-api.js";
import { useMe } from "./me-context.js";

/**
 * Signs out (here, or on every device) and loads the sign-in page afresh, so nothing of the previous
 * user stays in memory; also when the session was already gone.
 */
export function useSignOut(everywhere = false) {
  return async () => {
    try {
      await (everywhere ? accountApi.signOutEverywhere() : accountApi.signOut());
    } finally {
      window.location.replace("/sign-in");
    }
  };
}

/**
 * The header's account corner. Single-user mode (and while loading): nothing. Multi-user mode: the
 * signed-in email opening a small menu (Account, Sign out), or a "Sign in" link for a visitor.
 */
export function UserMenu() {
  const { state } = useMe();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const signOut = useSignOut();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu when the page changes
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    // A click or a Tab that lands outside the menu closes it.
    const onOutside = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
    };
  }, [open]);

  if (state.status === "anonymous")
    return pathname === "/sign-in" ? null : (
      <NavLink to="/sign-in" className="user-sign-in">
        Sign in
      </NavLink>
    );
  if (state.status !== "signed-in") return null;
  return (
    <div className="user-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        title={state.me.email}
        data-testid="user-menu"
      >
        <span className="visually-hidden">Signed in as </span>
        <span className="user-email">{state.me.email}</span>
        <span aria-hidden="true" className="user-menu-caret">
          ▾
        </span>
      </button>
      <ul id={id} className="user-menu-list" hidden={!open}>
        <li>
          <Link to="/account">Account</Link>
        </li>
        <li>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
