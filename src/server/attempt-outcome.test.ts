import { describe, expect, it } from "vitest";
import type { Question } from "../core/bank/question-types.js";
import { certificationStatus, latestVersion } from "../core/catalog/catalog.js";
import { keyIn, type ShownQuestion, wrongIn } from "../test/attempt-answers.js";
import { examApp, type Json } from "../test/exam-app.js";

// Issue 7 items 12–15 and 21 as the API shows them: verdicts, the practice answer lock, time-outs,
// retired exams and unknown drill filters.
const { state, call } = examApp();
const EXAMS = ["AIF-C01", "CLF-C02", "DVA-C02", "SAA-C03"];
const start = (body: Json) => call("POST", "/api/attempts", body);
const put = (id: string, qid: string, body: Json) => call("PUT", `/api/attempts/${id}/answers/${qid}`, body);
const keyOf = (shown: Json) => keyIn(shown as ShownQuestion, state.bank.get(shown.id) as Question);
const wrongAnswer = (shown: Json) => wrongIn(shown as ShownQuestion, state.bank.get(shown.id) as Question);

describe("practice scores the first complete answer (issue 7 item 13)", () => {
  it.each(EXAMS)(
    "%s: after feedback the answer is locked; score, history and the mistakes drill keep it",
    async (code) => {
      for (const mode of ["practice", "drill"] as const) {
        const a = (
          await start({
            exam: code,
            mode,
            seed: `lock-${mode}`,
            count: 4,
            domains: mode === "drill" ? ["1"] : undefined,
          })
        ).body;
        const q = a.questions[0];
        const first = await put(a.id, q.id, wrongAnswer(q));
        expect(first.body.correct).toBe(false);
        // Seeing the key and answering again does not earn the point.
        const again = await put(a.id, q.id, keyOf(q));
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe("attempt.answer_locked");
        const clear = q.type === "matching" ? { pairs: [] } : { selected: [] };
        expect((await put(a.id, q.id, clear)).status).toBe(409);
        // The flag still changes.
        expect((await put(a.id, q.id, { flagged: true })).status).toBe(200);
        // After a reload the answer is shown locked, with its feedback.
        const got = (await call("GET", `/api/attempts/${a.id}`)).body;
        expect(got.answers[q.id]).toMatchObject({
          locked: true,
          flagged: true,
          feedback: { correct: false },
        });
        const report = (await call("POST", `/api/attempts/${a.id}/submit`)).body;
        expect(report.correct).toBe(0);
        const drill = (await start({ exam: code, mode: "drill", mistakes: true, count: 50 })).body;
        expect(drill.questions.map((x: Json) => x.id)).toContain(q.id);
      }
    },
  );

  it("two racing complete answers: exactly one is scored", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "practice", seed: "race", count: 2 })).body;
    const q = a.questions[0];
    const replies = await Promise.all([put(a.id, q.id, keyOf(q)), put(a.id, q.id, wrongAnswer(q))]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("exam mode never locks: answers change until submission", async () => {
    const a = (await start({ exam: "CLF-C02", mode: "exam", seed: "nolock", count: 2 })).body;
    const q = a.questions[0];
    expect((await put(a.id, q.id, wrongAnswer(q))).status).toBe(200);
    expect((await put(a.id, q.id, keyOf(q))).status).toBe(200);
    expect((await call("POST", `/api/attempts/${a.id}/submit`)).body.correct).toBe(1);
  });
});

