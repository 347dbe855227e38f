import type { Ref } from "react";
import { Link } from "react-router";
import type { Advice } from "../api.js";
import { usePracticeBanks } from "../practice-banks.js";

/** The ranked paths as timelines, with warnings first. */
export function AdviceView({ advice, headingRef }: { advice: Advice; headingRef?: Ref<HTMLHeadingElement> }) {
  const banks = usePracticeBanks();
  return (
    <div className="advice">
      <h2 ref={headingRef} tabIndex={-1} className="visually-hidden">
        Results
      </h2>
      {advice.warnings.length > 0 && (
        <section className="notice notice-warning" aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Before you start</h3>
          <ul>
            {advice.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      {advice.recommendations.length === 0 && <p>No path left to recommend: see the notes below.</p>}
      <ol className="paths">
        {advice.recommendations.map((rec, i) => (
          <li key={rec.summary} className="path">
            <h3>
              <span className="path-rank">{i + 1}</span> {rec.title}
            </h3>
            <p className="path-rationale">{rec.rationale}</p>
            <p className="path-meta">
              {rec.path.map((s) => s.code).join(" → ")} · about {rec.totalHours} hours over {rec.totalWeeks}{" "}
              weeks
              {rec.finishBy ? `, done by ${rec.finishBy}` : ""}
              {rec.meetsTargetDate === false ? " (after your target date)" : ""}
            </p>
            <p>
              <Link
                className="button button-small"
                to={`/plans/new?${new URLSearchParams({
                  path: rec.path.map((step) => step.code).join(","),
                  by: rec.finishBy ?? rec.path.at(-1)?.finishBy ?? "",
                  hours: String(advice.profile.hoursPerWeek),
                })}`}
              >
                Plan this path<span className="visually-hidden">: {rec.title}</span>
              </Link>
            </p>
            <ol className="timeline">
              {rec.path.map((s) => (
                <li key={s.code} className={`timeline-step level-${s.level}`}>
                  <div className="timeline-when">
                    {s.startBy} → {s.finishBy}
                  </div>
                  <h4>
                    <Link to={s.links.certification}>{s.name}</Link> <span className="code">{s.code}</span>
                  </h4>
                  <p className="step-links">
                    {banks?.get(s.code) ? (
                      <Link to={s.links.practice}>Practice exam for {s.code}</Link>
                    ) : banks ? (
                      <span className="muted">No practice questions for {s.code} yet</span>
                    ) : null}
                  </p>
                  <p className="muted">
                    {s.studyHours} hours · {s.weeks} {s.weeks === 1 ? "week" : "weeks"}
                  </p>
                  <ul className="reasons">
                    {s.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {advice.notes.length > 0 && (
        <section aria-labelledby="notes-heading">
          <h3 id="notes-heading">Notes</h3>
          <ul>
            {advice.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">Study hours are planning estimates from practitioner reports, not AWS figures.</p>
    </div>
  );
}
