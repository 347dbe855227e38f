import { type FormEvent, useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { accountApi } from "../account/account-api.js";
import { Field, FormError, SubmitButton, useFormState, waitText } from "../account/form-parts.js";
import { useMe } from "../account/me-context.js";
import { safeNext } from "../account/safe-next.js";
import { asApiError } from "../api.js";
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
  const [lockedUntil, setLockedUntil] = useState(0);
  const { problems, refuse, busy, setBusy, form, id } = useFormState();

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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    const p = {
      email: !address
        ? "Enter your email address."
        : /^[^\s@]+@[^\s@]+$/.test(address)
          ? undefined
          : "Enter an email address like name@example.com.",
      password: password ? undefined : "Enter your password.",
    };
    if (p.email || p.password) return refuse(p);
    setBusy(true);
    try {
      await accountApi.signIn(address, password);
      if ((await refresh()).status !== "signed-in")
        return refuse({
          form: "Signed in, but the session did not stick: does this browser accept cookies?",
        });
      navigate(next, { replace: true });
    } catch (err) {
      const error = asApiError(err);
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
      refuse(
        error.status === 400 && error.field === "email" ? { email: error.message } : { form: error.message },
      );
    }
  };

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
          <Field
            id={id}
            field="email"
            label="Email"
            problems={problems}
            name="email"
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            inputMode="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            id={id}
            field="password"
            label="Password"
            problems={problems}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <SubmitButton busy={busy} label="Sign in" busyLabel="Signing in…" disabled={lockedUntil > 0} />
          <p className="muted account-help">
            No account yet? Ask your team lead or administrator for an invitation link. Forgot your password?
            Ask your administrator.
          </p>
        </form>
      )}
    </section>
  );
}
