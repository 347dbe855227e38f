import { type FormEvent, useId, useRef, useState } from "react";
import { type ApiError, api } from "../api.js";
import { type FiledReport, kindLabel, REPORT_KINDS, type ReportKind } from "../author/author-types.js";
import type { ReviewQuestion } from "./exam-types.js";
import { useModal } from "./use-modal.js";

const NOTE_MAX = 1000;

/** "Report this question" on a reviewed question: a dialog with the kind and a note, then a confirmation. */
export function ReportQuestion({ attemptId, q, n }: { attemptId: string; q: ReviewQuestion; n: number }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReportKind>("wrong-key");
  const [note, setNote] = useState("");
  const [options, setOptions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [filed, setFiled] = useState<FiledReport[]>([]);
  const [confirmed, setConfirmed] = useState<FiledReport | null>(null);
  const base = useId();

  useModal(ref, open);

  const close = () => {
    setOpen(false);
    setConfirmed(null);
    setError(null);
    opener.current?.focus();
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.reportQuestion(attemptId, q.id, {
        kind,
        ...(note.trim() ? { note } : {}),
        ...(kind === "wrong-key" && options.length ? { options } : {}),
      });
      setFiled((f) => [...f, r]);
      setConfirmed(r);
      setNote("");
      setOptions([]);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const choice = q.type === "multiple-choice" || q.type === "multiple-response";
  const noteId = `${base}-note`;
  return (
    <div className="report-question">
      <button
        ref={opener}
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        Report this question
      </button>
      {filed.length > 0 && (
        <span className="muted" role="status">
          {" "}
          Reported: {filed.map((f) => kindLabel(f.kind).toLowerCase()).join(", ")}.
        </span>
      )}
      <dialog ref={ref} className="dialog" aria-labelledby={`${base}-title`} onClose={close}>
        {confirmed ? (
          <>
            <h2 id={`${base}-title`}>Thank you</h2>
            <p role="status">
              Your report on question {n} ({kindLabel(confirmed.kind).toLowerCase()}) is with the authors.
              They check the question against AWS's documentation and fix it or say why it stands.
            </p>
            <div className="dialog-actions">
              <button type="button" className="button button-primary" onClick={close}>
                Close
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={send}>
            <h2 id={`${base}-title`}>Report question {n}</h2>
            <fieldset className="report-kinds">
              <legend>What is wrong?</legend>
              {REPORT_KINDS.map(([id, label, hint]) => (
                <label key={id} className="radio-row">
                  <input
                    type="radio"
                    name={`${base}-kind`}
                    value={id}
                    checked={kind === id}
                    onChange={() => setKind(id)}
                  />
                  <span>
                    <strong>{label}</strong> <small className="muted">{hint}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            {kind === "wrong-key" && choice && (
              <fieldset className="report-kinds">
                <legend>Which option do you believe is right? (optional)</legend>
                {q.options.map((o, i) => (
                  <label key={o.id} className="radio-row">
                    <input
                      type="checkbox"
                      checked={options.includes(o.id)}
                      onChange={(e) =>
                        setOptions((list) =>
                          e.target.checked ? [...list, o.id] : list.filter((x) => x !== o.id),
                        )
                      }
                    />
                    <span>
                      {i + 1}. {o.text.length > 120 ? `${o.text.slice(0, 119)}…` : o.text}
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            <label className="field" htmlFor={noteId}>
              Note {kind === "other" ? "(required)" : "(optional)"}
              <small>What should the authors check? A link to the AWS page helps.</small>
            </label>
            <textarea
              id={noteId}
              className="textarea"
              rows={4}
              maxLength={NOTE_MAX}
              value={note}
              required={kind === "other"}
              onChange={(e) => setNote(e.target.value)}
            />
            <p className="muted small">
              {note.length}/{NOTE_MAX}
            </p>
            {error && (
              <p className="notice notice-error" role="alert">
                {error.message}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={close}>
                Cancel
              </button>
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? "Sending…" : "Send report"}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
