import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type ThrowawayPostgres } from "../src/test/postgres.js";
import { cliWithInput } from "../src/test/run-cli.js";
import { api, type Served, startServer } from "./harness.js";

// Several stateless servers over one PostgreSQL database: any of them can serve any request.
let pg: ThrowawayPostgres | undefined;
const servers: Served[] = [];
const required = process.env.CERTPATH_REQUIRE_POSTGRES === "1";

beforeAll(() => {
  pg = startPostgres();
  if (!pg && required)
    throw new Error("CERTPATH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries were found");
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  pg?.stop();
});

describe("PostgreSQL with two servers", () => {
  it("starts on DATABASE_URL=postgres://…, and two servers share attempts, answers and the clock", async (ctx) => {
    if (!pg) return ctx.skip();
    const a = await startServer({ DATABASE_URL: pg.url });
    const b = await startServer({ DATABASE_URL: pg.url });
    servers.push(a, b);
    const started = await api(a.url, "POST", "/api/attempts", {
      exam: "DVA-C02",
      mode: "exam",
      count: 5,
      seed: "pg",
    });
    expect(started.status).toBe(201);
    const attempt = started.body;
    const [q1, q2] = attempt.questions;
    expect(
      (
        await api(b.url, "PUT", `/api/attempts/${attempt.id}/answers/${q1.id}`, {
          selected: [q1.options[0].id],
        })
      ).body,
    ).toEqual({ saved: true });
    expect(
      (await api(a.url, "PUT", `/api/attempts/${attempt.id}/answers/${q2.id}`, { flagged: true })).body,
    ).toEqual({ saved: true });
    const seenByA = (await api(a.url, "GET", `/api/attempts/${attempt.id}`)).body;
    expect(seenByA.answers[q1.id].selected).toEqual([q1.options[0].id]);
    expect(seenByA.answers[q2.id].flagged).toBe(true);
    const report = await api(b.url, "POST", `/api/attempts/${attempt.id}/submit`);
    expect(report.body.total).toBe(5);
    // Submitted through B, so A refuses further answers.
    const late = await api(a.url, "PUT", `/api/attempts/${attempt.id}/answers/${q1.id}`, {
      selected: [q1.options[1].id],
    });
    expect([late.status, late.body.error.code]).toEqual([409, "attempt.closed"]);
    expect((await api(a.url, "GET", "/api/attempts")).body.attempts[0].id).toBe(attempt.id);
  });

  it("with accounts: sign in on A, answer on B, sign out on A and B refuses the session; nothing is lost", async (ctx) => {
    if (!pg) return ctx.skip();
    const [a, b] = servers;
    if (!a || !b) return ctx.skip();
    // The first account, made with the CLI on the same database while both servers run.
    const added = await cliWithInput("a pass phrase for the fleet\n", [
      "users",
      "add",
      "fleet@example.org",
      "--role",
      "learner",
      "--db",
      pg.url,
    ]);
    expect([added.code, added.stderr]).toEqual([0, ""]);
    // Both servers now ask for a session: nothing is cached per process.
    for (const s of [a, b]) expect((await api(s.url, "GET", "/api/attempts")).status).toBe(401);
    const signIn = await api(a.url, "POST", "/api/session", {
      email: "fleet@example.org",
      password: "a pass phrase for the fleet",
    });
    expect(signIn.status).toBe(204);
    const cookie = (signIn.headers.getSetCookie()[0] as string).split(";")[0] as string;
    const as = { cookie };
    // The records made before accounts existed now belong to the first account, on both servers.
    const before = (await api(b.url, "GET", "/api/attempts", undefined, as)).body.attempts;
    expect(before.length).toBeGreaterThan(0);
    const started = await api(
      b.url,
      "POST",
      "/api/attempts",
      { exam: "DVA-C02", mode: "exam", count: 3 },
      as,
    );
    expect(started.status).toBe(201);
    const attempt = started.body;
    for (const [i, q] of (attempt.questions as { id: string; options: { id: string }[] }[]).entries()) {
      const server = i % 2 === 0 ? b : a;
      const saved = await api(
        server.url,
        "PUT",
        `/api/attempts/${attempt.id}/answers/${q.id}`,
        { selected: [q.options[0]?.id] },
        as,
      );
      expect(saved.body).toEqual({ saved: true });
    }
    const seenByA = (await api(a.url, "GET", `/api/attempts/${attempt.id}`, undefined, as)).body;
    expect(Object.keys(seenByA.answers)).toHaveLength(3);
    expect((await api(a.url, "GET", "/api/me", undefined, as)).body.email).toBe("fleet@example.org");
    expect((await api(a.url, "DELETE", "/api/session", undefined, as)).status).toBe(204);
    const refused = await api(b.url, "GET", `/api/attempts/${attempt.id}`, undefined, as);
    expect([refused.status, refused.body.error.code]).toEqual([401, "auth.required"]);
    // Signing in again on B finds every answer.
    const again = await api(b.url, "POST", "/api/session", {
      email: "fleet@example.org",
      password: "a pass phrase for the fleet",
    });
    const cookie2 = (again.headers.getSetCookie()[0] as string).split(";")[0] as string;
    const report = await api(b.url, "POST", `/api/attempts/${attempt.id}/submit`, undefined, {
      cookie: cookie2,
    });
    expect(report.body.total).toBe(3);
    // The sign-in limiter is shared too: failures on A lock the email on B.
    for (let i = 0; i < 5; i++)
      await api(i % 2 ? a.url : b.url, "POST", "/api/session", {
        email: "fleet@example.org",
        password: `wrong ${i}`,
      });
    const locked = await api(a.url, "POST", "/api/session", {
      email: "fleet@example.org",
      password: "a pass phrase for the fleet",
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
