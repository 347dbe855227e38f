import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { accountApi, type Invitation, ROLE_LABELS } from "../account/account-api.js";
import {
  Field,
  FormError,
  NewPasswordFields,
  newPasswordProblems,
  SubmitButton,
  useFormState,
} from "../account/form-parts.js";
import { useMe } from "../account/me-context.js";
import { asApiError } from "../api.js";
import { ErrorBox, Title } from "../components/status.js";
import { useApi } from "../use-api.js";
import "../account/account.css";

/** An invitation link: who invited which email, as what; a password typed twice accepts it. */
export function InvitePage() {
  const { token = "" } = useParams();
  const { state } = useMe();
  const invitation = useApi(`invitation:${token}`, () => accountApi.invitation(token));
  if (invitation.state === "loading")
    return (
      <p className="muted" role="status">
        Loading the invitation…
      </p>
    );
  if (invitation.state === "error")
    return (
      <section className="account-narrow">
        <Title>Invitation</Title>
        {invitation.error.status === 404 ? (
          <div className="notice notice-warning" role="alert">
            <p>
              <strong>This invitation cannot be used.</strong> It may have expired, been used already, or the
              link may be incomplete.
            </p>
            <p>Ask the person who invited you for a new link. If you already have an account, sign in.</p>
          </div>
        ) : (
          <ErrorBox error={invitation.error} />
        )}
        <p>
          {state.status === "anonymous" ? (
            <Link to="/sign-in">Sign in</Link>
          ) : (
            <Link to="/">Go to the start page</Link>
          )}
        </p>
      </section>
    );
  return <AcceptForm token={token} invitation={invitation.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { state, refresh } = useMe();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const { problems, refuse, busy, setBusy, form, id } = useFormState();
  const team = invitation.team?.name;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = newPasswordProblems(password, confirm);
    if (Object.keys(p).length > 0) return refuse(p);
    setBusy(true);
    try {
      await accountApi.acceptInvitation(token, password);
      await refresh();
      navigate("/", { replace: true });
    } catch (err) {
      const error = asApiError(err);
      if (error.status === 400) refuse({ newPassword: error.message.replace(/^[\w.]+: /, "") });
      else if (error.status === 404)
        refuse({
          form: "This invitation cannot be used any more: it expired or was used. Ask for a new link.",
        });
      else refuse({ form: error.message });
    }
  };

  return (
    <section className="account-narrow">
      <Title>Accept your invitation</Title>
      <p className="lead" data-testid="invitation-summary">
        {invitation.invitedBy ? (
          <>
            <strong>{invitation.invitedBy}</strong> invited <strong>{invitation.email}</strong> to join
          </>
        ) : (
          <>
            <strong>{invitation.email}</strong> is invited to join
          </>
        )}{" "}
        certpath as {article(ROLE_LABELS[invitation.role] ?? invitation.role)}
        {team ? (
          <>
            {" "}
            in the team <strong>{team}</strong>
          </>
        ) : null}
        .
      </p>
      {state.status === "signed-in" && state.me.email !== invitation.email && (
        <p className="notice notice-warning">
          You are signed in as {state.me.email}. Accepting signs you in as {invitation.email} instead.
        </p>
      )}
      <form ref={form} className="account-form" onSubmit={(e) => void submit(e)} noValidate>
        {problems.form && <FormError>{problems.form}</FormError>}
        <h2 className="account-form-title">Choose your password</h2>
        <Field
          id={id}
          field="email"
          label="Email"
          problems={problems}
          name="email"
          type="email"
          autoComplete="username"
          value={invitation.email}
          readOnly
        />
        <NewPasswordFields
          id={id}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          problems={problems}
          label="Password"
        />
        <SubmitButton busy={busy} label="Accept and sign in" busyLabel="Creating your account…" />
      </form>
    </section>
  );
}

const article = (label: string) => `${/^[AEIOU]/i.test(label) ? "an" : "a"} ${label.toLowerCase()}`;
