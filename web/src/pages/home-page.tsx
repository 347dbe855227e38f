import { Link } from "react-router";
import { api, type CertificationSummary } from "../api.js";
import { Status, Title } from "../components/status.js";
import { MyAssignments } from "../teams/my-assignments.js";
import { TeamLinks } from "../teams/team-links.js";
import { useApi } from "../use-api.js";

const TIERS = [
  {
    level: "foundational",
    title: "Foundational",
    need: "No hands-on experience needed",
    blurb: "Cloud and AI fluency for any role.",
  },
  {
    level: "associate",
    title: "Associate",
    need: "About 1 year hands-on",
    blurb: "Role-based: build, run, design on AWS.",
  },
  {
    level: "professional",
    title: "Professional",
    need: "2+ years hands-on",
    blurb: "Senior design, DevOps and generative AI work.",
  },
] as const;

function TierList({ certs }: { certs: CertificationSummary[] }) {
  return (
    <ul className="tier-certs">
      {certs.map((c) => (
        <li key={c.slug}>
          <Link to={`/certifications/${c.code}`}>{c.shortName}</Link> <span className="code">{c.code}</span>
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const catalog = useApi("home", () => api.certifications({ status: "active" }));
  return (
    <>
      <section className="hero">
        <Title>Choose, plan and pass your AWS certification</Title>
        <p className="lead">
          certpath knows every AWS certification, current and retired, recommends a path that fits your role,
          experience and stack, and explains each step.
        </p>
        <p className="hero-actions">
          <Link className="button button-primary" to="/advisor">
            Find my path
          </Link>
          <Link className="button" to="/catalog">
            Browse the catalog
          </Link>
        </p>
      </section>
      <MyAssignments />
      <TeamLinks />
      <section aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Four tiers of AWS certification</h2>
        <p>
          Three levels build on each other; the Specialty tier sits beside them for deep expertise in one area
          and is usually taken with Associate-level knowledge.
        </p>
        <Status value={catalog} what="the tiers">
          {({ certifications }) => (
            // biome-ignore lint/a11y/useSemanticElements: a labelled group of tier boxes, not a form fieldset
            <div className="tiers" role="group" aria-label="Certification tiers">
              <ol className="tier-steps">
                {TIERS.map((t, i) => (
                  <li
                    key={t.level}
                    className={`tier tier-${t.level}`}
                    style={{ "--step": i } as React.CSSProperties}
                  >
                    <h3>{t.title}</h3>
                    <p className="tier-need">{t.need}</p>
                    <p className="tier-blurb">{t.blurb}</p>
                    <TierList certs={certifications.filter((c) => c.level === t.level)} />
                  </li>
                ))}
              </ol>
              <aside className="tier tier-specialty" aria-label="Specialty tier">
                <h3>Specialty</h3>
                <p className="tier-need">Years in the domain, plus hands-on AWS</p>
                <p className="tier-blurb">Deep expertise in one area, outside the linear path.</p>
                <TierList certs={certifications.filter((c) => c.level === "specialty")} />
              </aside>
            </div>
          )}
        </Status>
        <div className="notice">
          <strong>Guides written before 2026 are out of date.</strong> The Database, Data Analytics and SAP on
          AWS specialties were retired in April 2024 and Machine Learning – Specialty on 31 March 2026; SysOps
          Administrator is now CloudOps Engineer – Associate; AI Practitioner, Machine Learning Engineer and
          Generative AI Developer are new. certpath follows the current program and shows retired
          certifications with their successors: <Link to="/catalog?status=retired">see the retired ones</Link>
          .
        </div>
      </section>
    </>
  );
}
