import { request } from "../api.js";
import type {
  Assignment,
  AssignmentRequest,
  Dashboard,
  MyAssignment,
  Service,
  Team,
  TeamAdvice,
  TeamSummary,
} from "./team-types.js";

const team = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

/**
 * For what only decorates a page (the header's team link, the home page's assignments): a plain fetch whose
 * failure, 401 included, means "nothing to show" — never the app-wide "session gone, sign in" handling, which
 * would send a visitor of a public page (catalog, advisor) to sign-in.
 */
async function quiet<T>(path: string, empty: T): Promise<T> {
  try {
    const res = await fetch(path, { headers: { accept: "application/json" } });
    return res.ok ? ((await res.json()) as T) : empty;
  } catch {
    return empty;
  }
}

/** The teams routes (src/server/team-routes.ts). */
export const teamApi = {
  teams: () => quiet<{ teams: TeamSummary[] }>("/api/teams", { teams: [] }),
  team: (id: string) => request<Team>(team(id)),
  dashboard: (id: string) => request<Dashboard>(`${team(id)}/dashboard`),
  advice: (id: string) => request<TeamAdvice>(`${team(id)}/advice`),
  setStack: (id: string, services: string[]) =>
    request<{ id: string; stack: Service[] }>(`${team(id)}/stack`, {
      method: "PUT",
      body: JSON.stringify({ services }),
    }),
  assign: (id: string, body: AssignmentRequest) =>
    request<{ assignments: Assignment[] }>(`${team(id)}/assignments`, {
      method: "POST",
      body: JSON.stringify(body),
    }),
  unassign: (id: string, aid: string) =>
    request<undefined>(`${team(id)}/assignments/${encodeURIComponent(aid)}`, { method: "DELETE" }),
  mine: () => quiet<{ assignments: MyAssignment[] }>("/api/me/assignments", { assignments: [] }),
};

/** Where the dashboard's CSV downloads from. */
export const dashboardCsvUrl = (id: string) => `${team(id)}/dashboard.csv`;
