import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { accountApi, type Me, ROLE_LABELS } from "../account/account-api.js";
import {
  Field,
  FormError,
  NewPasswordFields,
  newPasswordProblems,
  type Problems,
  SubmitButton,
  useFormState,
} from "../account/form-parts.js";
import { useMe } from "../account/me-context.js";
import { useSignOut } from "../account/user-menu.js";
import { asApiError } from "../api.js";
import { Title } from "../components/status.js";
import "../account/account.css";

/** The signed-in user's account: who they are, their teams, a new password, signing out. */
export function AccountPage() {
  const { state } = useMe();
  if (state.status !== "signed-in")
    return (
      <section className="account-narrow">
        <Title>Account</Title>
        <p className="notice">
          This certpath runs in single-user mode on this computer: there are no accounts and no sign-in. To
          share it with a team, create the first administrator with{" "}
          <span className="code">certpath users add EMAIL --role admin</span>.
        </p>
      </section>
    );
  return (
    <section className="account-page">
      <Title>Account</Title>
      <Profile me={state.me} />
      <PasswordForm email={state.me.email} />
      <SignOutPanel />
    </section>
  );
}

function Profile({ me }: { me: Me & { email: string } }) {
  return (
    <section className="account-card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">You</h2>
      <dl className="account-facts">
        <dt>Email</dt>
        <dd data-testid="account-email">{me.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[me.role] ?? me.role}</dd>
        <dt>Teams</dt>
        <dd>
          {me.teams.length === 0 ? (
            <span className="muted">No team</span>
          ) : (
            <ul className="account-teams">
              {me.teams.map((t) => (
                <li key={t.id}>
                  {t.role === "lead" || me.role === "admin" ? (
                    <Link to={`/teams/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                  ) : (
                    t.name
                  )}{" "}
                  <span className="muted">({t.role === "lead" ? "lead" : "member"})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}

function PasswordForm({ email }: { email: string }) {
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [done, setDone] = useState(false);
  const { problems, setProblems, refuse, busy, setBusy, form, id } = useFormState();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const p: Problems = {
      ...(current ? {} : { currentPassword: "Enter your current password." }),
      ...newPasswordProblems(password, confirm),
    };
    if (Object.keys(p).length > 0) return refuse(p);
    setBusy(true);
    try {
      await accountApi.changePassword(current, password);
      setProblems({});
      setBusy(false);
      setCurrent("");
      setPassword("");
      setConfirm("");
      setDone(true);
    } catch (err) {
      const error = asApiError(err);
      if (error.status === 401) refuse({ currentPassword: "This is not your current password." });
      else if (error.status === 400) refuse({ newPassword: error.message.replace(/^[\w.]+: /, "") });
      else refuse({ form: error.message });
    }
  };

  return (
    <section className="account-card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      <form ref={form} className="account-form-fields" onSubmit={(e) => void submit(e)} noValidate>
        {problems.form && <FormError>{problems.form}</FormError>}
        {done && (
          <p className="notice" role="status" data-testid="password-changed">
            Password changed. Your other sessions are signed out; this one stays signed in.
          </p>
        )}
        {/* Lets password managers save the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          id={id}
          field="currentPassword"
          label="Current password"
          problems={problems}
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPasswordFields
          id={id}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          problems={problems}
        />
        <SubmitButton busy={busy} label="Change password" busyLabel="Changing…" />
      </form>
    </section>
  );
}

function SignOutPanel() {
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);
  return (
    <section className="account-card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>
        Sign out here, or on every device and browser where you are signed in (a lost phone, a shared
        computer).
      </p>
      <div className="start-actions">
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign out
        </button>
        <button type="button" className="button" onClick={() => void signOutEverywhere()}>
          Sign out everywhere
        </button>
      </div>
    </section>
  );
}
