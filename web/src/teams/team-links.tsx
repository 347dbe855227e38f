import { useRef } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useApi } from "../use-api.js";
import { teamApi } from "./team-api.js";

/** The teams the user leads (admins: every team); empty in single-user mode without teams. */
function useLedTeams() {
  // Asked again on each navigation until there is an answer with teams (e.g. right after signing in).
  const { pathname } = useLocation();
  const found = useRef(false);
  const teams = useApi(found.current ? "teams" : `teams ${pathname}`, () => teamApi.teams());
  if (teams.state !== "ready") return [];
  const led = teams.data.teams.filter((t) => t.role !== "member");
  if (led.length > 0) found.current = true;
  return led;
}

/** A "Team" link in the header for leads and admins with a team (the first; the home page lists the others). */
export function TeamNavLink() {
  const led = useLedTeams();
  const first = led[0];
  if (!first) return null;
  return (
    <li>
      <NavLink to={`/teams/${encodeURIComponent(first.id)}`}>{led.length === 1 ? "Team" : "Teams"}</NavLink>
    </li>
  );
}

/** On the home page, for leads and admins: a link to each team's dashboard. */
export function TeamLinks() {
  const led = useLedTeams();
  if (led.length === 0) return null;
  return (
    <section className="team-links" aria-labelledby="team-links-heading">
      <h2 id="team-links-heading">Your teams</h2>
      <ul className="plain-list">
        {led.map((t) => (
          <li key={t.id}>
            <Link to={`/teams/${encodeURIComponent(t.id)}`}>{t.name}: dashboard, assignments and stack</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
