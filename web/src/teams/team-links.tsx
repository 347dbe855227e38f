import { Link, NavLink } from "react-router";
import { useMe } from "../account/me-context.js";
import { useApi } from "../use-api.js";
import { teamApi } from "./team-api.js";

/**
 * The teams the user leads, from who the app acts as (GET /api/me, loaded once): a lead's teams where they lead;
 * admins (and the single user, who is an admin) every team, asked once from /api/teams; nobody else asks.
 */
function useLedTeams() {
  const { state } = useMe();
  const me = state.status === "signed-in" || state.status === "single-user" ? state.me : undefined;
  const admin = me?.role === "admin";
  const all = useApi(admin ? "teams" : "teams (not asked)", () =>
    admin ? teamApi.teams() : Promise.resolve({ teams: [] }),
  );
  if (!me) return [];
  if (!admin) return me.teams.filter((t) => t.role === "lead");
  return all.state === "ready" ? all.data.teams : [];
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
