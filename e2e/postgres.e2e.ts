import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type ThrowawayPostgres } from "../src/test/postgres.js";
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
});
