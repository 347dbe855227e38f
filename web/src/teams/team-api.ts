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

/** The teams routes (src/server/team-routes.ts). */
export const teamApi = {
  teams: () => request<{ teams: TeamSummary[] }>("/api/teams"),
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
  mine: () => request<{ assignments: MyAssignment[] }>("/api/me/assignments"),
};

/** Where the dashboard's CSV downloads from. */
export const dashboardCsvUrl = (id: string) => `${team(id)}/dashboard.csv`;
