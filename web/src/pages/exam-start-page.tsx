import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, type CertificationDetail } from "../api.js";
import { DomainChart } from "../components/domain-chart.js";
import { ExamFacts } from "../components/exam-facts.js";
import { ErrorBox, Status, Title } from "../components/status.js";
import { useStartAttempt } from "../exam/use-start.js";
import { ReviewDueButton } from "../learning/review-due-button.js";
import { useApi } from "../use-api.js";

const LENGTHS = [0, 30, 15, 5];

function DrillForm({
  cert,
  start,
  busy,
}: {
  cert: CertificationDetail;
  start: ReturnType<typeof useStartAttempt>["start"];
  busy: string | null;
}) {
  const vocab = useApi("vocabulary", () => api.vocabulary());
  const [domains, setDomains] = useState<string[]>([]);
  const [services, setServices] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const [count, setCount] = useState(10);
  const [problem, setProblem] = useState("");
  const toggle = (list: string[], v: string) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  const shown =
    vocab.state === "ready"
      ? vocab.data.services.filter((s) => `${s.name} ${s.slug}`.toLowerCase().includes(filter.toLowerCase()))
      : [];
  return (
    <form
      className="drill-form"
      aria-labelledby="drill-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (domains.length === 0 && services.length === 0)
          return setProblem("Choose at least one domain or service, or drill your past mistakes.");
        setProblem("");
        void start({ exam: cert.code, mode: "drill", domains, services, count }, "drill");
      }}
    >
      <h3 id="drill-heading">Drill</h3>
      <p className="muted">
        Untimed, with instant feedback, on just the domains or services you choose, or on the questions you
        last got wrong.
      </p>
      <fieldset>
        <legend>Domains</legend>
        <div className="choice-grid">
          {cert.domains.map((d) => (
            <label key={d.id} className="choice">
              <input
                type="checkbox"
                checked={domains.includes(d.id)}
                onChange={() => setDomains(toggle(domains, d.id))}
              />
              <span>
                {d.id}. {d.name} <span className="muted">({d.weight}%)</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <details className="service-picker">
        <summary>Services{services.length > 0 ? ` (${services.length} chosen)` : ""}</summary>
        <label className="field">
          <span>Find a service</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <fieldset className="service-list">
          <legend className="visually-hidden">Services</legend>
          {shown.map((s) => (
            <label key={s.slug} className="choice">
              <input
                type="checkbox"
                checked={services.includes(s.slug)}
                onChange={() => setServices(toggle(services, s.slug))}
              />
              <span>{s.name}</span>
            </label>
          ))}
        </fieldset>
      </details>
      <label className="field field-inline">
        <span>Questions</span>
        <input
          type="number"
          min={1}
          max={50}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
        />
      </label>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="start-actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === "drill" ? "Starting…" : "Start drill"}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void start({ exam: cert.code, mode: "drill", mistakes: true, count }, "mistakes")}
        >
          {busy === "mistakes" ? "Starting…" : "Drill my past mistakes"}
        </button>
      </div>
    </form>
  );
}

function StartPanel({ cert }: { cert: CertificationDetail }) {
  const { start, busy, error } = useStartAttempt();
  const [length, setLength] = useState(0);
  const full = cert.exam.questions ?? 0;
  const minutes = cert.exam.durationMinutes ?? 0;
  const count = length > 0 ? length : undefined;
  return (
    <section aria-labelledby="modes-heading">
      <h2 id="modes-heading">Choose a mode</h2>
      {error && <ErrorBox error={error} />}
      <label className="field field-inline">
        <span>Length (exam and practice)</span>
        <select value={length} onChange={(e) => setLength(Number(e.target.value))}>
          {LENGTHS.filter((n) => n < full).map((n) => (
            <option key={n} value={n}>
              {n === 0
                ? `Full length: ${full} questions, ${minutes} minutes`
                : `${n} questions, about ${Math.max(1, Math.ceil((minutes * n) / full))} minutes`}
            </option>
          ))}
        </select>
      </label>
      <div className="modes">
        <div className="mode">
          <h3>Exam</h3>
          <ul>
            <li>
              Timed like the real exam; the server keeps the clock, so a reload or crash does not stop it.
            </li>
            <li>No feedback until you submit; flag questions for review.</li>
            <li>Move freely between questions; a scaled score and domain report at the end.</li>
          </ul>
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() => void start({ exam: cert.code, mode: "exam", ...(count ? { count } : {}) }, "exam")}
          >
            {busy === "exam" ? "Starting…" : "Start exam"}
          </button>
        </div>
        <div className="mode">
          <h3>Practice</h3>
          <ul>
            <li>Untimed.</li>
            <li>
              After each answer: whether it is right, the correct answer and why each option is right or
              wrong.
            </li>
            <li>Scored at the end like an exam.</li>
          </ul>
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== null}
            onClick={() =>
              void start({ exam: cert.code, mode: "practice", ...(count ? { count } : {}) }, "practice")
            }
          >
            {busy === "practice" ? "Starting…" : "Start practice"}
          </button>
        </div>
        <div className="mode mode-wide">
          <DrillForm cert={cert} start={start} busy={busy} />
        </div>
      </div>
    </section>
  );
}

