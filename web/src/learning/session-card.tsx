import { ErrorBox } from "../components/status.js";
import { useStartAttempt } from "../exam/use-start.js";
import type { Activity, PlanSession } from "./learning-types.js";

export const ACTIVITY_LABEL: Record<Activity, string> = {
  study: "Study",
  review: "Review",
  "practice-exam": "Practice exam",
  drill: "Drill",
};

const START_LABEL: Record<Activity, string> = {
  study: "",
  review: "Start review",
  "practice-exam": "Start practice exam",
  drill: "Start drill",
};

export const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, {
    weekday: "short",
    month: "short",
    day: "numeric",
  });

/** One plan session: what to do, what to read, and a one-click start for review, drill and practice exams. */
export function SessionCard({ s }: { s: PlanSession }) {
  const { start, busy, error } = useStartAttempt();
  return (
    <article className={`session session-${s.activity}${s.done ? " session-done" : ""}`}>
      <div className="session-head">
        <span className="session-when">
          {longDate(s.date)} · {s.minutes} min
        </span>
        <span className="session-kind">{ACTIVITY_LABEL[s.activity]}</span>
        {s.done && <span className="session-done-tag">✓ Done</span>}
      </div>
      <h3 className="session-title">{s.title}</h3>
      {s.tasks.length > 0 && (
        <details className="session-tasks">
          <summary>Task statements ({s.tasks.length})</summary>
          <ul>
            {s.tasks.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </details>
      )}
      {s.references.length > 0 && (
        <details className="session-reading">
          <summary>Reading ({s.references.length})</summary>
          <ul>
            {s.references.map((u) => (
              <li key={u}>
                <a href={u} target="_blank" rel="noreferrer noopener">
                  {readable(u)}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.start && !s.done && (
        <div className="session-actions">
          <button
            type="button"
            className="button button-small"
            disabled={busy !== null}
            onClick={() => s.start && void start(s.start, s.key)}
          >
            {busy ? "Starting…" : START_LABEL[s.activity]}
            <span className="visually-hidden">: {s.title}</span>
          </button>
          {s.command && <code className="session-command">{s.command}</code>}
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </article>
  );
}

/** A documentation URL as short readable text: the guide (or site) and the page, e.g. "vpc › vpc security groups". */
function readable(url: string): string {
  try {
    const u = new URL(url);
    const parts = u.pathname.split("/").filter(Boolean);
    const page = (parts.at(-1) ?? "").replace(/\.html?$/, "").replace(/[-_]+/g, " ");
    const where = u.hostname === "docs.aws.amazon.com" ? parts[0] : u.hostname.replace(/^www\./, "");
    return [where, page].filter(Boolean).join(" › ");
  } catch {
    return url;
  }
}
