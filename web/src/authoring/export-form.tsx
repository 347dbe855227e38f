import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../api.js";
import { ErrorBox } from "../components/status.js";
import { downloadExport, EXPORT_FORMAT_LABELS } from "./import-api.js";

/** Exam + format → the bank as a file to download. */
export function ExportForm({ exams }: { exams: { code: string; name: string; bankSize: number }[] }) {
  const id = useId();
  const [exam, setExam] = useState("");
  const [format, setFormat] = useState("gift");
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    setBusy(true);
    try {
      setSaved(await downloadExport(exam || exams[0]?.code || "", format));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "client", String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="export-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Export a bank</h2>
      <p className="muted">
        Download an exam's questions for Moodle, an LMS or Udemy. What a format cannot hold is listed in the
        download.
      </p>
      <form className="import-form-row" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-exam`}>Exam</label>
          <select
            id={`${id}-exam`}
            value={exam || exams[0]?.code || ""}
            onChange={(e) => setExam(e.target.value)}
          >
            {exams
              .filter((x) => x.bankSize > 0)
              .map((x) => (
                <option key={x.code} value={x.code}>
                  {x.code} · {x.bankSize} questions
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>Format</label>
          <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value)}>
            {Object.entries(EXPORT_FORMAT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-action">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Preparing…" : "Download"}
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {saved && (
        <p role="status" className="muted">
          Downloaded <span className="code">{saved}</span>.
        </p>
      )}
    </section>
  );
}
