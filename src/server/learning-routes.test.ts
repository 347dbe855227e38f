import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { type AppContext, createContext, loadQuestionBank, openExamContext } from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { createRng, type Rng } from "../core/exam/rng.js";
import { brierScore, type Forecast } from "../core/learning/calibration.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;

let clock = new Date("2026-11-30T10:00:00Z");
let ctx: AppContext;
let questions: Question[];
let bank: Map<string, Question>;

beforeAll(async () => {
  ctx = await createContext({ content, now: () => clock });
  questions = await loadQuestionBank(ctx);
  bank = new Map(questions.map((q) => [q.id, q]));
});

/** A fresh database and server for one learner. */
async function server() {
  const exam = await openExamContext(ctx, { databaseUrl: ":memory:", questions });
  const app = createApp(ctx, { exam });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get("content-type") ?? "";
    return {
      status: res.status,
      type,
      body: (type.includes("json") ? await res.json() : await res.text()) as Json,
    };
  };
  return { call, close: () => exam.close() };
}

/**
 * An answer as a learner who knows (or not) gives it, found by option TEXT: the ids the API shows are the
 * attempt's own and say nothing about the key.
 */
function answerFor(view: Json, correct: boolean, rng: Rng): Json {
  const q = bank.get(view.id) as Question;
  const byText = (text: string) => (view.options as Json[]).find((o) => o.text === text)?.id as string;
  if (q.type === "ordering") {
    const key = q.items.map((i) => byText(i.text));
    return { selected: correct ? key : [...key.slice(1), key[0]] };
  }
  if (q.type === "matching") {
    const promptId = (text: string) => (view.prompts as Json[]).find((p) => p.text === text)?.id as string;
    return {
      pairs: q.prompts.map((p, i) => {
        const right = q.options.find((o) => o.id === p.match)?.text as string;
        const wrong = q.options.find((o) => o.id !== p.match)?.text as string;
        return [promptId(p.text), byText(correct || i > 0 ? right : wrong)];
      }),
    };
  }
  const keys = q.options.filter((o) => o.correct);
  const wrongs = q.options.filter((o) => !o.correct);
  const n = q.type === "multiple-response" ? q.select : 1;
  if (correct) return { selected: keys.map((o) => byText(o.text)) };
  const pick = [...wrongs.slice(rng.int(wrongs.length)), ...wrongs].slice(0, 1);
  return { selected: [...pick, ...keys].slice(0, n).map((o) => byText(o.text)) };
}

type Call = Awaited<ReturnType<typeof server>>["call"];

/** Starts an attempt and answers every question right with probability `ability`; returns the share right. */
async function take(call: Call, body: Json, ability: number, rng: Rng): Promise<number> {
  const a = await call("POST", "/api/attempts", body);
  expect(a.status).toBe(201);
  let right = 0;
  for (const q of a.body.questions as Json[]) {
    const ok = rng.next() < ability;
    if (ok) right++;
    const r = await call("PUT", `/api/attempts/${a.body.id}/answers/${q.id}`, answerFor(q, ok, rng));
    expect(r.status).toBe(200);
  }
  const s = await call("POST", `/api/attempts/${a.body.id}/submit`);
  expect(s.status).toBe(200);
  return right / (a.body.questions as Json[]).length;
}

