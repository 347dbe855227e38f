import type { CertificationDetail } from "../api.js";

/** Domain weights as horizontal bars; the numbers are in the text too, so the chart needs no colour to be read. */
export function DomainChart({ domains }: { domains: CertificationDetail["domains"] }) {
  const max = Math.max(...domains.map((d) => d.weight), 1);
  return (
    <figure className="domain-chart">
      <figcaption className="visually-hidden">Share of scored content per exam domain</figcaption>
      <ol>
        {domains.map((d) => (
          <li key={d.id}>
            <span className="domain-name">
              {d.id}. {d.name}
            </span>
            <span className="domain-bar-track" aria-hidden="true">
              <span className="domain-bar" style={{ width: `${(d.weight / max) * 100}%` }} />
            </span>
            <span className="domain-weight">{d.weight}%</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
