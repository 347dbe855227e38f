import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { TeamService } from "../app/team-service.js";
import { actorOf } from "./actor-middleware.js";
import { errorSchema } from "./api-schemas.js";
import {
  adviceQuery,
  assignmentBody,
  assignmentParam,
  assignmentView,
  dashboardView,
  myAssignments,
  stackBody,
  stackView,
  teamAdviceView,
  teamIdParam,
  teamSummary,
  teamView,
} from "./team-schemas.js";

const json = <T>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const e401 = json(errorSchema, "auth.required: sign in first (multi-user mode)");
const e403 = json(errorSchema, "auth.forbidden: a member of the team who is not its lead (nor an admin)");
const e404 = json(
  errorSchema,
  "team.not_found: no such team, or one the user is not in (existence is not revealed)",
);

/** Teams: list, stack, advice, assignments and the dashboard (JSON and CSV). */
export function registerTeamRoutes(app: OpenAPIHono, teams: TeamService) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/teams",
      tags: ["teams"],
      summary: "The teams the user belongs to (admins: every team)",
      responses: { 200: json(teamSummary, "Teams"), 401: e401 },
    }),
    async (c) => c.json(await teams.list(actorOf(c)), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/teams/{id}",
      tags: ["teams"],
      summary: "A team: members, stack and assignments (its members, leads and admins)",
      request: { params: teamIdParam },
      responses: { 200: json(teamView, "The team"), 401: e401, 404: e404 },
    }),
    async (c) => c.json(await teams.get(actorOf(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/teams/{id}/stack",
      tags: ["teams"],
      summary: "Set the AWS services the team's organisation uses (leads and admins)",
      request: {
        params: teamIdParam,
        body: { content: { "application/json": { schema: stackBody } }, required: true },
      },
      responses: {
        200: json(stackView, "The stack as stored (slugs and names)"),
        400: json(
          errorSchema,
          "team.invalid_input: an unknown service; `field` is services.N, `suggestions` the nearest slugs",
        ),
        401: e401,
        403: e403,
        404: e404,
      },
    }),
    async (c) =>
      c.json(await teams.setStack(actorOf(c), c.req.valid("param").id, c.req.valid("json").services), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/teams/{id}/advice",
      tags: ["teams"],
      summary:
        "The advisor for the team's stack: which certifications cover the services it uses, and ranked paths",
      request: { params: teamIdParam, query: adviceQuery },
      responses: {
        200: json(teamAdviceView, "Coverage and advice"),
        400: json(errorSchema, "advice.invalid_input: a bad role, experience or hours"),
        401: e401,
        404: e404,
      },
    }),
    async (c) => c.json(await teams.advice(actorOf(c), c.req.valid("param").id, c.req.valid("query")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/teams/{id}/assignments",
      tags: ["teams"],
      summary: "Assign an exam or an advisor path and a target date to the whole team or chosen members",
      request: {
        params: teamIdParam,
        body: { content: { "application/json": { schema: assignmentBody } }, required: true },
      },
      responses: {
        201: json(
          z.object({ assignments: z.array(assignmentView) }),
          "One assignment per chosen member, or one for the team",
        ),
        400: json(
          errorSchema,
          "assignment.invalid_input: `field` is exam, path, targetDate or members (with `unknown` emails, `suggestions` codes)",
        ),
        401: e401,
        403: e403,
        404: e404,
        422: json(errorSchema, "assignment.exam_retired"),
      },
    }),
    async (c) => c.json(await teams.assign(actorOf(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/teams/{id}/assignments/{aid}",
      tags: ["teams"],
      summary: "Delete an assignment (leads and admins)",
      request: { params: assignmentParam },
      responses: {
        204: { description: "Deleted" },
        401: e401,
        403: e403,
        404: json(errorSchema, "team.not_found or assignment.not_found"),
      },
    }),
    async (c) => {
      const p = c.req.valid("param");
      await teams.unassign(actorOf(c), p.id, p.aid);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me/assignments",
      tags: ["teams"],
      summary: "The user's assignments, with the status per exam and the plan that covers them",
      responses: { 200: json(myAssignments, "Assignments, soonest target first"), 401: e401 },
    }),
    async (c) => c.json(await teams.mine(actorOf(c)), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/teams/{id}/dashboard",
      tags: ["teams"],
      summary:
        "Per member (by email) and assigned exam: readiness, 80% interval, pass probability, trend, weakest domains, last activity, on track / at risk",
      request: { params: teamIdParam },
      responses: { 200: json(dashboardView, "The dashboard"), 401: e401, 403: e403, 404: e404 },
    }),
    async (c) => c.json(await teams.dashboard(actorOf(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/teams/{id}/dashboard.csv",
      tags: ["teams"],
      summary: "The dashboard rows as CSV (RFC 4180, header row; formula-like cells prefixed with ')",
      request: { params: teamIdParam },
      responses: {
        200: { content: { "text/csv": { schema: z.string() } }, description: "CSV" },
        401: e401,
        403: e403,
        404: e404,
      },
    }),
    async (c) => {
      const { csv, filename } = await teams.dashboardCsv(actorOf(c), c.req.valid("param").id);
      c.header("Content-Disposition", `attachment; filename="${filename}"`);
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    },
  );
}