describe("readiness over HTTP", () => {
  it("asks for answers first, then gives a probability with an interval that narrows with evidence", async () => {
    const { call, close } = await server();
    const empty = await call("GET", "/api/readiness/CLF-C02");
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      exam: "CLF-C02",
      answered: 0,
      passProbability: null,
      predictedScaledScore: null,
      needed: 20,
    });
    expect(empty.body.advice).toMatch(/Answer 20 more questions/);
    const rng = createRng("narrow");
    await take(call, { exam: "CLF-C02", mode: "practice", count: 25, seed: "a" }, 0.75, rng);
    const few = (await call("GET", "/api/readiness/cloud-practitioner")).body;
    expect(few.passProbability).toBeGreaterThan(0);
    expect(few.passProbability).toBeLessThan(1);
    await take(call, { exam: "CLF-C02", mode: "practice", count: 100, seed: "b" }, 0.75, rng);
    const many = (await call("GET", "/api/readiness/CLF-C02")).body;
    expect(many.answered).toBe(125);
    const width = (r: Json) => r.predictedScaledScore.high - r.predictedScaledScore.low;
    expect(width(few)).toBeGreaterThan(width(many));
    expect(many.domains.map((d: Json) => d.id)).toEqual(["1", "2", "3", "4"]);
    const unknown = await call("GET", "/api/readiness/XYZ-C09");
    expect(unknown.status).toBe(404);
    await close();
  });

  it("counts an unanswered question of a submitted exam as wrong, and a drill without pretending to be a form", async () => {
    const { call, close } = await server();
    const a = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "exam", seed: "blank" });
    await call("POST", `/api/attempts/${a.body.id}/submit`);
    const r = (await call("GET", "/api/readiness/CLF-C02")).body;
    expect(r.answered).toBe(65);
    expect(r.passProbability).toBeLessThan(0.01);
    await close();
  });

  it("predicts the later full-form results of simulated learners better than the 70%-so-far rule", async () => {
    const model: Forecast[] = [];
    const rule: Forecast[] = [];
    for (let l = 0; l < 24; l++) {
      const rng = createRng(`learner-${l}`);
      const ability = 0.5 + 0.45 * rng.next();
      const { call, close } = await server();
      let right = 0;
      let total = 0;
      for (const [i, body] of [
        { exam: "CLF-C02", mode: "practice", count: 30 },
        { exam: "CLF-C02", mode: "drill", domains: ["3"], count: 10 },
        { exam: "CLF-C02", mode: "practice", count: 20 },
      ].entries()) {
        const share = await take(call, { ...body, seed: `${l}-${i}` }, ability, rng);
        right += share * (body.count ?? 0);
        total += body.count ?? 0;
      }
      const p = (await call("GET", "/api/readiness/CLF-C02")).body.passProbability as number;
      const later = await take(call, { exam: "CLF-C02", mode: "exam", seed: `${l}-final` }, ability, rng);
      model.push({ p, outcome: later >= 0.7 });
      rule.push({ p: right / total >= 0.7 ? 1 : 0, outcome: later >= 0.7 });
      await close();
    }
    expect(new Set(model.map((f) => f.outcome)).size).toBe(2);
    expect(brierScore(model)).toBeLessThan(0.75 * brierScore(rule));
  }, 120_000);
});

