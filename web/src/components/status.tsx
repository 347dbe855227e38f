import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ApiError } from "../api.js";
import type { Loadable } from "../use-api.js";

/** Renders loading and error states the same way everywhere; `children` gets the data. */
export function Status<T>({
  value,
  children,
  what,
}: {
  value: Loadable<T>;
  children: (data: T) => ReactNode;
  what: string;
}) {
  if (value.state === "loading")
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  if (value.state === "error")
    return value.error.status === 404 ? (
      <NotFound error={value.error} what={what} />
    ) : (
      <ErrorBox error={value.error} />
    );
  return <>{children(value.data)}</>;
}

/** "SAA-C03 (Solutions Architect – Associate)" → a link to that certification. */
export function SuggestionLinks({ suggestions }: { suggestions: string[] }) {
  if (suggestions.length === 0) return null;
  return (
    <p>
      Did you mean{" "}
      {suggestions.map((s, i) => {
        const code = s.split(" ")[0] ?? s;
        return (
          <span key={s}>
            {i > 0 && (i === suggestions.length - 1 ? " or " : ", ")}
            <Link to={`/certifications/${encodeURIComponent(code)}`}>{s}</Link>
          </span>
        );
      })}
      ?
    </p>
  );
}

/** The message without its "Did you mean …?" sentence when the suggestions are shown as links. */
function withoutHint(error: ApiError): string {
  return error.suggestions.length ? error.message.replace(/\s*Did you mean [^?]*\?\s*$/, "") : error.message;
}

/** Where a lost learner can go next. */
export function PlacesToGo() {
  return (
    <ul className="plain-list">
      <li>
        <Link to="/catalog">The catalog</Link>: every AWS certification, current and retired
      </li>
      <li>
        <Link to="/advisor">The path advisor</Link>: which certification first, and what next
      </li>
      <li>
        <Link to="/exams">Practice exams</Link>
      </li>
      <li>
        <Link to="/history">Your attempts</Link>
      </li>
    </ul>
  );
}

/** Something the address names does not exist: said plainly, with the nearest names and places to go. */
export function NotFound({ error, what }: { error: ApiError; what: string }) {
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Not found: {what}</h1>
      <p>{withoutHint(error)}</p>
      <SuggestionLinks suggestions={error.suggestions} />
      <p>Where to go from here:</p>
      <PlacesToGo />
    </section>
  );
}

// Expected outcomes the learner can act on: said plainly, not as a failure.
const NORMAL_STATES = new Set(["attempt.no_mistakes", "exam.no_questions", "exam.retired"]);

export function ErrorBox({ error }: { error: ApiError }) {
  if (error.code === "attempt.no_mistakes") {
    const exam = typeof error.details.exam === "string" ? error.details.exam : undefined;
    return (
      <div className="notice" role="status">
        <strong>No mistakes to drill yet.</strong> You have not answered any{exam ? ` ${exam}` : ""} question
        wrong so far.{" "}
        {exam ? (
          <>
            <Link to={`/exams/${exam}`}>Take a practice exam or drill a domain</Link> first; the questions you
            miss will be waiting here.
          </>
        ) : (
          <Link to="/exams">Take a practice exam first.</Link>
        )}
      </div>
    );
  }
  if (NORMAL_STATES.has(error.code) || (error.status >= 400 && error.status < 500))
    return (
      <div className="notice notice-warning" role="alert">
        {withoutHint(error)}
        <SuggestionLinks suggestions={error.suggestions} />
      </div>
    );
  return (
    <div className="notice notice-error" role="alert">
      <strong>Something went wrong.</strong> {error.message}
    </div>
  );
}

export function Badge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${status}`}>{status === "unknown" ? "start date unknown" : status}</span>
  );
}

export function Title({ children }: { children: string }) {
  if (typeof document !== "undefined") document.title = `${children} · certpath`;
  return <h1>{children}</h1>;
}
