import { describe, expect, it } from "vitest";
import { examApp } from "../test/exam-app.js";

// Accounts over HTTP, in process: single-user mode as before, then the first account turns sign-in on.
const { state, call, addUser, signIn } = examApp("2026-12-01T09:00:00Z");
const as = (cookie: string) => ({ cookie });
const minutes = (n: number) => {
  state.clock = new Date(state.clock.getTime() + n * 60_000);
};

describe("accounts", () => {
  let localAttempt = "";
  let localPlan = "";

  it("single-user mode: no sign-in, GET /api/me is the local admin, sign-in and invitations have nothing to work on", async () => {
    expect((await call("GET", "/api/me")).body).toEqual({
      email: null,
      role: "admin",
      teams: [],
      mode: "single-user",
    });
    const started = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "practice", count: 2 });
    expect(started.status).toBe(201);
    localAttempt = started.body.id;
    const plan = await call("POST", "/api/plans", {
      exam: "CLF-C02",
      targetDate: "2027-02-01",
      hoursPerWeek: 5,
    });
    expect(plan.status).toBe(201);
    localPlan = plan.body.id;
    const signInNow = await call("POST", "/api/session", {
      email: "x@example.org",
      password: "whatever12345",
    });
    expect([signInNow.status, signInNow.body.error.code]).toEqual([401, "session.invalid_credentials"]);
    const invite = await call("POST", "/api/invitations", { email: "x@example.org", role: "learner" });
    expect([invite.status, invite.body.error.code]).toEqual([409, "invitation.no_accounts"]);
  });

  it("the first account adopts the local records; anonymous requests then get 401 except the public routes", async () => {
    await addUser("Ana@Example.org", "admin", { password: "ana@example.org long password" });
    const anonymous = await call("GET", "/api/attempts");
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "auth.required"]);
    expect((await call("GET", "/api/health")).status).toBe(200);
    expect((await call("GET", "/api/certifications")).status).toBe(200);
    const { cookie } = await signIn("ana@example.org");
    const history = await call("GET", "/api/attempts", undefined, as(cookie));
    expect(history.body.attempts.map((a: { id: string }) => a.id)).toEqual([localAttempt]);
    expect((await call("GET", `/api/plans/${localPlan}`, undefined, as(cookie))).status).toBe(200);
    expect((await call("GET", "/api/me", undefined, as(cookie))).body).toEqual({
      email: "ana@example.org",
      role: "admin",
      teams: [],
      mode: "multi-user",
    });
  });

  it("sign-in sets exactly one HttpOnly, SameSite=Lax session cookie; Secure only over HTTPS", async () => {
    const r = await call("POST", "/api/session", {
      email: "ana@example.org",
      password: "ana@example.org long password",
    });
    expect(r.status).toBe(204);
    const cookies = r.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const cookie = cookies[0] as string;
    expect(cookie).toMatch(/^certpath_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const https = await call(
      "POST",
      "/api/session",
      { email: "ana@example.org", password: "ana@example.org long password" },
      { "x-forwarded-proto": "https" },
    );
    expect(https.headers.getSetCookie()[0]).toContain("Secure");
    // The database holds only the token's hash and the password's KDF hash.
    const token = cookie.split(";")[0]?.split("=")[1] as string;
    const exam = state.exam as NonNullable<typeof state.exam>;
    const { db } = (
      exam as unknown as {
        accounts: { d: { repo: { db: import("kysely").Kysely<import("../store/schema.js").Database> } } };
      }
    ).accounts.d.repo;
    const sessions = await db.selectFrom("sessions").select("id_hash").execute();
    expect(sessions.some((s) => s.id_hash.includes(token))).toBe(false);
    const users = await db.selectFrom("users").select("password_hash").execute();
    expect(users[0]?.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });

  it("a wrong password or an unknown email is 401 with the same code", async () => {
    const wrong = await call("POST", "/api/session", {
      email: "ana@example.org",
      password: "not the password",
    });
    const unknown = await call("POST", "/api/session", {
      email: "nobody@example.org",
      password: "not the password",
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, "session.invalid_credentials"]);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, "session.invalid_credentials"]);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it("sign out ends the session (the old cookie is refused) and clears the cookie", async () => {
    const { cookie } = await signIn("ana@example.org");
    const out = await call("DELETE", "/api/session", undefined, as(cookie));
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^certpath_session=;.*Max-Age=0/);
    expect((await call("GET", "/api/me", undefined, as(cookie))).status).toBe(401);
    expect((await call("DELETE", "/api/session")).status).toBe(401);
  });

  it("sign out everywhere ends every session of the user, not other users'", async () => {
    await addUser("bo@example.org", "learner");
    const one = await signIn("ana@example.org");
    const two = await signIn("ana@example.org");
    const bo = await signIn("bo@example.org");
    expect((await call("DELETE", "/api/sessions", undefined, as(one.cookie))).status).toBe(204);
    expect((await call("GET", "/api/me", undefined, as(one.cookie))).status).toBe(401);
    expect((await call("GET", "/api/me", undefined, as(two.cookie))).status).toBe(401);
    expect((await call("GET", "/api/me", undefined, as(bo.cookie))).status).toBe(200);
  });

  it("password change: checks the current one, refuses a weak one, signs out the other sessions", async () => {
    const here = await signIn("bo@example.org");
    const other = await signIn("bo@example.org");
    const change = (currentPassword: string, newPassword: string) =>
      call("POST", "/api/me/password", { currentPassword, newPassword }, as(here.cookie));
    const wrong = await change("not it at all", "a brand new pass phrase");
    expect([wrong.status, wrong.body.error.code]).toEqual([401, "account.wrong_password"]);
    const weak = await change("bo@example.org long password", "short");
    expect([weak.status, weak.body.error.code, weak.body.error.field]).toEqual([
      400,
      "account.weak_password",
      "newPassword",
    ]);
    expect((await change("bo@example.org long password", "a brand new pass phrase")).status).toBe(204);
    expect((await call("GET", "/api/me", undefined, as(here.cookie))).status).toBe(200);
    expect((await call("GET", "/api/me", undefined, as(other.cookie))).status).toBe(401);
    expect(
      (
        await call("POST", "/api/session", {
          email: "bo@example.org",
          password: "bo@example.org long password",
        })
      ).status,
    ).toBe(401);
    await signIn("bo@example.org", "a brand new pass phrase");
  });

  it("a session expires 30 days after the last activity", async () => {
    const { cookie } = await signIn("ana@example.org");
    minutes(29 * 24 * 60);
    expect((await call("GET", "/api/me", undefined, as(cookie))).status).toBe(200);
    minutes(29 * 24 * 60);
    expect((await call("GET", "/api/me", undefined, as(cookie))).status).toBe(200);
    minutes(31 * 24 * 60);
    expect((await call("GET", "/api/me", undefined, as(cookie))).status).toBe(401);
  });

  it("invitations: an admin invites into a team; the link works once; leads invite learners into their own teams only", async () => {
    await addUser("li@example.org", "lead", { team: "Platform" });
    await addUser("ro@example.org", "lead", { team: "Data" });
    const admin = await signIn("ana@example.org");
    const lead = await signIn("li@example.org");
    const learner = await signIn("bo@example.org", "a brand new pass phrase");
    const me = await call("GET", "/api/me", undefined, as(lead.cookie));
    const platform = me.body.teams[0];
    expect(platform).toMatchObject({ name: "Platform", role: "lead" });
    const dataTeam = (await call("GET", "/api/me", undefined, as((await signIn("ro@example.org")).cookie)))
      .body.teams[0].id;

    const created = await call(
      "POST",
      "/api/invitations",
      { email: "New@Example.org", role: "learner", teamId: platform.id },
      as(admin.cookie),
    );
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^\/invite\/[A-Za-z0-9_-]{40,}$/);
    const token = created.body.url.split("/").pop();
    const shown = await call("GET", `/api/invitations/${token}`);
    expect(shown.body).toEqual({
      email: "new@example.org",
      role: "learner",
      team: { id: platform.id, name: "Platform" },
      invitedBy: "ana@example.org",
    });
    const weak = await call("POST", `/api/invitations/${token}/accept`, { password: "short" });
    expect([weak.status, weak.body.error.code]).toEqual([400, "account.weak_password"]);
    const accepted = await call("POST", `/api/invitations/${token}/accept`, {
      password: "the newcomer's pass phrase",
    });
    expect(accepted.status).toBe(204);
    expect(accepted.headers.getSetCookie()).toHaveLength(1);
    const cookie = (accepted.headers.getSetCookie()[0] as string).split(";")[0] as string;
    expect((await call("GET", "/api/me", undefined, as(cookie))).body).toMatchObject({
      email: "new@example.org",
      role: "learner",
      teams: [{ id: platform.id, name: "Platform", role: "member" }],
    });
    expect(
      (await call("POST", `/api/invitations/${token}/accept`, { password: "another pass phrase" })).status,
    ).toBe(404);
    expect((await call("GET", `/api/invitations/${token}`)).status).toBe(404);
    expect((await call("GET", "/api/invitations/no-such-token")).status).toBe(404);

    const invite = (cookieValue: string, body: object) =>
      call("POST", "/api/invitations", body, as(cookieValue));
    expect(
      (await invite(lead.cookie, { email: "a@example.org", role: "learner", teamId: platform.id })).status,
    ).toBe(201);
    const asAdmin = await invite(lead.cookie, { email: "b@example.org", role: "admin", teamId: platform.id });
    expect([asAdmin.status, asAdmin.body.error.code]).toEqual([403, "auth.forbidden"]);
    expect(
      (await invite(lead.cookie, { email: "c@example.org", role: "learner", teamId: dataTeam })).status,
    ).toBe(403);
    expect((await invite(lead.cookie, { email: "c@example.org", role: "learner" })).status).toBe(403);
    expect(
      (await invite(learner.cookie, { email: "d@example.org", role: "learner", teamId: platform.id })).status,
    ).toBe(403);
    expect((await invite(admin.cookie, { email: "bo@example.org", role: "learner" })).status).toBe(409);
    // A lead invited (by an admin) into a team leads it.
    const leadInvite = await invite(admin.cookie, {
      email: "co-lead@example.org",
      role: "lead",
      teamId: dataTeam,
    });
    const leadToken = leadInvite.body.url.split("/").pop();
    const asLead = await call("POST", `/api/invitations/${leadToken}/accept`, {
      password: "the co-lead pass phrase",
    });
    const leadCookie = (asLead.headers.getSetCookie()[0] as string).split(";")[0] as string;
    expect((await call("GET", "/api/me", undefined, as(leadCookie))).body.teams).toEqual([
      { id: dataTeam, name: "Data", role: "lead" },
    ]);
    // An expired link is refused.
    const late = await invite(admin.cookie, { email: "late@example.org", role: "author" });
    minutes(8 * 24 * 60);
    expect((await call("GET", `/api/invitations/${late.body.url.split("/").pop()}`)).status).toBe(404);
  });

  it("sign-in is rate-limited per email (429 with Retry-After, even with the right password), then lifts", async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await call("POST", "/api/session", { email: "li@example.org", password: `wrong guess ${i}` }))
          .status,
      ).toBe(401);
    const locked = await call("POST", "/api/session", {
      email: "li@example.org",
      password: "li@example.org long password",
    });
    expect([locked.status, locked.body.error.code]).toEqual([429, "session.rate_limited"]);
    const wait = Number(locked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // Another account is not locked by it.
    expect(
      (
        await call("POST", "/api/session", {
          email: "ro@example.org",
          password: "ro@example.org long password",
        })
      ).status,
    ).toBe(204);
    minutes(16);
    await signIn("li@example.org");
  });

  it("and per client address: many failures on many emails lock that address", async () => {
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (
        await call("POST", "/api/session", { email: `guess${i}@example.org`, password: "not a password" })
      ).status;
    expect(last).toBe(429);
    const ana = await call("POST", "/api/session", {
      email: "ana@example.org",
      password: "ana@example.org long password",
    });
    expect(ana.status).toBe(429);
    minutes(16);
    await signIn("ana@example.org");
  });
});
