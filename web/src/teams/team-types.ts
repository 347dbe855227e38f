// Shapes of the teams API (src/server/team-routes.ts, team-schemas.ts); the web app talks to the API only.
import type { Advice } from "../../../src/core/advisor/advisor-types.js";
import type { DashboardRow, TeamDomainGap } from "../../../src/core/teams/team-dashboard.js";
import type { TrackStatus } from "../../../src/core/teams/team-status.js";

export type { DashboardRow, TeamDomainGap, TrackStatus };

export interface Service {
  slug: string;
  name: string;
}

export interface Assignment {
  id: string;
  teamId: string;
  kind: "exam" | "path";
  exams: string[];
  targetDate: string;
  /** The member's email; null: the whole team. */
  member: string | null;
  assignedBy: string | null;
  createdAt: string;
  steps: { exam: string; date: string }[];
}

export interface TeamSummary {
  id: string;
  name: string;
  role: "member" | "lead" | null;
}

export interface Team {
  id: string;
  name: string;
  stack: Service[];
  members: { email: string; role: "member" | "lead" }[];
  assignments: Assignment[];
}

export interface Dashboard {
  team: { id: string; name: string };
  asOf: string;
  today: string;
  rule: Record<string, number>;
  counts: Record<TrackStatus, number>;
  rows: DashboardRow[];
  weakestDomains: TeamDomainGap[];
  unassigned: string[];
}

export interface TeamAdvice {
  team: { id: string; name: string };
  stack: Service[];
  coverage: { code: string; name: string; level: string; covered: Service[]; share: number }[];
  advice: Advice;
}

export interface MyAssignment extends Omit<Assignment, "steps"> {
  team: string | null;
  steps: {
    exam: string;
    name: string;
    date: string;
    status: TrackStatus;
    reasons: string[];
    passProbability: number | null;
  }[];
  plan: { id: string; targetDate: string } | null;
  newPlanUrl: string;
}

export interface AssignmentRequest {
  exam?: string;
  path?: string[];
  targetDate: string;
  members?: string[];
}