describe("study plans over HTTP", () => {
  it("creates a plan within the hours per week, before the date, weighting the weak domain, as valid iCalendar", async () => {
    const { call, close } = await server();
    const rng = createRng("plan");
    // Strong everywhere but domain 2 (Security and Compliance).
    const a = await call("POST", "/api/attempts", {
      exam: "CLF-C02",
      mode: "practice",
      count: 60,
      seed: "p",
    });
    for (const q of a.body.questions as Json[])
      await call("PUT", `/api/attempts/${a.body.id}/answers/${q.id}`, answerFor(q, q.domain !== "2", rng));
    const created = await call("POST", "/api/plans", {
      exam: "CLF-C02",
      targetDate: "2027-01-31",
      hoursPerWeek: 5,
    });
    expect(created.status).toBe(201);
    const plan = created.body;
    expect(plan.id).toEqual(expect.any(String));
    const sessions = (plan.weeks as Json[]).flatMap((w) => w.sessions as Json[]);
    for (const w of plan.weeks as Json[]) expect(w.minutes).toBeLessThanOrEqual(300);
    expect(sessions.every((s) => s.date < "2027-01-31" && s.date >= "2026-11-30")).toBe(true);
    expect(sessions.every((s) => ["study", "review", "practice-exam", "drill"].includes(s.activity))).toBe(
      true,
    );
    const domainMinutes = (d: string) =>
      sessions
        .filter((s) => s.activity !== "practice-exam" && s.domains.includes(d))
        .reduce((t, s) => t + s.minutes, 0);
    const all = ["1", "2", "3", "4"].reduce((t, d) => t + domainMinutes(d), 0);
    expect(domainMinutes("2") / all).toBeGreaterThan(0.3 + 0.05);
    expect(sessions.some((s) => s.activity === "practice-exam" && s.start?.mode === "exam")).toBe(true);
    const drill = sessions.find((s) => s.activity === "drill");
    expect(drill?.command).toMatch(/^certpath exam CLF-C02 --mode drill --domain \d$/);
    expect(sessions.find((s) => s.activity === "study")?.references.length).toBeGreaterThan(0);

    const again = await call("GET", `/api/plans/${plan.id}`);
    expect(again.status).toBe(200);
    expect(again.body.weeks).toEqual(plan.weeks);

    const ics = await call("GET", `/api/plans/${plan.id}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.type).toMatch(/text\/calendar/);
    const text = ics.body as unknown as string;
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents("vevent");
    expect(events).toHaveLength(sessions.length + 1);
    const uids = events.map((e) => e.getFirstPropertyValue("uid"));
    expect(new Set(uids).size).toBe(uids.length);
    for (const e of events) expect(e.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const again2 = await call("GET", `/api/plans/${plan.id}/calendar.ics`);
    expect(again2.body).toBe(text);
    await close();
  });

  it("re-plans from today keeping earlier sessions, and says when the date cannot be met", async () => {
    const { call, close } = await server();
    const created = (
      await call("POST", "/api/plans", { exam: "SAA-C03", targetDate: "2027-03-01", hoursPerWeek: 8 })
    ).body;
    const before = (created.weeks as Json[])
      .flatMap((w) => w.sessions as Json[])
      .filter((s) => s.date < "2026-12-14");
    clock = new Date("2026-12-14T10:00:00Z");
    const later = (await call("GET", `/api/plans/${created.id}`)).body;
    const kept = (later.weeks as Json[])
      .flatMap((w) => w.sessions as Json[])
      .filter((s) => s.date < "2026-12-14");
    expect(kept.map((s) => s.key)).toEqual(before.map((s) => s.key));
    expect(kept.every((s) => s.done)).toBe(true);
    clock = new Date("2026-11-30T10:00:00Z");
    const rushed = await call("POST", "/api/plans", {
      exam: "SAP-C02",
      targetDate: "2026-12-20",
      hoursPerWeek: 2,
    });
    expect(rushed.status).toBe(201);
    expect(rushed.body.feasible).toBe(false);
    expect(rushed.body.warnings[0]).toMatch(/hours per week, or move the target date to \d{4}-\d{2}-\d{2}/);
    await close();
  });

  it("rejects bad input with a field, unknown and retired exams clearly", async () => {
    const { call, close } = await server();
    for (const [body, field] of [
      [{ exam: "CLF-C02", targetDate: "2027-02-30", hoursPerWeek: 5 }, "targetDate"],
      [{ exam: "CLF-C02", targetDate: "2027-02-01", hoursPerWeek: 0 }, "hoursPerWeek"],
      [{ targetDate: "2027-02-01", hoursPerWeek: 5 }, "exam"],
      [{ exam: "CLF-C02", targetDate: "2026-12-02", hoursPerWeek: 5 }, "targetDate"],
    ] as const) {
      const r = await call("POST", "/api/plans", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.field).toBe(field);
    }
    expect(
      (await call("POST", "/api/plans", { exam: "NOPE-C01", targetDate: "2027-02-01", hoursPerWeek: 5 }))
        .status,
    ).toBe(404);
    const retired = await call("POST", "/api/plans", {
      exam: "MLS-C01",
      targetDate: "2027-02-01",
      hoursPerWeek: 5,
    });
    expect(retired.status).toBe(422);
    expect(retired.body.error.code).toBe("plan.exam_retired");
    expect((await call("GET", "/api/plans/nope")).status).toBe(404);
    await close();
  });
});

describe("spaced review over HTTP", () => {
  it("brings wrong answers back before the exam date, never after, and a review moves the due date", async () => {
    const { call, close } = await server();
    const rng = createRng("srs");
    const a = await call("POST", "/api/attempts", {
      exam: "DVA-C02",
      mode: "practice",
      count: 12,
      seed: "s",
    });
    const wrongIds: string[] = [];
    for (const [i, q] of (a.body.questions as Json[]).entries()) {
      const ok = i % 3 === 0;
      if (!ok) wrongIds.push(q.id);
      await call("PUT", `/api/attempts/${a.body.id}/answers/${q.id}`, answerFor(q, ok, rng));
    }
    const none = await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "review" });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe("attempt.no_reviews_due");
    const r = await call("GET", "/api/reviews?exam=DVA-C02&examDate=2026-12-20");
    expect(r.status).toBe(200);
    expect((r.body.cards as Json[]).map((c) => c.questionId).sort()).toEqual([...wrongIds].sort());
    expect(r.body.cards.every((c: Json) => c.due < "2026-12-20" && c.due >= "2026-11-30")).toBe(true);
    // Answered wrong today, due from tomorrow.
    expect(r.body.due).toBe(0);
    expect(r.body.cards.every((c: Json) => c.due === "2026-12-01")).toBe(true);
    clock = new Date("2026-12-01T09:00:00Z");
    expect((await call("GET", "/api/reviews?exam=DVA-C02&examDate=2026-12-20")).body.due).toBe(
      wrongIds.length,
    );

    const review = await call("POST", "/api/attempts", { exam: "DVA-C02", mode: "review" });
    expect(review.status).toBe(201);
    expect((review.body.questions as Json[]).map((q) => q.id).sort()).toEqual([...wrongIds].sort());
    const first = review.body.questions[0] as Json;
    const fb = await call(
      "PUT",
      `/api/attempts/${review.body.id}/answers/${first.id}`,
      answerFor(first, true, rng),
    );
    expect(fb.body.correct).toBe(true);
    const after = await call("GET", "/api/reviews?exam=DVA-C02&examDate=2026-12-20");
    const card = (after.body.cards as Json[]).find((c) => c.questionId === first.id) as Json;
    expect(card.dueNow).toBe(false);
    expect(card.due > "2026-12-01" && card.due < "2026-12-20").toBe(true);
    expect(after.body.due).toBe(wrongIds.length - 1);
    expect((await call("GET", "/api/reviews?exam=DVA-C02&examDate=2026-13-01")).status).toBe(400);
    clock = new Date("2026-11-30T10:00:00Z");
    await close();
  });
});
