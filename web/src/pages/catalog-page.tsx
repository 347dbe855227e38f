import { Link, useSearchParams } from "react-router";
import { api, type CertificationSummary } from "../api.js";
import { Badge, Status, Title } from "../components/status.js";
import { usePracticeBanks } from "../practice-banks.js";
import { useApi } from "../use-api.js";

const LEVELS = ["foundational", "associate", "professional", "specialty"];
const STATUSES = ["active", "beta", "retired"];
const FOCUS = [
  "cloud",
  "ai",
  "architecture",
  "development",
  "operations",
  "data",
  "machine-learning",
  "devops",
  "generative-ai",
  "networking",
  "security",
  "database",
  "sap",
];

function Filter({
  name,
  label,
  values,
  params,
  set,
}: {
  name: string;
  label: string;
  values: string[];
  params: URLSearchParams;
  set: (k: string, v: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={params.get(name) ?? ""} onChange={(e) => set(name, e.target.value)}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** `bank`: the practice bank's size (0: none); undefined when not known, and then nothing is said. */
function Card({ c, all, bank }: { c: CertificationSummary; all: CertificationSummary[]; bank?: number }) {
  const successorName = (code: string) => all.find((x) => x.code === code)?.shortName ?? code;
  return (
    <li className={`card ${c.status === "retired" ? "card-retired" : ""}`}>
      <div className="card-head">
        <span className="code">{c.code}</span>
        <Badge status={c.status} />
      </div>
      <h2 className="card-title">
        <Link to={`/certifications/${c.code}`}>{c.shortName}</Link>
      </h2>
      <p className="card-meta">
        {c.level} · {c.focus}
      </p>
      {c.status === "retired" ? (
        <p className="card-retired-note">
          Retired: the last exam day was {c.lastExamDay}.{" "}
          {c.successors.length > 0 && (
            <>
              Take instead:{" "}
              {c.successors.map((s, i) => (
                <span key={s}>
                  {i > 0 && ", "}
                  <Link to={`/certifications/${s}`}>
                    {successorName(s)} ({s})
                  </Link>
                </span>
              ))}
            </>
          )}
        </p>
      ) : (
        <p className="card-facts">
          {[
            c.exam.questions && `${c.exam.questions} questions`,
            c.exam.durationMinutes && `${c.exam.durationMinutes} min`,
            c.exam.priceUsd && `USD ${c.exam.priceUsd}`,
            c.exam.passingScore && `pass ${c.exam.passingScore}`,
          ]
            .filter(Boolean)
            .join(" · ") || "Exam facts not known for this version"}
        </p>
      )}
      {(c.status === "active" || c.status === "beta") &&
        bank !== undefined &&
        (bank ? (
          <p className="card-practice">
            <Link to={`/exams/${c.code}`}>Practice questions ({bank})</Link>
          </p>
        ) : (
          <p className="card-practice muted">No practice questions yet</p>
        ))}
    </li>
  );
}

export function CatalogPage() {
  const banks = usePracticeBanks();
  const [params, setParams] = useSearchParams();
  const query = {
    level: params.get("level") ?? undefined,
    status: params.get("status") ?? undefined,
    focus: params.get("focus") ?? undefined,
    on: params.get("on") ?? undefined,
  };
  const key = JSON.stringify(query);
  const list = useApi(key, () => api.certifications(query));
  const all = useApi("all", () => api.certifications());
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <section>
      <Title>AWS certification catalog</Title>
      <p className="lead">
        Every AWS certification, current and retired. Retired ones are marked with what to take instead.
      </p>
      <form className="filters" aria-label="Filter certifications" onSubmit={(e) => e.preventDefault()}>
        <Filter name="level" label="Level" values={LEVELS} params={params} set={set} />
        <Filter name="status" label="Status" values={STATUSES} params={params} set={set} />
        <Filter name="focus" label="Focus" values={FOCUS} params={params} set={set} />
        <label className="field">
          <span>As of date</span>
          <input type="date" value={params.get("on") ?? ""} onChange={(e) => set("on", e.target.value)} />
        </label>
      </form>
      <Status value={list} what="certifications">
        {({ certifications }) => (
          <>
            <p className="muted" aria-live="polite">
              {certifications.length} certification{certifications.length === 1 ? "" : "s"}
              {query.on ? ` as of ${query.on}` : ""}
            </p>
            <ul className="cards">
              {certifications.map((c) => (
                <Card
                  key={c.slug}
                  c={c}
                  all={all.state === "ready" ? all.data.certifications : certifications}
                  bank={banks && (banks.get(c.code) ?? 0)}
                />
              ))}
            </ul>
          </>
        )}
      </Status>
    </section>
  );
}