describe("no verdict where none makes sense (issue 7 item 14)", () => {
  it.each(EXAMS)(
    "%s: drills and short forms get a percentage and domains, no pass/fail or scaled score",
    async (code) => {
      const forms = [
        { mode: "drill", domains: ["1"], count: 3 },
        { mode: "practice", count: 5 },
        { mode: "exam", count: 5 },
      ];
      for (const f of forms) {
        const a = (await start({ exam: code, seed: `verdict-${f.mode}`, ...f })).body;
        const q = a.questions[0];
        await put(a.id, q.id, keyOf(q));
        const r = (await call("POST", `/api/attempts/${a.id}/submit`)).body;
        expect(r).toMatchObject({ passed: null, scaledScore: null, correct: 1 });
        expect(r.percent).toBe(Math.round(100 / a.questions.length));
        expect(r.verdict).toMatch(f.mode === "drill" ? /drill/ : /not a full/);
        expect(r.domains.length).toBeGreaterThan(0);
        const h = (await call("GET", "/api/attempts")).body.attempts.find((x: Json) => x.id === a.id);
        expect(h).toMatchObject({ passed: null, scaledScore: null, percent: r.percent });
      }
    },
  );

  it.each(EXAMS)(
    "%s: a full blueprint form, exam or practice, keeps its scaled score and verdict",
    async (code) => {
      for (const mode of ["exam", "practice"]) {
        const a = (await start({ exam: code, mode, seed: `full-${mode}` })).body;
        const r = (await call("POST", `/api/attempts/${a.id}/submit`)).body;
        expect(r).toMatchObject({ scaledScore: 100, passed: false, verdictKind: "scored" });
        expect(r.verdict).toMatch(/^Did not pass/);
      }
    },
  );
});

describe("exam day (issue 7 item 15)", () => {
  it("the report says when the time ran out, and not when the learner submitted", async () => {
    const early = (await start({ exam: "CLF-C02", mode: "exam", seed: "early", count: 2 })).body;
    expect((await call("POST", `/api/attempts/${early.id}/submit`)).body.timedOut).toBe(false);
    const late = (await start({ exam: "CLF-C02", mode: "exam", seed: "timeout", count: 2 })).body;
    state.clock = new Date(Date.parse(late.endsAt) + 5_000);
    const r = (await call("GET", `/api/attempts/${late.id}/review`)).body;
    expect(r.timedOut).toBe(true);
    const h = (await call("GET", "/api/attempts")).body.attempts;
    expect(h.find((x: Json) => x.id === late.id).timedOut).toBe(true);
    expect(h.find((x: Json) => x.id === early.id).timedOut).toBe(false);
  });
});

describe("exams that cannot be taken, and unknown filters (issue 7 items 17 and 21)", () => {
  it("MLS-C01 is retired: 422 exam.retired naming MLA-C01", async () => {
    const r = await start({ exam: "MLS-C01", mode: "exam" });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("exam.retired");
    expect(r.body.error.message).toMatch(/retired/);
    expect(r.body.error.message).toContain("MLA-C01");
    expect(r.body.error.successors.map((s: Json) => s.code)).toContain("MLA-C01");
  });

  it("every retired certification is refused with exam.retired", async () => {
    const retired = state.ctx.catalog.certifications.filter(
      (c) => certificationStatus(c, "2026-11-30") === "retired",
    );
    expect(retired.length).toBeGreaterThan(2);
    for (const c of retired) {
      const r = await start({ exam: latestVersion(c).code, mode: "practice" });
      expect([r.status, r.body.error.code]).toEqual([422, "exam.retired"]);
    }
  });

  it("an unknown domain lists the valid ones; a misspelt service suggests the right one", async () => {
    const d = await start({ exam: "SAA-C03", mode: "drill", domains: ["9"] });
    expect(d.status).toBe(400);
    expect(d.body.error).toMatchObject({
      code: "attempt.invalid_input",
      field: "domains",
      allowed: ["1", "2", "3", "4"],
    });
    expect(d.body.error.message).toMatch(/1 \(Design Secure Architectures\)/);
    for (const [typo, want] of [
      ["lamda", "lambda"],
      ["dynamo db", "dynamodb"],
      ["cloudfornt", "cloudfront"],
    ]) {
      const s = await start({ exam: "DVA-C02", mode: "drill", services: [typo] });
      expect(s.status).toBe(400);
      expect(s.body.error).toMatchObject({ code: "attempt.invalid_input", field: "services" });
      expect(s.body.error.suggestions).toContain(want);
      expect(s.body.error.message).toContain(`Did you mean ${want}`);
    }
    // A service name or alias is accepted as well as a slug.
    expect((await start({ exam: "DVA-C02", mode: "drill", services: ["AWS Lambda"], count: 2 })).status).toBe(
      201,
    );
  });
});
