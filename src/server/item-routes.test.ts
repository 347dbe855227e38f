import { describe, expect, it } from "vitest";
import type { Question } from "../core/bank/question-types.js";
import { keyIn, type ShownQuestion, wrongIn } from "../test/attempt-answers.js";
import { examApp, type Json } from "../test/exam-app.js";

const { state, call } = examApp("2026-11-30T10:00:00Z");
const tick = (seconds: number) => {
  state.clock = new Date(state.clock.getTime() + seconds * 1000);
};
const bankQ = (id: string) => state.bank.get(id) as Question;

/** A five-question timed exam: the first question answered wrong, the rest right, 30 s per answer. */
async function takeExam(): Promise<{ attempt: Json; first: ShownQuestion }> {
  const start = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "exam", count: 5, seed: "s1" });
  expect(start.status).toBe(201);
  const attempt = start.body;
  for (const [i, q] of (attempt.questions as ShownQuestion[]).entries()) {
    tick(30);
    const answer = i === 0 ? wrongIn(q, bankQ(q.id)) : keyIn(q, bankQ(q.id));
    expect((await call("PUT", `/api/attempts/${attempt.id}/answers/${q.id}`, answer)).status).toBe(200);
  }
  return { attempt, first: attempt.questions[0] };
}

describe("question reports and item statistics over HTTP", () => {
  it("a report is refused while the attempt runs, and nothing about the key comes back", async () => {
    const start = await call("POST", "/api/attempts", { exam: "SAA-C03", mode: "exam", count: 3 });
    const q = start.body.questions[0] as ShownQuestion;
    const r = await call("POST", `/api/attempts/${start.body.id}/questions/${q.id}/reports`, {
      kind: "wrong-key",
      options: [q.options[0]?.id],
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("attempt.not_submitted");
    expect(JSON.stringify(r.body)).not.toMatch(/correct|explanation/i);
    await call("POST", `/api/attempts/${start.body.id}/submit`);
  });

  it("files a report from a submitted attempt, maps the opaque option back, refuses bad ones", async () => {
    const { attempt, first } = await takeExam();
    expect((await call("POST", `/api/attempts/${attempt.id}/submit`)).status).toBe(200);
    const q = bankQ(first.id);
    const path = `/api/attempts/${attempt.id}/questions/${first.id}/reports`;
    // The learner names the option they think is right, in the attempt's own ids.
    const wrongOpaque = wrongIn(first, q).selected?.[0] as string;
    const filed = await call("POST", path, {
      kind: "wrong-key",
      note: "\u001b[31mB\u001b[0m is\u0007 also right:\r\n\n\n\nsee the FAQ   ",
      options: [wrongOpaque],
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      kind: "wrong-key",
      status: "open",
      note: "B is also right:\n\nsee the FAQ",
    });
    expect(Object.keys(filed.body).sort()).toEqual([
      "createdAt",
      "id",
      "kind",
      "note",
      "questionId",
      "status",
    ]);

    expect((await call("POST", path, { kind: "wrong-key" })).body.error.code).toBe("report.duplicate");
    const badKind = await call("POST", path, { kind: "typo" });
    expect([badKind.status, badKind.body.error.field]).toEqual([400, "kind"]);
    const noNote = await call("POST", path, { kind: "other", note: "  " });
    expect([noNote.status, noNote.body.error.field]).toEqual([400, "note"]);
    const long = await call("POST", path, { kind: "unclear", note: "x".repeat(1001) });
    expect([long.status, long.body.error.field]).toEqual([400, "note"]);
    const badOption = await call("POST", path, { kind: "unclear", options: ["zzzzzzzz"] });
    expect([badOption.status, badOption.body.error.field]).toEqual([400, "options"]);
    const otherQ = [...state.bank.values()].find(
      (x) => x.exam === "CLF-C02" && !attempt.questions.some((s: Json) => s.id === x.id),
    );
    expect(
      (await call("POST", `/api/attempts/${attempt.id}/questions/${otherQ?.id}/reports`, { kind: "unclear" }))
        .body.error.code,
    ).toBe("attempt.question_not_found");
    expect(
      (await call("POST", `/api/attempts/nope/questions/${first.id}/reports`, { kind: "unclear" })).status,
    ).toBe(404);

    // Authors see it with the bank's option id, the question (with its key) and its statistics.
    const queue = await call("GET", "/api/author/reports?status=open&exam=clf-c02");
    expect(queue.status).toBe(200);
    const [report] = queue.body.reports as Json[];
    const bankOption =
      q.type === "multiple-choice" || q.type === "multiple-response"
        ? q.options.find((o) => !o.correct)?.id
        : undefined;
    expect(report).toMatchObject({
      questionId: first.id,
      exam: "CLF-C02",
      attemptId: attempt.id,
      kind: "wrong-key",
      status: "open",
      statistics: { questionId: first.id, n: 1, correct: 0, facility: 0, lowN: true, flags: [] },
    });
    if (bankOption) expect(report?.suggested).toEqual([bankOption]);
    expect(report?.question.stem).toBe(q.stem);

    // The item queue puts the reported question first; times come from the server's clock.
    const items = await call("GET", "/api/author/items?exam=CLF-C02");
    expect(items.status).toBe(200);
    expect(items.body.minN).toBe(10);
    expect(items.body.items[0]).toMatchObject({
      questionId: first.id,
      openReports: { "wrong-key": 1 },
      attention: 5,
      medianSeconds: 30,
      n: 1,
    });
    const answered = (items.body.items as Json[]).filter((i) => i.timed > 0);
    expect(answered).toHaveLength(5);
    expect(answered.every((i) => i.medianSeconds === 30)).toBe(true);
    // By default only answered or reported items; all=true lists the whole bank.
    expect(items.body.items).toHaveLength(5);
    expect(items.body.answered).toBe(5);
    const whole = await call("GET", "/api/author/items?exam=CLF-C02&all=true");
    expect(whole.body.items).toHaveLength(whole.body.questions);
    expect(whole.body.questions).toBeGreaterThan(100);
    const missing = await call("GET", "/api/author/items?exam=NOPE-C01");
    expect([missing.status, missing.body.error.code]).toEqual([404, "items.exam_not_found"]);

    // Resolving needs what changed and a real, past verifiedOn; a closed report stays closed.
    const resolve = `/api/author/reports/${report?.id}/resolve`;
    const noDate = await call("POST", resolve, { status: "resolved", resolution: "Reworded option B." });
    expect([noDate.status, noDate.body.error.field]).toEqual([400, "verifiedOn"]);
    const future = await call("POST", resolve, {
      status: "resolved",
      resolution: "Reworded option B.",
      verifiedOn: "2027-01-01",
    });
    expect([future.status, future.body.error.field]).toEqual([400, "verifiedOn"]);
    const empty = await call("POST", resolve, {
      status: "resolved",
      resolution: " ",
      verifiedOn: "2026-11-30",
    });
    expect([empty.status, empty.body.error.field]).toEqual([400, "resolution"]);
    const done = await call("POST", resolve, {
      status: "resolved",
      resolution: "Reworded option B.",
      verifiedOn: "2026-11-30",
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: "resolved",
      resolution: "Reworded option B.",
      verifiedOn: "2026-11-30",
      resolvedBy: "local",
    });
    const again = await call("POST", resolve, { status: "dismissed", resolution: "No." });
    expect([again.status, again.body.error.code]).toEqual([409, "report.closed"]);
    expect(
      (await call("POST", "/api/author/reports/nope/resolve", { status: "dismissed", resolution: "No." }))
        .status,
    ).toBe(404);
    expect((await call("GET", "/api/author/reports?status=open")).body.reports).toEqual([]);
    expect((await call("GET", "/api/author/reports?status=resolved")).body.reports).toHaveLength(1);
    // Once resolved the same learner may report the question again.
    expect((await call("POST", path, { kind: "wrong-key" })).status).toBe(201);
  });

  it("bounds the reports one learner files in a day (429 with Retry-After)", async () => {
    const start = await call("POST", "/api/attempts", { exam: "DVA-C02", mode: "exam", count: 14 });
    await call("POST", `/api/attempts/${start.body.id}/submit`);
    // Two reports above (one resolved, one open) count towards the day's 50.
    const kinds = ["wrong-key", "outdated", "unclear", "other"];
    let filed = 2;
    for (const q of start.body.questions as ShownQuestion[])
      for (const kind of kinds) {
        if (filed === 50) break;
        const r = await call("POST", `/api/attempts/${start.body.id}/questions/${q.id}/reports`, {
          kind,
          note: "see docs",
        });
        expect(r.status).toBe(201);
        filed++;
      }
    const last = start.body.questions.at(-1) as ShownQuestion;
    const res = await state.app.request(`/api/attempts/${start.body.id}/questions/${last.id}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "other", note: "one too many" }),
    });
    expect(res.status).toBe(429);
    expect(((await res.json()) as Json).error.code).toBe("report.too_many");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // A day later the window has moved on.
    tick(86_401);
    expect(
      (
        await call("POST", `/api/attempts/${start.body.id}/questions/${last.id}/reports`, {
          kind: "other",
          note: "next day",
        })
      ).status,
    ).toBe(201);
  });
});
