import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  openExamContext,
} from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { keyIn, type ShownQuestion, wrongIn } from "../test/attempt-answers.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// A clock the tests move by hand: the server's clock is the only one that counts.
let clock = new Date("2026-11-26T10:00:00Z");
let ctx: AppContext;
let exam: ExamContext;
let app: ReturnType<typeof createApp>;
let bank: Map<string, Question>;

beforeAll(async () => {
  ctx = await createContext({ content, now: () => clock });
  const questions = await loadQuestionBank(ctx);
  bank = new Map(questions.map((q) => [q.id, q]));
  exam = await openExamContext(ctx, { databaseUrl: ":memory:", questions });
  app = createApp(ctx, { exam });
});
afterAll(() => exam?.close());

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};
const start = (body: Json) => call("POST", "/api/attempts", body);
/** The key of a question as the attempt shows it (in its opaque ids). */
const keyOf = (shown: ShownQuestion) => keyIn(shown, bank.get(shown.id)!);
/** A complete but wrong answer, in the attempt's opaque ids. */
const wrongAnswer = (shown: ShownQuestion) => wrongIn(shown, bank.get(shown.id)!);

describe("attempts over HTTP", () => {
  it("starts a full exam with the blueprint's count and time, domains within one of their share, and no key", async () => {
    const r = await start({ exam: "SAA-C03", mode: "exam", seed: "blueprint" });
    expect(r.status).toBe(201);
    const a = r.body;
    expect(a.questions).toHaveLength(65);
    expect(Date.parse(a.endsAt) - Date.parse(a.startedAt)).toBe(130 * 60_000);
    expect(a.secondsRemaining).toBe(130 * 60);
    const counts: Record<string, number> = {};
    for (const q of a.questions) counts[q.domain] = (counts[q.domain] ?? 0) + 1;
    for (const [d, w] of Object.entries({ "1": 30, "2": 26, "3": 24, "4": 20 }))
      expect(Math.abs((counts[d] ?? 0) - 0.65 * w)).toBeLessThan(1);
    const text = JSON.stringify(a);
    for (const secret of ['"correct"', '"explanation"', '"references"', '"match"', "correctOptions"])
      expect(text).not.toContain(secret);
    const got = await call("GET", `/api/attempts/${a.id}`);
    expect(JSON.stringify(got.body)).not.toMatch(/"correct"|"explanation"|"references"|"match"/);
  });

  it("answering every question with the key gives 1000 and a pass; the review then shows explanations", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "perfect" })).body;
    const early = await call("GET", `/api/attempts/${a.id}/review`);
    expect(early.status).toBe(409);
    for (const q of a.questions)
      expect((await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, keyOf(q))).body).toEqual({
        saved: true,
      });
    const report = await call("POST", `/api/attempts/${a.id}/submit`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      scaledScore: 1000,
      passingScore: 700,
      passed: true,
      correct: 65,
      total: 65,
    });
    expect(report.body.domains.every((d: Json) => d.rating === "meets")).toBe(true);
    const review = await call("GET", `/api/attempts/${a.id}/review`);
    expect(review.status).toBe(200);
    const q0 = review.body.questions[0];
    expect(q0.correct).toBe(true);
    expect(q0.options.every((o: Json) => typeof o.explanation === "string" && o.explanation.length > 0)).toBe(
      true,
    );
    expect(q0.references.length).toBeGreaterThan(0);
    const again = await call("PUT", `/api/attempts/${a.id}/answers/${a.questions[0].id}`, { selected: [] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("attempt.closed");
  });

  it("answering none gives the minimum and a fail, with every domain needing improvement", async () => {
    const a = (await start({ exam: "DVA-C02", mode: "exam", seed: "none" })).body;
    const r = await call("POST", `/api/attempts/${a.id}/submit`);
    expect(r.body).toMatchObject({ scaledScore: 100, passed: false, correct: 0 });
    expect(r.body.domains.every((d: Json) => d.rating === "needs-improvement")).toBe(true);
    expect((await call("POST", `/api/attempts/${a.id}/submit`)).body.scaledScore).toBe(100);
  });

  it("domain ratings follow the answers", async () => {
    const a = (await start({ exam: "SAA-C03", mode: "exam", seed: "domains" })).body;
    for (const q of a.questions)
      if (q.domain === "1" || q.domain === "3")
        await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, keyOf(q));
    const r = await call("POST", `/api/attempts/${a.id}/submit`);
    expect(r.body.domains.map((d: Json) => [d.id, d.rating])).toEqual([
      ["1", "meets"],
      ["2", "needs-improvement"],
      ["3", "meets"],
      ["4", "needs-improvement"],
    ]);
  });

  it("saves flags and changed answers; GET shows them with the time left by the server's clock", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "flags", count: 5 })).body;
    expect(a.secondsRemaining).toBe(7 * 60);
    const [q1, q2] = a.questions;
    await call("PUT", `/api/attempts/${a.id}/answers/${q1.id}`, { selected: [q1.options[0].id] });
    await call("PUT", `/api/attempts/${a.id}/answers/${q1.id}`, {
      selected: [q1.options[1].id],
      flagged: true,
    });
    await call("PUT", `/api/attempts/${a.id}/answers/${q2.id}`, { flagged: true });
    clock = new Date(clock.getTime() + 100_000);
    const got = (await call("GET", `/api/attempts/${a.id}`)).body;
    expect(got.secondsRemaining).toBe(7 * 60 - 100);
    expect(got.answers[q1.id]).toEqual({ selected: [q1.options[1].id], flagged: true });
    expect(got.answers[q2.id]).toEqual({ selected: null, flagged: true });
  });

  it("past the end time, answers are refused and the attempt is submitted with what was saved", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "late", count: 4 })).body;
    const [q1, q2] = a.questions;
    await call("PUT", `/api/attempts/${a.id}/answers/${q1.id}`, keyOf(q1));
    clock = new Date(Date.parse(a.endsAt) + 1000);
    const late = await call("PUT", `/api/attempts/${a.id}/answers/${q2.id}`, keyOf(q2));
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("attempt.closed");
    const got = (await call("GET", `/api/attempts/${a.id}`)).body;
    expect(got.status).toBe("submitted");
    expect(got.submittedAt).toBe(a.endsAt);
    expect(got.secondsRemaining).toBe(0);
    const review = (await call("GET", `/api/attempts/${a.id}/review`)).body;
    expect(review.correct).toBe(1);
  });

  it("practice mode is untimed and answers with feedback", async () => {
    const a = (await start({ exam: "AIF-C01", mode: "practice", seed: "prac", count: 3 })).body;
    expect(a.endsAt).toBeNull();
    const q = a.questions[0];
    const r = await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, keyOf(q));
    expect(r.body.saved).toBe(true);
    expect(r.body.correct).toBe(true);
    expect(r.body.correctOptions).toEqual(keyOf(q));
    expect(Object.keys(r.body.explanations).length).toBeGreaterThan(0);
  });

  it("drills chosen domains, and past mistakes", async () => {
    const d = (await start({ exam: "AIF-C01", mode: "drill", domains: ["4"], count: 6, seed: "drill" })).body;
    expect(d.questions).toHaveLength(6);
    expect(d.questions.every((q: Json) => q.domain === "4")).toBe(true);
    // Get two wrong on purpose, then drill the mistakes.
    for (const q of d.questions.slice(0, 2)) {
      const r = await call("PUT", `/api/attempts/${d.id}/answers/${q.id}`, wrongAnswer(q));
      expect(r.body.correct).toBe(false);
    }
    // An incomplete answer gets no verdict yet (and no history entry).
    const mr = d.questions.slice(2).find((q: Json) => q.type === "multiple-response");
    if (mr)
      expect(
        (await call("PUT", `/api/attempts/${d.id}/answers/${mr.id}`, { selected: [mr.options[0].id] })).body,
      ).toEqual({ saved: true });
    const m = (await start({ exam: "AIF-C01", mode: "drill", mistakes: true })).body;
    expect(m.questions.map((q: Json) => q.id).sort()).toEqual(
      d.questions
        .slice(0, 2)
        .map((q: Json) => q.id)
        .sort(),
    );
  });

  it("a retake has the same questions freshly shuffled, with new ids; an attempt in progress cannot be retaken", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "orig", count: 10 })).body;
    for (const mode of ["exam", "practice", "drill"]) {
      const early = await start({ exam: "CLF-C02", mode, retakeOf: a.id });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("attempt.retake_in_progress");
    }
    await call("POST", `/api/attempts/${a.id}/submit`);
    const b = (await start({ exam: "CLF-C02", mode: "exam", seed: "retake", retakeOf: a.id })).body;
    const optionIds = (x: Json) =>
      new Set(x.questions.flatMap((q: Json) => q.options.map((o: Json) => o.id)));
    const shared = [...optionIds(a)].filter((id) => optionIds(b).has(id));
    expect(shared).toEqual([]);
    expect(b.questions.map((q: Json) => q.id).sort()).toEqual(a.questions.map((q: Json) => q.id).sort());
    expect(b.retakeOf).toBe(a.id);
  });

  it("lists history newest first", async () => {
    clock = new Date(clock.getTime() + 60_000);
    const a = (await start({ exam: "CLF-C02", mode: "practice", seed: "hist", count: 2 })).body;
    const h = (await call("GET", "/api/attempts")).body.attempts;
    expect(h[0].id).toBe(a.id);
    expect(h.length).toBeGreaterThan(5);
  });

  for (const code of ["CLF-C02", "AIF-C01", "SAA-C03", "DVA-C02"]) {
    it(`${code}: two full-length exams with different seeds share no question once the first was seen`, async () => {
      // A learner with no history: a fresh database.
      const fresh = await openExamContext(ctx, { databaseUrl: ":memory:", questions: [...bank.values()] });
      const own = createApp(ctx, { exam: fresh });
      const start = async (body: Json) => ({
        body: (await (
          await own.request("/api/attempts", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          })
        ).json()) as Json,
      });
      const call = (method: string, path: string) => own.request(path, { method });
      const first = (await start({ exam: code, mode: "exam", seed: `${code}-1` })).body;
      expect(first.questions).toHaveLength(65);
      expect(first.notice).toBeUndefined();
      await call("POST", `/api/attempts/${first.id}/submit`);
      const second = (await start({ exam: code, mode: "exam", seed: `${code}-2` })).body;
      expect(second.questions).toHaveLength(65);
      const ids = new Set(first.questions.map((q: Json) => q.id));
      expect(second.questions.filter((q: Json) => ids.has(q.id))).toEqual([]);
      expect(second.notice).toBeUndefined();
      await fresh.close();
    });
  }

  it("rejects bad input with clear 4xx errors", async () => {
    expect((await start({ exam: "NOPE-C01", mode: "exam" })).status).toBe(404);
    // An active exam without a bank: a server whose bank holds CLF-C02 questions only.
    const onlyClf = await openExamContext(ctx, {
      databaseUrl: ":memory:",
      questions: [...bank.values()].filter((q) => q.exam === "CLF-C02"),
    });
    const noBank = await createApp(ctx, { exam: onlyClf }).request("/api/attempts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ exam: "ANS-C01", mode: "exam" }),
    });
    expect(noBank.status).toBe(422);
    expect(((await noBank.json()) as Json).error.code).toBe("exam.no_questions");
    await onlyClf.close();
    expect((await start({ exam: "CLF-C02", mode: "speedrun" })).body.error.field).toBe("mode");
    expect((await start({ exam: "CLF-C02", mode: "drill", domains: ["9"] })).body.error).toMatchObject({
      code: "attempt.invalid_input",
      allowed: ["1", "2", "3", "4"],
    });
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "bad", count: 2 })).body;
    const q = a.questions[0];
    expect(
      (await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, { selected: ["zz"] })).body.error.code,
    ).toBe("attempt.invalid_answer");
    expect((await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, { selected: "a" })).status).toBe(400);
    expect((await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, {})).status).toBe(400);
    expect((await call("PUT", `/api/attempts/${a.id}/answers/not-a-question`, { selected: [] })).status).toBe(
      404,
    );
    expect(
      (await call("PUT", "/api/attempts/not-an-attempt/answers/x", { selected: [] })).body.error.code,
    ).toBe("attempt.not_found");
    expect((await call("GET", "/api/attempts/not-an-attempt")).status).toBe(404);
  });

  it("answers 1,000 malformed or hostile requests with 4xx and never a 5xx", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "fuzz", count: 3 })).body;
    const qid = a.questions[0].id;
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const junk = [
      "{",
      "[]",
      "null",
      "1",
      '"x"',
      '{"selected":{}}',
      '{"selected":[1,2]}',
      '{"pairs":"x"}',
      '{"flagged":"yes"}',
      '{"exam":5}',
      '{"exam":"CLF-C02","mode":"exam","count":-1}',
      '{"exam":"CLF-C02","count":1e9}',
      '{"__proto__":{"x":1}}',
      `{"exam":"${"A".repeat(5000)}"}`,
      "x".repeat(70_000),
      '{"selected":["a","a"]}',
      '{"exam":"CLF-C02","mode":"exam","domains":"1"}',
      '{"exam":"CLF-C02","retakeOf":"../../etc"}',
    ];
    const paths = [
      ["POST", "/api/attempts"],
      ["PUT", `/api/attempts/${a.id}/answers/${qid}`],
      ["PUT", `/api/attempts/${a.id}/answers/%00`],
      ["PUT", "/api/attempts/%2e%2e/answers/x"],
      ["POST", `/api/attempts/${"z".repeat(300)}/submit`],
      ["GET", "/api/attempts/'%20OR%201=1"],
      ["POST", "/api/advice"],
      ["GET", "/api/certifications?on=2026-13-45"],
      ["GET", `/api/certifications/${"%ff".repeat(10)}`],
      ["DELETE", "/api/attempts"],
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const [method, path] = paths[rand(paths.length)] as [string, string];
      const res = await app.request(path, {
        method,
        headers: { "content-type": rand(4) === 0 ? "text/plain" : "application/json" },
        body: method === "GET" || method === "DELETE" ? undefined : junk[rand(junk.length)],
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      if (res.status >= 400) expect(((await res.json()) as Json).error.code).toMatch(/^[a-z_]+\.[a-z_]+$/);
    }
    expect([...statuses.keys()].every((s) => s >= 200 && s < 500)).toBe(true);
    expect((await call("GET", "/api/health")).status).toBe(200);
  });
});
