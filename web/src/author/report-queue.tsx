import { type FormEvent, useId, useState } from "react";
import { type ApiError, api } from "../api.js";
import { Markdown } from "../components/markdown.js";
import { Status } from "../components/status.js";
import { useApi } from "../use-api.js";
import { FLAG_LABEL, kindLabel, percent, type QuestionReport, signed } from "./author-types.js";

function localToday(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function ResolveForm({ report, onDone }: { report: QuestionReport; onDone: (r: QuestionReport) => void }) {
  const id = useId();
  const [status, setStatus] = useState<"resolved" | "dismissed">("resolved");
  const [resolution, setResolution] = useState("");
  const [verifiedOn, setVerifiedOn] = useState(localToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(
        await api.resolveReport(report.id, {
          status,
          resolution,
          ...(status === "resolved" ? { verifiedOn } : {}),
        }),
      );
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="resolve-form" onSubmit={send} aria-label={`Resolve the report on ${report.questionId}`}>
      <fieldset className="segmented-radios">
        <legend className="visually-hidden">Outcome</legend>
        <label className="radio-row">
          <input
            type="radio"
            name={`${id}-status`}
            checked={status === "resolved"}
            onChange={() => setStatus("resolved")}
          />{" "}
          Resolved: I changed the question
        </label>
        <label className="radio-row">
          <input
            type="radio"
            name={`${id}-status`}
            checked={status === "dismissed"}
            onChange={() => setStatus("dismissed")}
          />{" "}
          Dismissed: it stands
        </label>
      </fieldset>
      <label className="field" htmlFor={`${id}-text`}>
        {status === "resolved" ? "What changed" : "Why it stands"}
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea"
        rows={3}
        maxLength={2000}
        required
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      {status === "resolved" && (
        <label className="field">
          Verified on
          <small>
            The date you checked the question against its sources; it becomes the question's verifiedOn.
          </small>
          <input type="date" required value={verifiedOn} onChange={(e) => setVerifiedOn(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? "Saving…" : status === "resolved" ? "Resolve report" : "Dismiss report"}
      </button>
    </form>
  );
}

function ReportCard({ report, onDone }: { report: QuestionReport; onDone: (r: QuestionReport) => void }) {
  const s = report.statistics;
  const suggested = new Set(report.suggested);
  return (
    <li className="report-card">
      <h3>
        <span className="flag flag-report">{kindLabel(report.kind)}</span>{" "}
        <span className="code">{report.questionId}</span>
      </h3>
      <p className="muted">
        {report.exam} · reported {report.createdAt.slice(0, 10)} by {report.learner}
        {report.question ? ` · question verified ${report.question.verifiedOn}` : ""}
      </p>
      {report.note && <p className="report-note">{report.note}</p>}
      {report.question ? (
        <details>
          <summary>The question and its key</summary>
          <Markdown text={report.question.stem} className="stem" />
          <ul className="plain-list">
            {report.question.options.map((o) => (
              <li key={o.id}>
                <span className="code">{o.id}</span> {o.key ? "✓ " : ""}
                <Markdown text={o.text} inline />
                {suggested.has(o.id) && <strong> (the learner says this is right)</strong>}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="notice">This question is no longer in the bank.</p>
      )}
      {s && (
        <p>
          {s.n} answer{s.n === 1 ? "" : "s"} · {percent(s.facility)} right · discrimination{" "}
          {signed(s.discrimination)}
          {s.flags.length > 0 && ` · ${s.flags.map((f) => FLAG_LABEL[f]).join(", ")}`}
          {s.lowN && s.n > 0 && " · too few answers for flags"}
        </p>
      )}
      <ResolveForm report={report} onDone={onDone} />
    </li>
  );
}

/** Open question reports, oldest first, each with its question, statistics and a form to close it. */
export function ReportQueue({ exam, onChange }: { exam: string; onChange: () => void }) {
  const reports = useApi(`reports:${exam}`, () => api.authorReports("open", exam || undefined));
  const [closed, setClosed] = useState<QuestionReport[]>([]);
  return (
    <Status value={reports} what="the reports">
      {(r) => {
        const open = r.reports.filter((x) => !closed.some((c) => c.id === x.id));
        return (
          <>
            {closed.map((c) => (
              <p key={c.id} className="notice" role="status">
                Report on <span className="code">{c.questionId}</span> {c.status}
                {c.verifiedOn ? ` (verified ${c.verifiedOn})` : ""}: {c.resolution}
              </p>
            ))}
            {open.length === 0 ? (
              <p>No open reports. Learners report questions from the review of a submitted attempt.</p>
            ) : (
              <ol className="report-list">
                {open.map((x) => (
                  <ReportCard
                    key={x.id}
                    report={x}
                    onDone={(done) => {
                      setClosed((list) => [...list, done]);
                      onChange();
                    }}
                  />
                ))}
              </ol>
            )}
          </>
        );
      }}
    </Status>
  );
}
