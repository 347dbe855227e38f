import { Link, useParams } from "react-router";
import { api } from "../api.js";
import { Status, Title } from "../components/status.js";
import { DomainMastery, DomainTrend } from "../learning/domain-mastery.js";
import type { Readiness } from "../learning/learning-types.js";
import { ReadinessGauge } from "../learning/readiness-gauge.js";
import { ScoreTrend } from "../learning/score-trend.js";
import { TodayPanel } from "../learning/today-panel.js";
import { useApi } from "../use-api.js";
import "../learning/learning.css";

function ReadinessSection({ r }: { r: Readiness }) {
  const estimated = r.passProbability !== null && r.predictedScaledScore !== null;
  return (
    <section className="readiness-card" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Am I ready?</h2>
      {estimated ? (
        <>
          <ReadinessGauge r={r} />
          <p className="readiness-advice">{r.advice}</p>
          <p className="muted small">
            From {r.answered} answers ({r.evidence.level} evidence, {r.evidence.domainsCovered} of{" "}
            {r.domains.length} domains); older answers count less. The chance is for a fresh full exam, not a
            guarantee.
          </p>
        </>
      ) : (
        <div className="readiness-empty">
          <p className="readiness-needed" data-testid="answers-needed">
            Answer {r.needed} more question{r.needed === 1 ? "" : "s"} for a first estimate.
          </p>
          <p className="muted">
            {r.answered > 0 ? `${r.answered} answered so far. ` : ""}Practice, a timed exam or a drill all
            count.
          </p>
          <Link className="button button-primary" to={`/exams/${encodeURIComponent(r.exam)}`}>
            Start practice
          </Link>
        </div>
      )}
    </section>
  );
}

export function ProgressPage() {
  const { exam = "" } = useParams();
  const readiness = useApi(`readiness:${exam}`, () => api.readiness(exam));
  const history = useApi("history", () => api.history());
  return (
    <Status value={readiness} what="your progress">
      {(r) => (
        <article className="progress">
          <p className="eyebrow">
            <Link to="/progress">Progress</Link> · <span className="code">{r.exam}</span>
          </p>
          <Title>{`${r.name}: progress`}</Title>
          <ReadinessSection r={r} />
          <TodayPanel exam={r.exam} />
          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">Score trend</h2>
            <Status value={history} what="your attempts">
              {({ attempts }) => (
                <ScoreTrend
                  attempts={attempts.filter((a) => a.exam === r.exam)}
                  passingScore={r.passingScore}
                />
              )}
            </Status>
          </section>
          <section aria-labelledby="mastery-heading">
            <h2 id="mastery-heading">Mastery per domain</h2>
            <p className="muted">
              The estimated share you would get right in each domain of a fresh exam. A weak heavy domain
              costs more than a weak light one.
            </p>
            <DomainMastery domains={r.domains} weakest={r.weakest} />
            <h3>Over your last attempts</h3>
            <Status value={history} what="your attempts">
              {({ attempts }) => (
                <DomainTrend attempts={attempts.filter((a) => a.exam === r.exam)} domains={r.domains} />
              )}
            </Status>
          </section>
          <p className="progress-links">
            <Link className="button" to={`/plans/new?exam=${encodeURIComponent(r.exam)}`}>
              Start a new plan
            </Link>{" "}
            <Link className="button" to={`/exams/${encodeURIComponent(r.exam)}`}>
              Practise {r.exam}
            </Link>
          </p>
        </article>
      )}
    </Status>
  );
}
