import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenHash } from "../app/account-service.js";
import { localActor, type UserRole } from "../app/policy.js";
import { createContext, type ExamContext, loadQuestionBank, openExamContext } from "../compose.js";
import { AccountRepository } from "../store/account-repository.js";
import { openStore, type Store } from "../store/database.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// The authorization matrix: EVERY route of the OpenAPI document × every role × a resource of one's own,
// of a team mate, of someone in another team → allowed, or refused with 401 / 403 / 404. A route added
// later fails the first test until it gets a row in EXPECTED.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;
type Role = "anonymous" | UserRole;
type Owner = "own" | "same-team" | "other-team";
type Outcome = "allow" | 401 | 403 | 404;
/** How a route treats a role and a resource's owner (signed-in roles only; anonymous is 401 unless public). */
type Rule = "public" | "signed-in" | ((role: UserRole, owner: Owner) => Outcome);

/** A learner's record (attempt, plan): the owner and admins; a lead for the team's members; 404 otherwise. */
const readRecord = (role: UserRole, owner: Owner): Outcome =>
  owner === "own" || role === "admin" || (role === "lead" && owner === "same-team") ? "allow" : 404;
/** Only the owner changes an attempt; someone who may read it gets 403, anyone else 404. */
const writeRecord = (role: UserRole, owner: Owner): Outcome => {
  if (owner === "own") return "allow";
  return readRecord(role, owner) === "allow" ? 403 : 404;
};
/** Invitations: admins anywhere; leads (learners only) into the team they lead; others 403. */
const invite = (role: UserRole, owner: Owner): Outcome =>
  role === "admin" || (role === "lead" && owner !== "other-team") ? "allow" : 403;

/** Item statistics and question reports: authors and admins; 403 for everyone else. */
const authorOnly = (role: UserRole): Outcome => (role === "author" || role === "admin" ? "allow" : 403);
/** A team's page, stack advice: its members, any admin; 404 for others (existence is not revealed). */
const readTeam = (role: UserRole, owner: Owner): Outcome =>
  role === "admin" || owner !== "other-team" ? "allow" : 404;
/** A team's stack, assignments, dashboard: its leads and admins; its other members 403; others 404. */
const manageTeam = (role: UserRole, owner: Owner): Outcome =>
  role === "admin" ? "allow" : owner === "other-team" ? 404 : role === "lead" ? "allow" : 403;

const EXPECTED: Record<string, Rule> = {
  "get /api/health": "public",
  "get /api/openapi.json": "public",
  "get /api/certifications": "public",
  "get /api/certifications/{id}": "public",
  "get /api/advisor/vocabulary": "public",
  "post /api/advice": "public",
  "post /api/session": "public",
  "get /api/invitations/{token}": "public",
  "post /api/invitations/{token}/accept": "public",
  "delete /api/session": "signed-in",
  "delete /api/sessions": "signed-in",
  "get /api/me": "signed-in",
  "post /api/me/password": "signed-in",
  "post /api/invitations": invite,
  "get /api/exams": "signed-in",
  "post /api/attempts": "signed-in",
  "get /api/attempts": "signed-in",
  "get /api/attempts/{id}": readRecord,
  "put /api/attempts/{id}/answers/{questionId}": writeRecord,
  "post /api/attempts/{id}/submit": writeRecord,
  "get /api/attempts/{id}/review": readRecord,
  "get /api/readiness/{exam}": "signed-in",
  "get /api/reviews": "signed-in",
  "post /api/plans": "signed-in",
  "get /api/plans": "signed-in",
  "get /api/plans/{id}": readRecord,
  "get /api/plans/{id}/calendar.ics": readRecord,
  // A report comes from the attempt's own learner (the attempt in progress answers 409, counted as allowed).
  "post /api/attempts/{id}/questions/{questionId}/reports": writeRecord,
  "get /api/author/items": authorOnly,
  "get /api/author/reports": authorOnly,
  // The report id is made up: authors and admins get past the policy to a 404.
  "post /api/author/reports/{id}/resolve": (role) => (authorOnly(role) === "allow" ? 404 : 403),
  "get /api/teams": "signed-in",
  "get /api/me/assignments": "signed-in",
  "get /api/teams/{id}": readTeam,
  "get /api/teams/{id}/advice": readTeam,
  "put /api/teams/{id}/stack": manageTeam,
  "post /api/teams/{id}/assignments": manageTeam,
  "delete /api/teams/{id}/assignments/{aid}": manageTeam,
  "get /api/teams/{id}/dashboard": manageTeam,
  "get /api/teams/{id}/dashboard.csv": manageTeam,
};

