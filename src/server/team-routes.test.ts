import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Question } from "../core/bank/question-types.js";
import { keyIn, wrongIn } from "../test/attempt-answers.js";
import { examApp, type Json } from "../test/exam-app.js";

// Teams over HTTP, in process: a lead, two members and an outsider; the members practise through the API.
const { state, call, addUser, signIn } = examApp();
const as = (cookie: string) => ({
  get: (path: string) => call("GET", path, undefined, { cookie }),
  post: (path: string, body: unknown) => call("POST", path, body, { cookie }),
  put: (path: string, body: unknown) => call("PUT", path, body, { cookie }),
  del: (path: string) => call("DELETE", path, undefined, { cookie }),
  raw: (path: string) => state.app.request(path, { headers: { cookie } }),
});
type Client = ReturnType<typeof as>;

/** A practice attempt of `count` questions, `share` of them answered right (in order), then submitted. */
async function practise(who: Client, exam: string, count: number, share: number) {
  const started = await who.post("/api/attempts", { exam, mode: "practice", count });
  expect(started.status).toBe(201);
  const questions = started.body.questions as Json[];
  for (const [i, shown] of questions.entries()) {
    const q = state.bank.get(shown.id) as Question;
    const right = i < Math.round(share * questions.length);
    const saved = await who.put(
      `/api/attempts/${started.body.id}/answers/${shown.id}`,
      right ? keyIn(shown as never, q) : wrongIn(shown as never, q),
    );
    expect(saved.status).toBe(200);
  }
  expect((await who.post(`/api/attempts/${started.body.id}/submit`, undefined)).status).toBe(200);
}

let lead: Client;
let ana: Client;
let bo: Client;
let cy: Client;
let teamId: string;

