import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../account/account-api.js";
import {
  FieldError,
  FormError,
  invalidProps,
  type Problems,
  useFocusFirstError,
  waitText,
} from "../account/form-parts.js";
import { useMe } from "../account/me-context.js";
import { safeNext } from "../account/safe-next.js";
import { ApiError } from "../api.js";
import { Title } from "../components/status.js";
import "../account/account.css";

/** Email and password; a wrong pair, a rate limit (with the wait) and a lost server are said plainly. */
export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"), window.location.origin);
  const { state, refresh } = useMe();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [lockedUntil, setLockedUntil] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  useFocusFirstError(form, attempt);

  // A rate-limited form stays disabled until the server's wait is over.
  useEffect(() => {
    if (lockedUntil === 0) return;
    const t = setTimeout(() => setLockedUntil(0), Math.max(0, lockedUntil - Date.now()));
    return () => clearTimeout(t);
  }, [lockedUntil]);

  if (state.status === "signed-in") return <Navigate replace to={next} />;
  if (state.status === "single-user")
    return (
      <section className="account-narrow">
        <Title>Sign in</Title>
        <p className="notice">
          This certpath runs in single-user mode: there are no accounts and nothing to sign in to.
        </p>
        <p>
          <Link to={next}>Continue</Link>
        </p>
      </section>
    );

  const refuse = (p: Problems) => {
    setProblems(p);
    setAttempt((a) => a + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Problems = {};
    if (!email.trim()) p.email = "Enter your email address.";
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      p.email = "Enter an email address like name@example.com.";
    if (!password) p.password = "Enter your password.";
    if (p.email || p.password) return refuse(p);
    setBusy(true);
    try {
      await accountApi.signIn(email.trim(), password);
      const now = await refresh();
      if (now.status !== "signed-in") {
        setBusy(false);
        return refuse({
          form: "Signed in, but the session did not stick: does this browser accept cookies?",
        });
      }
      navigate(next, { replace: true });
    } catch (err) {
      setBusy(false);
      const error = err instanceof ApiError ? err : new ApiError(0, "client", String(err));
      if (error.status === 401) {
        setPassword("");
        return refuse({ form: "The email or the password is not right. Check both and try again." });
      }
      if (error.status === 429) {
        const wait = error.retryAfter;
        if (wait) setLockedUntil(Date.now() + wait * 1000);
        return refuse({
          form: wait
            ? `Too many failed sign-ins. Wait ${waitText(wait)}, then try again.`
            : `Too many failed sign-ins. ${error.message}`,
        });
      }
      if (error.status === 400 && error.field === "email") return refuse({ email: error.message });
      refuse({ form: error.message });
    }
  };

  const locked = lockedUntil > 0;
  return (
    <section className="account-narrow">
      <Title>Sign in</Title>
      {state.status === "loading" ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <form ref={form} className="account-form" onSubmit={(e) => void submit(e)} noValidate>
          {problems.form && (
            <FormError>
              <span data-testid="sign-in-error">{problems.form}</span>
            </FormError>
          )}
          <div className="field">
            <label htmlFor={`${id}-email`}>Email</label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              {...invalidProps(problems, "email", id)}
            />
            <FieldError problems={problems} field="email" id={id} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...invalidProps(problems, "password", id)}
            />
            <FieldError problems={problems} field="password" id={id} />
          </div>
          <div className="start-actions">
            <button type="submit" className="button button-primary" disabled={busy || locked}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
          </div>
          <p className="muted account-help">
            No account yet? Ask your team lead or administrator for an invitation link. Forgot your password?
            Ask your administrator.
          </p>
        </form>
      )}
    </section>
  );
}
