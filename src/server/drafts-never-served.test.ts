import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppContext, createContext, loadQuestionBank, openExamContext } from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// A draft (draft: true, e.g. an imported question certpath's lint rejects) loads but is never served: not in an
// exam form, practice, a drill by domain, service or mistakes, a spaced review, or readiness — including a
// question the learner answered before an author turned it into a draft.

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
const EXAM = "DVA-C02";

let clock = new Date("2026-11-30T10:00:00Z");
let ctx: AppContext;
let served: Question[];
let dir: string;

beforeAll(async () => {
  ctx = await createContext({ content, now: () => clock });
  served = await loadQuestionBank(ctx);
  dir = mkdtempSync(join(tmpdir(), "certpath-drafts-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function server(questions: Question[]) {
  const exam = await openExamContext(ctx, { databaseUrl: join(dir, "drafts.db"), questions });
  const app = createApp(ctx, { exam });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { call, close: () => exam.close() };
}

/** Answers every question of an attempt with its first option (the key or not) and submits. */
async function answerAll(call: Awaited<ReturnType<typeof server>>["call"], attempt: Json) {
  for (const q of attempt.questions as Json[])
    await call("PUT", `/api/attempts/${attempt.id}/answers/${q.id}`, {
      selected: [(q.options as Json[])[0]?.id],
    });
  await call("POST", `/api/attempts/${attempt.id}/submit`);
}

describe("drafts are never served", () => {
  it("on every path that picks questions, even questions answered before they became drafts", async () => {
    // 1. The learner practises while every question is served, and gets most of them wrong.
    const before = await server(served);
    const practice = await before.call("POST", "/api/attempts", {
      exam: EXAM,
      mode: "practice",
      count: 20,
      seed: "before",
    });
    expect(practice.status).toBe(201);
    await answerAll(before.call, practice.body);
    const answered = (practice.body.questions as Json[]).map((q) => q.id as string);
    await before.close();

    // 2. An author turns those questions, and every other question of the exam, into drafts.
    const pool = served.filter((q) => q.exam === EXAM);
    const drafts = new Set([...answered, ...pool.filter((_, i) => i % 2 === 0).map((q) => q.id)]);
    const bank = served.map((q) =>
      drafts.has(q.id) ? { ...q, draft: true, problems: ["under review"] } : q,
    );
    expect(drafts.size).toBeLessThan(pool.length);
    clock = new Date("2026-12-02T09:00:00Z");
    const { call, close } = await server(bank);
    const picked: string[] = [];
    const start = async (body: Json) => {
      const r = await call("POST", "/api/attempts", { exam: EXAM, ...body });
      if (r.status === 201) picked.push(...(r.body.questions as Json[]).map((q) => q.id as string));
      return r;
    };

    const form = await start({ mode: "exam", seed: "form" });
    expect(form.status).toBe(201);
    expect(form.body.questions).toHaveLength(65);
    // Submitted blank: its 65 questions count as answered (wrong) for readiness; the form no longer locks them.
    await call("POST", `/api/attempts/${form.body.id}/submit`);
    expect((await start({ mode: "practice", seed: "p", count: 30 })).status).toBe(201);
    const domains = [...new Set(pool.map((q) => q.domain))];
    for (const d of domains)
      expect((await start({ mode: "drill", domains: [d], count: 50 })).status).toBe(201);
    const services = [...new Set(pool.flatMap((q) => q.services))].slice(0, 8);
    for (const s of services) await start({ mode: "drill", services: [s], count: 50 });
    // Mistakes: the blank form's served questions, never the drafts practised wrong before.
    expect((await start({ mode: "drill", mistakes: true, count: 100 })).status).toBe(201);
    // Reviews: the practice questions answered wrong on 30 November are due now, but they are drafts.
    const review = await start({ mode: "review" });
    expect(review.body.error?.code).toBe("attempt.no_reviews_due");

    expect(picked.length).toBeGreaterThan(100);
    expect(picked.filter((id) => drafts.has(id))).toEqual([]);

    const reviews = (await call("GET", `/api/reviews?exam=${EXAM}`)).body;
    expect((reviews.cards as Json[]).filter((c) => drafts.has(c.questionId))).toEqual([]);
    // Readiness counts only answers to served questions: the blank form's 65, not the 20 practised before.
    const readiness = (await call("GET", `/api/readiness/${EXAM}`)).body;
    expect(readiness.answered).toBe(65);
    const exams = (await call("GET", "/api/exams")).body as Json;
    expect(JSON.stringify(exams)).toContain(EXAM);
    await close();
    clock = new Date("2026-11-30T10:00:00Z");
  });
});
