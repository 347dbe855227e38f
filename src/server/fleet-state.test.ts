import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localActor } from "../app/policy.js";
import { createContext, type ExamContext, loadQuestionBank, openExamContext } from "../compose.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// Two servers over one database: what one process remembers must never outlive a change made by the
// other (the first account adopting the local learner's attempts; a sign-out).

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;
const servers: { exam: ExamContext; app: ReturnType<typeof createApp> }[] = [];

beforeAll(async () => {
  const ctx = await createContext({ content, now: () => new Date("2026-12-01T10:00:00Z") });
  const questions = await loadQuestionBank(ctx);
  const file = join(mkdtempSync(join(tmpdir(), "certpath-fleet-")), "fleet.db");
  for (let i = 0; i < 2; i++) {
    const exam = await openExamContext(ctx, { databaseUrl: file, questions });
    servers.push({ exam, app: createApp(ctx, { exam }) });
  }
});
afterAll(async () => {
  for (const s of servers) await s.exam.close();
});

async function call(server: number, method: string, path: string, body?: unknown, cookie?: string) {
  const res = await (servers[server] as (typeof servers)[number]).app.request(path, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json, headers: res.headers };
}

describe("two servers, one database", () => {
  it("an attempt server A cached before accounts existed is answered by its new owner on A after B adopted it", async () => {
    const started = await call(0, "POST", "/api/attempts", { exam: "CLF-C02", mode: "practice", count: 8 });
    const questions: Json[] = started.body.questions;
    const q1 = questions[0];
    const q2 = questions.find((q, i) => i > 0 && q.type === "multiple-choice");
    // A answers once as the local learner: the attempt's facts are now cached in A.
    expect(
      (await call(0, "PUT", `/api/attempts/${started.body.id}/answers/${q1.id}`, { flagged: true })).status,
    ).toBe(200);
    // The first account is created through B (as `certpath users add` would, in any process).
    await (servers[1] as (typeof servers)[number]).exam.accounts.addUser(localActor(), {
      email: "ana@example.org",
      role: "learner",
      password: "a long pass phrase",
    });
    // A no longer serves the local learner…
    expect((await call(0, "GET", `/api/attempts/${started.body.id}`)).status).toBe(401);
    const signIn = await call(0, "POST", "/api/session", {
      email: "ana@example.org",
      password: "a long pass phrase",
    });
    const cookie = (signIn.headers.getSetCookie()[0] as string).split(";")[0] as string;
    // …and the owner answers on A, scored under their account, seen from B.
    const saved = await call(
      0,
      "PUT",
      `/api/attempts/${started.body.id}/answers/${q2.id}`,
      { selected: [q2.options[0].id] },
      cookie,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(true);
    expect(typeof saved.body.correct).toBe("boolean");
    const readiness = await call(1, "GET", "/api/readiness/CLF-C02", undefined, cookie);
    expect(readiness.body.answered).toBe(1);
    // Signing out on B ends the session on A.
    expect((await call(1, "DELETE", "/api/session", undefined, cookie)).status).toBe(204);
    expect((await call(0, "GET", "/api/me", undefined, cookie)).status).toBe(401);
  });
});
