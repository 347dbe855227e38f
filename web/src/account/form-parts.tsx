import {
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
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

/** A form's problems, busy flag and focus handling; `refuse` shows problems and moves the focus to them. */
export function useFormState() {
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  useFocusFirstError(form, attempt);
  const refuse = useCallback((p: Problems) => {
    setProblems(p);
    setBusy(false);
    setAttempt((a) => a + 1);
  }, []);
  return { problems, setProblems, refuse, busy, setBusy, form, id };
}

/** A labelled input with an optional hint and its own error message, tied together for screen readers. */
export function Field({
  id,
  field,
  label,
  hint,
  problems,
  ...input
}: { id: string; field: string; label: string; hint?: string; problems: Problems } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id"
>) {
  const inputId = `${id}-${field}`;
  const described = [hint ? `${inputId}-hint` : "", problems[field] ? `${inputId}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && <small id={`${inputId}-hint`}>{hint}</small>}
      <input
        id={inputId}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {problems[field] && (
        <span className="field-error" id={`${inputId}-error`}>
          {problems[field]}
        </span>
      )}
    </div>
  );
}

/** The form-level message (what no single field explains); focusable so it can take the focus. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1} data-form-error>
      {children}
    </div>
  );
}

/** The form's one primary button, saying what it is doing while busy. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  disabled = false,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  disabled?: boolean;
}) {
  return (
    <div className="start-actions">
      <button type="submit" className="button button-primary" disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
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
  return (
    <>
      <Field
        id={id}
        field="newPassword"
        label={label}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
        problems={problems}
        name="new-password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
      />
      <Field
        id={id}
        field="confirm"
        label={`${label} again`}
        problems={problems}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
      />
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