/** Why an exam cannot be started here, with where to go instead; null when it can. */
function Blocked({ cert, banked }: { cert: CertificationDetail; banked: { code: string; name: string }[] }) {
  if (cert.status === "retired") {
    const successors = cert.successorDetails;
    return (
      <section className="notice start-blocked" aria-labelledby="blocked-heading">
        <h2 id="blocked-heading">This exam is retired</h2>
        <p>
          AWS retired {cert.name} ({cert.code})
          {cert.lastExamDay ? `; the last exam day was ${cert.lastExamDay}` : ""}. There is no exam left to
          practise for, so there is no Start button.
        </p>
        {successors.length > 0 ? (
          <p>
            Practise for {successors.length === 1 ? "its successor" : "one of its successors"} instead:{" "}
            {successors.map((x, i) => (
              <span key={x.code}>
                {i > 0 && " or "}
                <Link to={`/exams/${x.code}`}>
                  {x.name} ({x.code})
                </Link>
              </span>
            ))}
            .
          </p>
        ) : (
          <p>
            It has no successor. <Link to="/catalog">Browse the catalog</Link> for a current certification.
          </p>
        )}
      </section>
    );
  }
  if (banked.some((b) => b.code === cert.code)) return null;
  return (
    <section className="notice start-blocked" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">No practice questions yet</h2>
      <p>
        certpath has no question bank for {cert.code} yet, so there is no Start button.{" "}
        <Link to={`/certifications/${cert.slug}`}>Read about the exam</Link> and its domains, or practise one
        of the exams that have questions:
      </p>
      <ul className="plain-list">
        {banked.map((b) => (
          <li key={b.code}>
            <Link to={`/exams/${b.code}`}>
              {b.name} ({b.code})
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExamStartPage() {
  const { code = "" } = useParams();
  const page = useApi(code, async () => {
    const [cert, { exams }] = await Promise.all([api.certification(code), api.exams()]);
    return { cert, banked: exams.map((e) => ({ code: e.code, name: e.name })) };
  });
  return (
    <Status value={page} what="the exam">
      {({ cert: c, banked }) => {
        const blocked = <Blocked cert={c} banked={banked} />;
        const canStart = c.status !== "retired" && banked.some((b) => b.code === c.code);
        return (
          <article>
            <p className="eyebrow">
              <Link to="/exams">Practice exams</Link> · <span className="code">{c.code}</span> · {c.level}
            </p>
            <Title>{`${c.name}: practice exam`}</Title>
            <ExamFacts exam={c.exam} price={false} />
            {canStart ? null : blocked}
            {canStart && (
              <>
                <ReviewDueButton exam={c.code} />
                <p className="learning-links">
                  <Link to={`/progress/${encodeURIComponent(c.code)}`}>Your progress and readiness</Link> ·{" "}
                  <Link to={`/plans/new?exam=${encodeURIComponent(c.code)}`}>Start a plan</Link>
                </p>
              </>
            )}
            {c.domains.length > 0 && (
              <section aria-labelledby="domains-heading">
                <h2 id="domains-heading">Domains and weights</h2>
                <DomainChart domains={c.domains} />
              </section>
            )}
            {canStart && <StartPanel cert={c} />}
          </article>
        );
      }}
    </Status>
  );
}
