import { Link, useParams } from "react-router";
import { api } from "../api.js";
import { DomainChart } from "../components/domain-chart.js";
import { ExamFacts } from "../components/exam-facts.js";
import { Badge, Status, Title } from "../components/status.js";
import { usePracticeBanks } from "../practice-banks.js";
import { useApi } from "../use-api.js";

export function CertificationPage() {
  const { id = "" } = useParams();
  const cert = useApi(id, () => api.certification(id));
  return (
    <Status value={cert} what="the certification">
      {(c) => (
        <article className="cert">
          {c.matchNote && <p className="notice">{c.matchNote}</p>}
          <p className="eyebrow">
            <span className="code">{c.code}</span> · {c.level} · {c.focus} <Badge status={c.status} />
          </p>
          <Title>{c.name}</Title>
          {c.status === "retired" && (
            <div className="notice notice-warning" role="note">
              <strong>Retired.</strong> The last exam day was {c.lastExamDay}.{" "}
              {c.successorDetails.length > 0 &&
                c.successorDetails.map((s, i) => (
                  <span key={s.slug}>
                    {i === 0 ? (s.official ? "AWS points to " : "certpath suggests ") : " or "}
                    <Link to={`/certifications/${s.code}`}>
                      {s.name} ({s.code})
                    </Link>
                  </span>
                ))}
              {c.successorDetails.length > 0 && " instead."}
            </div>
          )}
          <p className="lead">{c.summary}</p>
          <PracticeLink code={c.code} retired={c.status === "retired"} />
          <ExamFacts exam={c.exam} />
          {c.domains.length > 0 && (
            <section aria-labelledby="domains-heading">
              <h2 id="domains-heading">Exam domains</h2>
              <DomainChart domains={c.domains} />
            </section>
          )}
          <section aria-labelledby="experience-heading">
            <h2 id="experience-heading">Recommended experience</h2>
            <p>{c.recommendedExperience}</p>
            <h2>Recertification</h2>
            <p>{c.recertification}</p>
          </section>
          <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">Exam versions</h2>
            {/* A table that may scroll sideways must be reachable by keyboard (axe: scrollable-region-focusable). */}
            {/* biome-ignore lint/a11y/useSemanticElements: the region is the scroll box inside the section */}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable regions need focus for keyboard scrolling */}
            <div className="table-scroll" role="region" aria-labelledby="versions-heading" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Status</th>
                    <th scope="col">Available</th>
                    <th scope="col">Questions</th>
                    <th scope="col">Minutes</th>
                  </tr>
                </thead>
                <tbody>
                  {c.versions.map((v) => (
                    <tr key={v.code}>
                      <th scope="row">{v.code}</th>
                      <td>
                        <Badge status={v.status} />
                      </td>
                      <td>
                        {v.betaFrom ? `beta ${v.betaFrom}; ` : ""}
                        {v.availableFrom ?? "?"} – {v.availableUntil ?? "now"}
                      </td>
                      <td>{v.questions ?? "?"}</td>
                      <td>{v.durationMinutes ?? "?"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {(c.notes.length > 0 || (c.versions.at(-1)?.notes.length ?? 0) > 0) && (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes on the facts</h2>
              <ul>
                {[...c.notes, ...(c.versions.at(-1)?.notes ?? [])].map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading">Sources</h2>
            <p className="muted">Last verified {c.verifiedOn}.</p>
            <ul className="sources">
              {c.sources.map((s) => (
                <li key={s.url}>
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {s.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </article>
      )}
    </Status>
  );
}

/** Learn → practise: the practice exam for this certification, or why there is none. */
function PracticeLink({ code, retired }: { code: string; retired: boolean }) {
  const banks = usePracticeBanks();
  if (retired) return <p className="practice-link muted">No practice exam: this exam is retired.</p>;
  if (!banks) return null;
  const size = banks.get(code);
  return size ? (
    <p className="practice-link">
      <Link className="button button-primary" to={`/exams/${code}`}>
        Practice exam for {code}
      </Link>{" "}
      <span className="muted">{size} practice questions</span>
    </p>
  ) : (
    <p className="practice-link muted">No practice question bank for {code} yet.</p>
  );
}