const PASSWORD = "the matrix pass phrase";
const ROLES: Role[] = ["anonymous", "learner", "lead", "author", "admin"];
/** Sign-in names: each role's actor is in team A; "mate" is a learner in team A, "stranger" one in team B. */
const PEOPLE: [string, UserRole, string][] = [
  ["learner@example.org", "learner", "Team A"],
  ["lead@example.org", "lead", "Team A"],
  ["author@example.org", "author", "Team A"],
  ["admin@example.org", "admin", "Team A"],
  ["mate@example.org", "learner", "Team A"],
  ["stranger@example.org", "learner", "Team B"],
];

let exam: ExamContext;
let store: Store;
let app: ReturnType<typeof createApp>;
let doc: Json;
const ids = new Map<string, { user: string; attempt: string; question: string; plan: string }>();
const teams = new Map<string, string>();
let serial = 0;

/** A fresh session for a user (straight into the database: the matrix is about policy, not the KDF). */
async function session(email: string): Promise<string> {
  const repo = new AccountRepository(store.db);
  const user = await repo.findUserByEmail(email);
  const token = `matrix-${++serial}-${email}`;
  await repo.createSession(
    tokenHash(token),
    user?.id as string,
    "2026-12-01T09:00:00.000Z",
    "2027-12-01T00:00:00.000Z",
  );
  return `certpath_session=${token}`;
}

async function request(method: string, path: string, cookie?: string, body?: unknown) {
  const res = await app.request(path, {
    method: method.toUpperCase(),
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {}
  return { status: res.status, body: json };
}

beforeAll(async () => {
  const ctx = await createContext({ content, now: () => new Date("2026-12-01T10:00:00Z") });
  const questions = await loadQuestionBank(ctx);
  const file = join(mkdtempSync(join(tmpdir(), "certpath-matrix-")), "matrix.db");
  exam = await openExamContext(ctx, { databaseUrl: file, questions });
  store = await openStore(file);
  app = createApp(ctx, { exam });
  doc = await (await app.request("/api/openapi.json")).json();
  for (const [email, role, team] of PEOPLE)
    await exam.accounts.addUser(localActor(), { email, role, password: PASSWORD, team });
  const repo = new AccountRepository(store.db);
  for (const [email] of PEOPLE) {
    const cookie = await session(email);
    const a = await request("POST", "/api/attempts", cookie, { exam: "CLF-C02", mode: "practice", count: 3 });
    const p = await request("POST", "/api/plans", cookie, {
      exam: "CLF-C02",
      targetDate: "2027-03-01",
      hoursPerWeek: 5,
    });
    const user = (await repo.findUserByEmail(email))?.id as string;
    ids.set(email, { user, attempt: a.body.id, question: a.body.questions[0].id, plan: p.body.id });
    for (const t of await repo.teamsOf(user)) teams.set(t.name, t.id);
  }
}, 120_000);
afterAll(async () => {
  await store?.close();
  await exam?.close();
});

function operations(): { method: string; path: string; op: Json }[] {
  const out: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>))
    for (const m of ["get", "put", "post", "delete", "patch"])
      if (item[m]) out.push({ method: m, path, op: item[m] });
  return out;
}

const ACTOR_EMAIL: Record<UserRole, string> = {
  learner: "learner@example.org",
  lead: "lead@example.org",
  author: "author@example.org",
  admin: "admin@example.org",
};
const OWNER_EMAIL = (role: UserRole, owner: Owner) =>
  owner === "own" ? ACTOR_EMAIL[role] : owner === "same-team" ? "mate@example.org" : "stranger@example.org";

/** A fresh invitation link's token (made by the admin). */
async function freshToken(): Promise<string> {
  const r = await request("POST", "/api/invitations", await session("admin@example.org"), {
    email: `invitee${++serial}@example.org`,
    role: "learner",
  });
  return r.body.url.split("/").pop();
}

/** A fresh assignment of the team (made by the admin), for a delete to consume. */
async function freshAssignment(teamId: string): Promise<string> {
  const r = await request("POST", `/api/teams/${teamId}/assignments`, await session("admin@example.org"), {
    exam: "CLF-C02",
    targetDate: "2027-03-01",
  });
  return r.body.assignments[0].id;
}