describe("teams API", () => {
  it("in single-user mode lists no teams and no assignments", async () => {
    expect((await call("GET", "/api/teams")).body).toEqual({ teams: [] });
    expect((await call("GET", "/api/me/assignments")).body).toEqual({ assignments: [] });
  });

  it("refuses anonymous requests once accounts exist, and lists a member's teams", async () => {
    await addUser("lead@example.com", "lead", { team: "Platform" });
    await addUser("ana@example.com", "learner", { team: "Platform" });
    await addUser("bo@example.com", "learner", { team: "Platform" });
    await addUser("cy@example.com", "learner", { team: "Data" });
    lead = as((await signIn("lead@example.com")).cookie);
    ana = as((await signIn("ana@example.com")).cookie);
    bo = as((await signIn("bo@example.com")).cookie);
    cy = as((await signIn("cy@example.com")).cookie);
    expect((await call("GET", "/api/teams")).status).toBe(401);
    expect((await call("GET", "/api/me/assignments")).status).toBe(401);
    const teams = (await lead.get("/api/teams")).body.teams as Json[];
    expect(teams).toEqual([{ id: expect.any(String), name: "Platform", role: "lead" }]);
    teamId = teams[0]?.id;
    expect((await ana.get("/api/teams")).body.teams).toEqual([
      { id: teamId, name: "Platform", role: "member" },
    ]);
    const team = await ana.get(`/api/teams/${teamId}`);
    expect(team.status).toBe(200);
    expect(team.body.members).toEqual([
      { email: "lead@example.com", role: "lead" },
      { email: "ana@example.com", role: "member" },
      { email: "bo@example.com", role: "member" },
    ]);
    expect((await cy.get(`/api/teams/${teamId}`)).status).toBe(404);
    expect((await lead.get("/api/teams/nope")).body.error.code).toBe("team.not_found");
  });

  it("lets the lead set the stack by names or slugs, with suggestions for an unknown service", async () => {
    const bad = await lead.put(`/api/teams/${teamId}/stack`, { services: ["lambda", "lamda2"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "team.invalid_input", field: "services.1" });
    expect(bad.body.error.suggestions).toContain("lambda");
    const ok = await lead.put(`/api/teams/${teamId}/stack`, {
      services: ["Lambda", "dynamo", "api gateway", "lambda"],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.stack.map((s: Json) => s.slug)).toEqual(["lambda", "dynamodb", "api-gateway"]);
    expect((await ana.put(`/api/teams/${teamId}/stack`, { services: [] })).status).toBe(403);
    expect((await cy.put(`/api/teams/${teamId}/stack`, { services: [] })).status).toBe(404);
    const advice = await ana.get(`/api/teams/${teamId}/advice?role=developer`);
    expect(advice.status).toBe(200);
    expect(advice.body.coverage[0].covered).toHaveLength(3);
    expect(advice.body.coverage.map((c: Json) => c.code)).toContain("DVA-C02");
    expect(advice.body.advice.recommendations[0].path.map((s: Json) => s.code)).toContain("DVA-C02");
    expect((await ana.get(`/api/teams/${teamId}/advice?role=astronaut`)).status).toBe(400);
  });

  it("lets the lead assign an exam to the team and a path to a member; others may not", async () => {
    const team = await lead.post(`/api/teams/${teamId}/assignments`, {
      exam: "clf-c02",
      targetDate: "2027-01-25",
    });
    expect(team.status).toBe(201);
    expect(team.body.assignments).toEqual([
      expect.objectContaining({
        exams: ["CLF-C02"],
        kind: "exam",
        member: null,
        assignedBy: "lead@example.com",
      }),
    ]);
    const path = await lead.post(`/api/teams/${teamId}/assignments`, {
      path: ["CLF-C02", "SAA-C03"],
      targetDate: "2027-05-30",
      members: ["BO@example.com"],
    });
    expect(path.status).toBe(201);
    expect(path.body.assignments[0]).toMatchObject({ member: "bo@example.com", kind: "path" });
    expect(path.body.assignments[0].steps.map((s: Json) => s.exam)).toEqual(["CLF-C02", "SAA-C03"]);
    const unknown = await lead.post(`/api/teams/${teamId}/assignments`, {
      exam: "SAA-C03",
      targetDate: "2027-05-30",
      members: ["cy@example.com"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: "assignment.invalid_input",
      field: "members",
      unknown: ["cy@example.com"],
    });
    expect(
      (await lead.post(`/api/teams/${teamId}/assignments`, { exam: "SAA-C03", targetDate: "2026-11-01" }))
        .body.error.field,
    ).toBe("targetDate");
    expect(
      (await lead.post(`/api/teams/${teamId}/assignments`, { exam: "DBS-C01", targetDate: "2027-05-30" }))
        .status,
    ).toBe(422);
    expect(
      (await ana.post(`/api/teams/${teamId}/assignments`, { exam: "SAA-C03", targetDate: "2027-05-30" }))
        .status,
    ).toBe(403);
    expect(
      (await cy.post(`/api/teams/${teamId}/assignments`, { exam: "SAA-C03", targetDate: "2027-05-30" }))
        .status,
    ).toBe(404);
  });

  it("shows the lead one row per member and assigned exam with readiness, trend and status; CSV the same", async () => {
    await practise(ana, "CLF-C02", 30, 0.9);
    state.clock = new Date("2026-12-29T10:00:00Z");
    await practise(ana, "CLF-C02", 30, 0.9);
    const d = await lead.get(`/api/teams/${teamId}/dashboard`);
    expect(d.status).toBe(200);
    const rows = d.body.rows as Json[];
    expect(rows.map((r) => `${r.email} ${r.exam}`)).toEqual([
      "ana@example.com CLF-C02",
      "bo@example.com CLF-C02",
      "bo@example.com SAA-C03",
    ]);
    const anaRow = rows[0] as Json;
    expect(anaRow.passProbability).toBeGreaterThan(0.5);
    expect(anaRow.predictedScaledScore.low).toBeLessThanOrEqual(anaRow.predictedScaledScore.high);
    expect(anaRow.intervalProbability).toBe(0.8);
    expect(anaRow.trend.direction).not.toBe("new");
    expect(anaRow.lastActivity).toMatch(/^2026-12-29T/);
    expect(anaRow.daysLeft).toBe(27);
    expect(["on-track", "at-risk"]).toContain(anaRow.status);
    // Bo has not practised: no estimate; CLF-C02 is due within the path's share of time, before the team date.
    expect(rows[1]).toMatchObject({
      status: expect.stringMatching(/no-data|at-risk/),
      passProbability: null,
      lastActivity: null,
    });
    expect(rows[1]?.targetDate < "2027-01-25").toBe(true);
    expect(d.body.weakestDomains[0]).toMatchObject({ exam: "CLF-C02", practisedBy: 1 });
    expect(d.body.counts["on-track"] + d.body.counts["at-risk"] + d.body.counts["no-data"]).toBe(3);

    const csv = await lead.raw(`/api/teams/${teamId}/dashboard.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(
      /attachment; filename="certpath-platform-2026-12-29\.csv"/,
    );
    const records = parse(await csv.text(), { columns: true }) as Json[];
    expect(records.map((r) => r.email)).toEqual(rows.map((r) => r.email));
    expect(Number(records[0]?.pass_probability)).toBe(anaRow.passProbability);
  });

  it("keeps the dashboard from members (403) and other teams (404), but shows members their own assignments", async () => {
    expect((await ana.get(`/api/teams/${teamId}/dashboard`)).status).toBe(403);
    expect((await ana.raw(`/api/teams/${teamId}/dashboard.csv`)).status).toBe(403);
    expect((await cy.get(`/api/teams/${teamId}/dashboard`)).status).toBe(404);
    const mine = await ana.get("/api/me/assignments");
    expect(mine.body.assignments).toHaveLength(1);
    const a = mine.body.assignments[0] as Json;
    expect(a).toMatchObject({
      exams: ["CLF-C02"],
      team: "Platform",
      plan: null,
      newPlanUrl: "/plans/new?exam=CLF-C02&by=2027-01-25",
    });
    expect(a.steps[0]).toMatchObject({ exam: "CLF-C02", status: expect.stringMatching(/on-track|at-risk/) });
    expect(JSON.stringify(mine.body)).not.toContain("bo@example.com");
    const plan = await ana.post("/api/plans", { exam: "CLF-C02", targetDate: "2027-01-25", hoursPerWeek: 5 });
    expect(plan.status).toBe(201);
    expect((await ana.get("/api/me/assignments")).body.assignments[0].plan).toEqual({
      id: plan.body.id,
      targetDate: "2027-01-25",
    });
    expect(
      (await bo.get("/api/me/assignments")).body.assignments.map((x: Json) => x.exams.join(">")),
    ).toEqual(["CLF-C02", "CLF-C02>SAA-C03"]);
    expect((await lead.get("/api/me/assignments")).body.assignments).toEqual([]);
  });

  it("lets the lead delete an assignment (members and outsiders may not)", async () => {
    const team = (await lead.get(`/api/teams/${teamId}`)).body as Json;
    const aid = (team.assignments as Json[]).find((x) => x.member === null)?.id as string;
    expect((await ana.del(`/api/teams/${teamId}/assignments/${aid}`)).status).toBe(403);
    expect((await cy.del(`/api/teams/${teamId}/assignments/${aid}`)).status).toBe(404);
    expect((await lead.del(`/api/teams/${teamId}/assignments/${aid}`)).status).toBe(204);
    const again = await lead.del(`/api/teams/${teamId}/assignments/${aid}`);
    expect(again.body.error.code).toBe("assignment.not_found");
    expect((await ana.get("/api/me/assignments")).body.assignments).toEqual([]);
    expect((await lead.get(`/api/teams/${teamId}/dashboard`)).body.unassigned).toEqual(["ana@example.com"]);
  });
});
