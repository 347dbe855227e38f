import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, type ExamContext, loadQuestionBank, openExamContext } from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { keyIn, wrongIn } from "../test/attempt-answers.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = Record<string, any>;
let exam: ExamContext;
let app: ReturnType<typeof createApp>;
let bank: Map<string, Question>;
const clock = new Date("2026-11-26T10:00:00Z");

beforeAll(async () => {
  const ctx = await createContext({ content, now: () => clock });
  const questions = await loadQuestionBank(ctx);
  bank = new Map(questions.map((q) => [q.id, q]));
  exam = await openExamContext(ctx, { databaseUrl: ":memory:", questions });
  app = createApp(ctx, { exam });
});
afterAll(() => exam?.close());

const responses: { route: string; body: Json }[] = [];
async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  responses.push({ route: `${method} ${path}`, body: json });
  return { status: res.status, body: json };
}

/** Texts that only a key reveals: every explanation (they say why an option is right or wrong). */
function secretsOf(ids: string[]): string[] {
  return ids.flatMap((id) => {
    const q = bank.get(id) as Question;
    if (q.type === "ordering") return q.items.map((i) => i.explanation);
    if (q.type === "matching") return q.prompts.map((p) => p.explanation);
    return q.options.map((o) => o.explanation);
  });
}

