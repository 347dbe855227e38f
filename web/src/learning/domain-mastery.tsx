import { api } from "../api.js";
import type { HistoryItem } from "../exam/exam-types.js";
import { MODE_LABEL } from "../exam/exam-types.js";
import { useApi } from "../use-api.js";
import { ChartTable } from "./chart-table.js";
import type { DomainReadiness } from "./learning-types.js";
import { LineChart } from "./line-chart.js";
import { shortDate } from "./score-trend.js";

/** Reports read for the chart over time: a report carries every question, so only the latest few. */
const MAX_REPORTS = 5;
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The model's estimate per domain now, with the evidence behind it; the weakest heavy domains are named. */
export function DomainMastery({ domains, weakest }: { domains: DomainReadiness[]; weakest: string[] }) {
  const focus = new Set(weakest.slice(0, 1));
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby="mastery-caption">
      <table className="mastery">
        <caption id="mastery-caption" className="visually-hidden">
          Estimated share correct per domain
        </caption>
        <thead>
          <tr>
            <th scope="col">Domain and weight</th>
            <th scope="col">Estimate and evidence</th>
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.id}. {d.name}
                {focus.has(d.id) && d.answered > 0 && <span className="focus-tag">focus here</span>}
                <span className="mastery-weight">{d.weight}% of the exam</span>
              </th>
              <td className="mastery-estimate">
                <span className="mastery-line">
                  <span className="mastery-value">{d.answered === 0 ? "—" : pct(d.estimate)}</span>
                  <span className="mastery-track" aria-hidden="true">
                    {d.answered > 0 && <span className="mastery-bar" style={{ width: pct(d.estimate) }} />}
                  </span>
                </span>
                <span className="mastery-evidence">
                  {d.answered === 0 ? "none answered yet" : `${d.correct} of ${d.answered} answered right`}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Share correct per domain in each of the latest submitted attempts (from their reports). */
export function DomainTrend({ attempts, domains }: { attempts: HistoryItem[]; domains: DomainReadiness[] }) {
  const latest = attempts
    .filter((a) => a.status === "submitted")
    .sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""))
    .slice(-MAX_REPORTS);
  const reports = useApi(`domain-trend:${latest.map((a) => a.id).join(",")}`, () =>
    latest.length < 2 ? Promise.resolve([]) : Promise.all(latest.map((a) => api.review(a.id))),
  );
  if (latest.length < 2)
    return <p className="muted">After two submitted attempts, each domain's results over time show here.</p>;
  if (reports.state === "loading")
    return (
      <p className="muted" role="status">
        Loading results per domain…
      </p>
    );
  if (reports.state === "error") return <p className="muted">Results per domain could not be loaded.</p>;
  const share = (i: number, id: string) => {
    const d = reports.data[i]?.domains.find((x) => x.id === id);
    return d && d.total > 0 ? d.correct / d.total : null;
  };
  const labels = latest.map((a) => shortDate(a.submittedAt ?? a.startedAt));
  return (
    <figure className="chart-figure">
      <LineChart
        xLabels={latest.map((_, i) => `${i + 1}`)}
        yLabel="Share correct"
        y={{ min: 0, max: 1, format: pct }}
        lines={domains.map((d) => ({
          label: `${d.id}. ${d.name}`,
          values: latest.map((_, i) => share(i, d.id)),
        }))}
      />
      <figcaption>
        Share of questions right per domain in your last {latest.length} attempts (numbered, oldest first). A
        gap means the attempt had no question of that domain.
      </figcaption>
      <ChartTable label="Results per domain as a table">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            {latest.map((a, i) => (
              <th scope="col" key={a.id}>
                {i + 1}. {MODE_LABEL[a.mode]} <span className="muted">{labels[i]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {domains.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.id}. {d.name}
              </th>
              {latest.map((a, i) => {
                const r = reports.data[i]?.domains.find((x) => x.id === d.id);
                return <td key={a.id}>{r && r.total > 0 ? `${r.correct}/${r.total}` : "—"}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
