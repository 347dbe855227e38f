import { type ReactNode, type RefObject, useEffect } from "react";
import { MIN_PASSWORD_LENGTH } from "./account-api.js";

/** Problems of a form: one message per field name, plus `form` for what belongs to no field. */
export type Problems = Partial<Record<string, string>>;

/**
 * After each refused submit (`attempt` grows), puts the keyboard on the first field in error, or on
 * the form's error message when no field is at fault, so screen readers read it and typing resumes there.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, attempt: number) {
  useEffect(() => {
    if (attempt === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
    first?.focus();
  }, [attempt, form]);
}

/** Props that tie an input to its error message. */
export function invalidProps(problems: Problems, field: string, id: string) {
  return problems[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {};
}

export function FieldError({ problems, field, id }: { problems: Problems; field: string; id: string }) {
  const message = problems[field];
  return message ? (
    <span className="field-error" id={`${id}-${field}-error`}>
      {message}
    </span>
  ) : null;
}

/** The form-level message (what no single field explains); focusable so it can take the focus. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} data-form-error>
      {children}
    </div>
  );
}

/** What is wrong with a new password and its confirmation, by field ("newPassword", "confirm"). */
export function newPasswordProblems(password: string, confirm: string): Problems {
  const out: Problems = {};
  if (password.length < MIN_PASSWORD_LENGTH)
    out.newPassword =
      password.length === 0
        ? "Choose a password."
        : `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${password.length}).`;
  else if (confirm !== password)
    out.confirm = confirm ? "The two passwords are not the same." : "Type the password again.";
  return out;
}

/** A new password typed twice, with the rule stated up front and the browser's generator allowed. */
export function NewPasswordFields({
  id,
  password,
  confirm,
  onPassword,
  onConfirm,
  problems,
  label = "New password",
}: {
  id: string;
  password: string;
  confirm: string;
  onPassword(v: string): void;
  onConfirm(v: string): void;
  problems: Problems;
  label?: string;
}) {
  const hint = `${id}-newPassword-hint`;
  const described = (field: string) =>
    [field === "newPassword" ? hint : "", problems[field] ? `${id}-${field}-error` : ""]
      .filter(Boolean)
      .join(" ");
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-newPassword`}>{label}</label>
        <small id={hint}>At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.</small>
        <input
          id={`${id}-newPassword`}
          name="new-password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          aria-invalid={problems.newPassword ? true : undefined}
          aria-describedby={described("newPassword")}
        />
        <FieldError problems={problems} field="newPassword" id={id} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{label} again</label>
        <input
          id={`${id}-confirm`}
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          aria-invalid={problems.confirm ? true : undefined}
          aria-describedby={described("confirm") || undefined}
        />
        <FieldError problems={problems} field="confirm" id={id} />
      </div>
    </>
  );
}

/** "45 seconds", "1 minute", "15 minutes", "2 hours". */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (s < 60) return unit(s, "second");
  const m = Math.ceil(s / 60);
  return m < 120 ? unit(m, "minute") : unit(Math.ceil(m / 60), "hour");
}