describe("no route shows a key of a question in an exam still in progress", () => {
  it("tries every route that can reveal a key while the exam runs, and the keys show once it is submitted", async () => {
    // A practice attempt, submitted: its review would show keys.
    const p0 = (
      await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "practice", seed: "p0", count: 12 })
    ).body;
    // A practice attempt with the same questions, left open.
    const open = (await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "practice", retakeOf: p0.id }))
      .body;
    expect(open.error?.code).toBe("attempt.retake_in_progress");
    await call("POST", `/api/attempts/${p0.id}/submit`);
    const p1 = (await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "practice", retakeOf: p0.id }))
      .body;
    // Wrong answers on record, for the mistakes drill.
    for (const q of p1.questions.slice(0, 3))
      await call("PUT", `/api/attempts/${p1.id}/answers/${q.id}`, wrongIn(q, bank.get(q.id) as Question));

    // The exam: the same questions. Starting it is never refused because other attempts are open.
    const e = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "exam", retakeOf: p0.id });
    expect(e.status).toBe(201);
    const examIds: string[] = e.body.questions.map((q: Json) => q.id);
    const before = responses.length;

    // 1. Retaking the running exam, in every mode.
    for (const mode of ["exam", "practice", "drill"]) {
      const r = await call("POST", "/api/attempts", { exam: "CLF-C02", mode, retakeOf: e.body.id });
      expect([r.status, r.body.error.code]).toEqual([409, "attempt.retake_in_progress"]);
    }
    // 2. Retaking the earlier practice (same questions) in practice or drill mode: nothing left to show.
    for (const mode of ["practice", "drill"]) {
      const r = await call("POST", "/api/attempts", { exam: "CLF-C02", mode, retakeOf: p0.id });
      expect([r.status, r.body.error.code]).toEqual([409, "attempt.questions_in_open_exam"]);
    }
    // 3. New practice forms and drills leave the exam's questions out.
    for (const body of [
      { exam: "CLF-C02", mode: "practice", seed: "full" },
      { exam: "CLF-C02", mode: "drill", domains: ["1", "2", "3", "4"], count: 60 },
      { exam: "CLF-C02", mode: "drill", services: ["s3", "ec2", "iam"], count: 40 },
    ]) {
      const r = await call("POST", "/api/attempts", body);
      expect(r.status).toBe(201);
      expect(r.body.questions.filter((q: Json) => examIds.includes(q.id))).toEqual([]);
    }
    const mistakes = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "drill", mistakes: true });
    expect([mistakes.status, mistakes.body.error.code]).toEqual([409, "attempt.questions_in_open_exam"]);
    // 4. Practice feedback on the open practice attempt that shares the exam's questions: withheld.
    for (const q of p1.questions.slice(3)) {
      const r = await call(
        "PUT",
        `/api/attempts/${p1.id}/answers/${q.id}`,
        keyIn(q, bank.get(q.id) as Question),
      );
      expect(r.status).toBe(200);
      expect(r.body.correctOptions).toBeUndefined();
      expect(r.body.withheld).toMatchObject({ code: "exam.in_progress", attempt: e.body.id });
    }
    // 5. Reads: the exam itself, the open practice, history, exam list.
    for (const path of [
      `/api/attempts/${e.body.id}`,
      `/api/attempts/${p1.id}`,
      "/api/attempts",
      "/api/exams",
    ])
      expect((await call("GET", path)).status).toBe(200);
    expect((await call("GET", `/api/attempts/${e.body.id}/review`)).status).toBe(409);
    // 6. The submitted practice's review and report, and the practice submitted now.
    const review = await call("GET", `/api/attempts/${p0.id}/review`);
    expect(review.body.withheld).toMatchObject({ code: "exam.in_progress" });
    for (const q of review.body.questions) {
      expect(q.withheld).toBe(true);
      expect([q.correct, q.correctOptions, q.bankIds, q.references]).toEqual([null, null, undefined, []]);
    }
    await call("POST", `/api/attempts/${p1.id}/submit`);
    expect(
      (await call("GET", `/api/attempts/${p1.id}/review`)).body.questions.every((q: Json) => q.withheld),
    ).toBe(true);

    const secrets = secretsOf(examIds);
    for (const r of responses.slice(before)) {
      const text = JSON.stringify(r.body);
      for (const s of secrets) expect(text.includes(s), `${r.route} shows an explanation`).toBe(false);
      expect(text, r.route).not.toMatch(/"correctOptions":\{/);
    }

    // Once the exam is submitted, the keys show again.
    await call("POST", `/api/attempts/${e.body.id}/submit`);
    const after = (await call("GET", `/api/attempts/${p0.id}/review`)).body;
    expect(after.withheld).toBeUndefined();
    expect(after.questions.every((q: Json) => q.correctOptions !== null && q.withheld === undefined)).toBe(
      true,
    );
  });

  it("a retake leaves out the questions of a running exam and says how many", async () => {
    const p0 = (
      await call("POST", "/api/attempts", { exam: "AIF-C01", mode: "practice", seed: "k0", count: 8 })
    ).body;
    for (const q of p0.questions.slice(0, 2))
      await call("PUT", `/api/attempts/${p0.id}/answers/${q.id}`, wrongIn(q, bank.get(q.id) as Question));
    await call("POST", `/api/attempts/${p0.id}/submit`);
    const mistakes = (await call("POST", "/api/attempts", { exam: "AIF-C01", mode: "drill", mistakes: true }))
      .body;
    await call("POST", `/api/attempts/${mistakes.id}/submit`);
    const e = (await call("POST", "/api/attempts", { exam: "AIF-C01", mode: "exam", retakeOf: mistakes.id }))
      .body;
    const retake = await call("POST", "/api/attempts", {
      exam: "AIF-C01",
      mode: "practice",
      retakeOf: p0.id,
    });
    expect(retake.status).toBe(201);
    expect(retake.body.questions).toHaveLength(6);
    expect(retake.body.notice).toMatch(
      /^2 questions are left out: they are in an exam you have in progress\./,
    );
    await call("POST", `/api/attempts/${e.id}/submit`);
  });

  it("starting an exam is never refused because another attempt is open", async () => {
    const a = await call("POST", "/api/attempts", { exam: "SAA-C03", mode: "exam", seed: "one" });
    const b = await call("POST", "/api/attempts", { exam: "SAA-C03", mode: "exam", seed: "two" });
    const c = await call("POST", "/api/attempts", {
      exam: "SAA-C03",
      mode: "practice",
      seed: "three",
      count: 5,
    });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
  });
});