/** The request for a route, role and owner: path parameters filled with that owner's records, a valid body. */
async function build(method: string, path: string, role: Role, owner: Owner) {
  const actorEmail = role === "anonymous" ? "learner@example.org" : ACTOR_EMAIL[role];
  const subject = ids.get(
    role === "anonymous" ? "mate@example.org" : OWNER_EMAIL(role, owner),
  ) as NonNullable<ReturnType<typeof ids.get>>;
  const teamId = teams.get(owner === "other-team" ? "Team B" : "Team A") as string;
  let url = path;
  if (path.startsWith("/api/attempts/")) url = url.replace("{id}", subject.attempt);
  if (path.startsWith("/api/plans/")) url = url.replace("{id}", subject.plan);
  if (path.startsWith("/api/teams/")) url = url.replace("{id}", teamId);
  url = url.replace("{questionId}", subject.question).replace("{exam}", "CLF-C02").replace("{id}", "SAA-C03");
  if (url.includes("{token}")) url = url.replace("{token}", await freshToken());
  if (url.includes("{aid}")) url = url.replace("{aid}", await freshAssignment(teamId));
  if (path === "/api/reviews") url += "?exam=CLF-C02";
  const bodies: Record<string, unknown> = {
    "post /api/session": { email: actorEmail, password: PASSWORD },
    "post /api/advice": { role: "developer", awsExperience: 1 },
    "post /api/me/password": { currentPassword: PASSWORD, newPassword: PASSWORD },
    "post /api/invitations": { email: `new${++serial}@example.org`, role: "learner", teamId },
    "post /api/invitations/{token}/accept": { password: "a pass phrase for the invitee" },
    "post /api/attempts": { exam: "CLF-C02", mode: "practice", count: 2 },
    "put /api/attempts/{id}/answers/{questionId}": { flagged: true },
    "post /api/plans": { exam: "CLF-C02", targetDate: "2027-03-01", hoursPerWeek: 5 },
    "post /api/attempts/{id}/questions/{questionId}/reports": { kind: "unclear" },
    "post /api/author/reports/{id}/resolve": { status: "dismissed", resolution: "It stands as written." },
    "put /api/teams/{id}/stack": { services: ["lambda", "dynamodb"] },
    "post /api/teams/{id}/assignments": { exam: "CLF-C02", targetDate: "2027-03-01" },
  };
  const body = bodies[`${method} ${path}`];
  return { url, body };
}

describe("authorization matrix", () => {
  it("has an expectation for every route of the OpenAPI document (add one for a new route)", () => {
    const missing = operations()
      .map((o) => `${o.method} ${o.path}`)
      .filter((k) => !(k in EXPECTED));
    expect(missing).toEqual([]);
  });

  it("every route × every role × own / same-team / other-team resource: allowed or refused as the policy says", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, path } of operations()) {
      const rule = EXPECTED[`${method} ${path}`];
      if (!rule) continue;
      const byOwner = typeof rule === "function";
      for (const role of ROLES)
        for (const owner of (byOwner ? ["own", "same-team", "other-team"] : ["own"]) as Owner[]) {
          const expected: Outcome =
            rule === "public"
              ? "allow"
              : role === "anonymous"
                ? 401
                : rule === "signed-in"
                  ? "allow"
                  : rule(role, owner);
          const { url, body } = await build(method, path, role, owner);
          const cookie = role === "anonymous" ? undefined : await session(ACTOR_EMAIL[role]);
          const r = await request(method, url, cookie, body);
          checked++;
          const got: Outcome =
            r.status === 401 || r.status === 403 || r.status === 404 ? (r.status as Outcome) : "allow";
          // A refusal carries the stable codes: auth.required, auth.forbidden, *.not_found.
          const codeOk =
            got === 401
              ? r.body.error?.code === "auth.required"
              : got === 403
                ? r.body.error?.code === "auth.forbidden"
                : true;
          if (got !== expected || !codeOk || r.status >= 500)
            failures.push(
              `${method.toUpperCase()} ${path} as ${role} on ${owner}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`,
            );
        }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it("a learner never sees another learner's attempt, review or plan, even by id", async () => {
    const cookie = await session("learner@example.org");
    const mate = ids.get("mate@example.org") as NonNullable<ReturnType<typeof ids.get>>;
    for (const path of [
      `/api/attempts/${mate.attempt}`,
      `/api/attempts/${mate.attempt}/review`,
      `/api/plans/${mate.plan}`,
    ]) {
      const r = await request("GET", path, cookie);
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain("mate@example.org");
    }
    const history = await request("GET", "/api/attempts", cookie);
    expect(history.body.attempts.map((a: { id: string }) => a.id)).not.toContain(mate.attempt);
    const plans = await request("GET", "/api/plans", cookie);
    expect(plans.body.plans.map((p: { id: string }) => p.id)).not.toContain(mate.plan);
  });
});
