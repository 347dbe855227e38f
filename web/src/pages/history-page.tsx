import { Link } from "react-router";
import { api } from "../api.js";
import { Status, Title } from "../components/status.js";
import { MODE_LABEL } from "../exam/exam-types.js";
import { useApi } from "../use-api.js";

export function HistoryPage() {
  const history = useApi("history", () => api.history());
  return (
    <section>
      <Title>Your attempts</Title>
      <Status value={history} what="your attempts">
        {({ attempts }) =>
          attempts.length === 0 ? (
            <p>
              No attempts yet. <Link to="/exams">Start a practice exam</Link>.
            </p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it on a phone
            <section className="table-scroll history-scroll" aria-labelledby="history-caption" tabIndex={0}>
              <table className="history">
                <caption id="history-caption" className="visually-hidden">
                  Attempts, newest first
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Exam</th>
                    <th scope="col">Mode</th>
                    <th scope="col">Started</th>
                    <th scope="col">Score</th>
                    <th scope="col">Result</th>
                    <th scope="col">
                      <span className="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">
                        <span className="code">{a.exam}</span>
                      </th>
                      <td>
                        {MODE_LABEL[a.mode]} <span className="muted">({a.questions} q)</span>
                      </td>
                      <td>{new Date(a.startedAt).toLocaleString()}</td>
                      <td>
                        {a.scaledScore !== null
                          ? `${a.scaledScore} (${a.correct}/${a.questions})`
                          : a.correct !== null
                            ? `${a.percent}% (${a.correct}/${a.questions})`
                            : "—"}
                      </td>
                      <td>
                        {a.status === "in-progress" ? (
                          <span className="muted">In progress</span>
                        ) : a.passed === null ? (
                          <span className="muted" title={a.verdict ?? undefined}>
                            No verdict ({a.mode === "drill" ? "drill" : "short form"})
                          </span>
                        ) : a.passed ? (
                          <span className="rating rating-meets">✓ Pass</span>
                        ) : (
                          <span className="rating rating-needs">✗ Fail</span>
                        )}
                        {a.timedOut && <span className="muted"> · time ran out</span>}
                      </td>
                      <td>
                        {a.status === "in-progress" ? (
                          <Link to={`/attempts/${a.id}`}>
                            Continue<span className="visually-hidden"> {a.exam} attempt</span>
                          </Link>
                        ) : (
                          <Link to={`/attempts/${a.id}/report`}>
                            Report<span className="visually-hidden"> for {a.exam} attempt</span>
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        }
      </Status>
    </section>
  );
}
