import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiError, api } from "../api.js";
import { ExportForm } from "../authoring/export-form.js";
import {
  confirmImport,
  IMPORT_FORMAT_LABELS,
  type ImportJob,
  importJob,
  uploadImport,
} from "../authoring/import-api.js";
import { PreviewFileView, PreviewTotals } from "../authoring/import-preview-view.js";
import { ErrorBox, Title } from "../components/status.js";
import { useApi } from "../use-api.js";
import "../authoring/authoring.css";

const POLL_MS = 500;
const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, "client", String(e)));

/** Polls a job until it leaves queued/running. */
function useJob(id: string | undefined) {
  const [job, setJob] = useState<ImportJob | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () =>
      importJob(id).then(
        (j) => {
          if (!live) return;
          setJob(j);
          if (j.status === "queued" || j.status === "running") timer = setTimeout(poll, POLL_MS);
        },
        (e: unknown) => live && setError(asError(e)),
      );
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return { job, setJob, error };
}

/** Authors: upload a bank in another format, check the preview per question, confirm; export a bank. */
export function AuthorImportPage() {
  const exams = useApi("exams", () => api.exams());
  const id = useId();
  const [format, setFormat] = useState("gift");
  const [exam, setExam] = useState("");
  const [domain, setDomain] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { job, setJob, error: pollError } = useJob(jobId);
  const options = exams.state === "ready" ? exams.data.exams : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setJobId(undefined);
    setJob(undefined);
    if (files.length === 0) {
      setError(
        new ApiError(400, "import.no_files", "Choose at least one file to import.", { field: "files" }),
      );
      return;
    }
    const form = new FormData();
    form.append("format", format);
    if (exam) form.append("exam", exam);
    if (domain.trim()) form.append("domain", domain.trim());
    for (const f of files) form.append("files", f, f.name);
    setSent(0);
    try {
      const started = await uploadImport(form, setSent);
      setJobId(started.id);
    } catch (err) {
      setError(asError(err));
    } finally {
      setSent(null);
    }
  };

  const confirm = async () => {
    if (!job) return;
    setConfirming(true);
    setError(null);
    try {
      setJob(await confirmImport(job.id));
    } catch (err) {
      setError(asError(err));
    } finally {
      setConfirming(false);
    }
  };

  const busy = sent !== null || job?.status === "queued" || job?.status === "running";
  const total = job?.progress.total ?? 0;
  const done = job?.progress.done ?? 0;
  const preview = job?.preview;
  const writable = preview && preview.totals.questions > 0 && preview.totals.conflicts === 0;

  return (
    <section className="author-import">
      <Title>Import questions</Title>
      <p className="lead">
        Bring a bank you already have: certpath converts it to its own format, shows what each question
        becomes, and writes it only when you confirm. Questions that would fail certpath's checks come in as
        drafts, which are never served in an exam.
      </p>
      <form className="import-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-files`}>Files</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".gift,.txt,.xml,.zip,.csv,.md,.markdown"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
            aria-describedby={`${id}-files-help`}
          />
          <small id={`${id}-files-help`}>Up to 50 files and 10 MB in all.</small>
        </div>
        <div className="import-form-row">
          <div className="field">
            <label htmlFor={`${id}-format`}>Format</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value)}>
              {Object.entries(IMPORT_FORMAT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-exam`}>Exam</label>
            <select id={`${id}-exam`} value={exam} onChange={(e) => setExam(e.target.value)}>
              <option value="">From the files (or “imported”)</option>
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code} · {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-domain`}>Domain</label>
            <input
              id={`${id}-domain`}
              type="text"
              inputMode="numeric"
              value={domain}
              onChange={(e) => setDomain(e.target.value)}
              placeholder="e.g. 2"
              aria-describedby={`${id}-domain-help`}
            />
            <small id={`${id}-domain-help`}>Used when the files do not say.</small>
          </div>
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {sent !== null ? "Uploading…" : busy ? "Converting…" : "Upload and preview"}
        </button>
      </form>

      {(error || pollError) && <ErrorBox error={(error ?? pollError) as ApiError} />}

      {(sent !== null || busy) && (
        <div className="import-progress" role="status">
          <label htmlFor={`${id}-progress`}>
            {sent !== null
              ? `Uploading: ${Math.round(sent * 100)}%`
              : `Converting: file ${Math.min(done + 1, total)} of ${total}`}
          </label>
          <progress
            id={`${id}-progress`}
            max={sent !== null ? 1 : Math.max(total, 1)}
            value={sent !== null ? sent : done}
          />
        </div>
      )}

      {job?.status === "failed" && (
        <div className="notice notice-error" role="alert">
          <strong>The import failed.</strong> {job.error?.message}
        </div>
      )}

      {preview && (
        <section className="import-preview" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Preview</h2>
          <PreviewTotals preview={preview} />
          {preview.files.map((f) => (
            <PreviewFileView key={f.file} file={f} />
          ))}
          {job?.status === "confirmed" && job.confirmed ? (
            <div className="notice" role="status">
              <strong>Written.</strong>{" "}
              {job.confirmed.written.length === 1 ? "1 file" : `${job.confirmed.written.length} files`} in the
              server's imports folder for {job.confirmed.exam}. The server adds the questions that are not
              drafts to its bank when it next starts; drafts wait there until their problems are fixed.
              <ul>
                {job.confirmed.written.map((w) => (
                  <li key={w}>
                    <span className="code">{w}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="import-confirm">
              <button
                type="button"
                className="button button-primary"
                disabled={!writable || confirming}
                onClick={() => void confirm()}
              >
                {confirming ? "Writing…" : "Confirm the import"}
              </button>
              {!writable && (
                <p className="muted">
                  {preview.totals.conflicts > 0
                    ? "Rename the questions whose id is already used, then import again."
                    : "Nothing to write: no question converted."}
                </p>
              )}
            </div>
          )}
        </section>
      )}

      <ExportForm exams={options} />
    </section>
  );
}
