import { afterEach, describe, expect, it } from "vitest";
import {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  openExamContext,
} from "../compose.js";
import { isCorrect } from "../core/bank/answer-key.js";
import type { Answer, Question } from "../core/bank/question-types.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = Record<string, any>;
const clock = new Date("2026-11-26T10:00:00Z");
const opened: ExamContext[] = [];
afterEach(async () => {
  for (const e of opened.splice(0)) await e.close();
});

async function server(questions?: Question[], keys = "k") {
  const ctx: AppContext = await createContext({ content, now: () => clock });
  const bank = questions ?? (await loadQuestionBank(ctx));
  let n = 0;
  const exam = await openExamContext(ctx, {
    databaseUrl: ":memory:",
    questions: bank,
    newIdKey: () => `${keys}-${n++}`,
  });
  opened.push(exam);
  const app = createApp(ctx, { exam });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return { call, bank: new Map(bank.map((q) => [q.id, q])) };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The id-sorting cheat: the alphabetically first `select` ids, ordering items in sorted-id order. */
function sortedIdAnswer(q: Json): Answer {
  const ids = q.options.map((o: Json) => o.id as string).sort(byId);
  if (q.type === "ordering") return { selected: ids };
  if (q.type === "matching") {
    const prompts = (q.prompts as Json[]).map((p) => p.id as string).sort(byId);
    return { pairs: prompts.map((p, i) => [p, ids[i % ids.length] as string]) };
  }
  return { selected: ids.slice(0, q.type === "multiple-response" ? q.select : 1) };
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}
function choose(n: number, k: number): number {
  return factorial(n) / (factorial(k) * factorial(n - k));
}
/** What a blind, fixed answer scores on a question on average. */
function chanceOf(q: Question): number {
  if (q.type === "multiple-choice") return 1 / q.options.length;
  if (q.type === "multiple-response") return 1 / choose(q.options.length, q.select);
  if (q.type === "ordering") return 1 / factorial(q.items.length);
  return 1 / q.options.length ** q.prompts.length;
}

/** Sits `seeds` full forms answering only from sorted ids: the mean raw score and the mean chance rate. */
async function sortedIdScore(exam: string, seeds: number, questions?: Question[]) {
  const { call, bank } = await server(questions, exam);
  let rate = 0;
  let chance = 0;
  let bankIdRate = 0;
  for (let s = 0; s < seeds; s++) {
    const a = (await call("POST", "/api/attempts", { exam, mode: "exam", seed: `${exam}-${s}` })).body;
    for (const q of a.questions) {
      const r = await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, sortedIdAnswer(q));
      expect(r.status).toBe(200);
    }
    const report = (await call("POST", `/api/attempts/${a.id}/submit`)).body;
    rate += report.correct / report.total;
    const qs = a.questions.map((q: Json) => bank.get(q.id) as Question);
    chance += qs.reduce((t: number, q: Question) => t + chanceOf(q), 0) / qs.length;
    // The same cheat on the bank's own ids, as the API served them before ids were opaque.
    bankIdRate +=
      qs.filter((q: Question) => {
        const shown = {
          type: q.type,
          select: q.type === "multiple-response" ? q.select : undefined,
          options: (q.type === "ordering" ? q.items : q.options).map((o) => ({ id: o.id })),
          prompts: q.type === "matching" ? q.prompts.map((p) => ({ id: p.id })) : undefined,
        };
        return isCorrect(q, sortedIdAnswer(shown));
      }).length / qs.length;
  }
  return { rate: rate / seeds, chance: chance / seeds, bankIdRate: bankIdRate / seeds };
}

/** A bank whose keys sit on the first ids and whose ordering items are listed a, b, c in key order. */
function giveAwayBank(): Question[] {
  const out: Question[] = [];
  for (const domain of ["1", "2", "3", "4"])
    for (let i = 0; i < 40; i++) {
      const base = {
        id: `dva-c02-x${domain}-${i}`,
        exam: "DVA-C02",
        examGuide: "DVA-C02",
        domain,
        services: ["lambda"],
        stem: `Synthetic scenario ${domain}-${i}. Which option meets the requirement?`,
        references: ["https://docs.aws.amazon.com/lambda/"],
        verifiedOn: "2026-11-26",
      };
      const option = (id: string, correct: boolean) => ({
        id,
        text: `Option ${id} of ${i}`,
        correct,
        explanation: `Why ${id}.`,
      });
      if (i % 3 === 0)
        out.push({
          ...base,
          type: "multiple-response",
          select: 2,
          options: ["a", "b", "c", "d", "e"].map((id, k) => option(id, k < 2)),
        });
      else if (i % 3 === 1)
        out.push({
          ...base,
          type: "multiple-choice",
          options: ["a", "b", "c", "d"].map((id, k) => option(id, k === 0)),
        });
      else
        out.push({
          ...base,
          type: "ordering",
          items: ["a", "b", "c", "d"].map((id) => ({
            id,
            text: `Step ${id} of ${i}`,
            explanation: `Because ${id}.`,
          })),
        });
    }
  return out;
}

describe("ids leak nothing about the key", () => {
  it("on a bank whose keys are always the first ids, sorting ids scores at chance (it scored 100% on bank ids)", async () => {
    const r = await sortedIdScore("DVA-C02", 4, giveAwayBank());
    expect(r.bankIdRate).toBe(1);
    expect(Math.abs(r.rate - r.chance)).toBeLessThan(0.08);
  });

  for (const exam of ["DVA-C02", "AIF-C01"])
    it(`${exam}: answering every question with the alphabetically first ids scores at chance over several forms`, async () => {
      const r = await sortedIdScore(exam, 5);
      // 5 forms × 65 questions: a chance-level strategy stays within a few points of the chance rate.
      expect(Math.abs(r.rate - r.chance)).toBeLessThan(0.07);
    });

  it("ids are short, opaque, per attempt and the same on every read; the bank's ids appear only in the review's bankIds", async () => {
    const { call, bank } = await server();
    const a = (await call("POST", "/api/attempts", { exam: "AIF-C01", mode: "exam", seed: "ids" })).body;
    const b = (await call("POST", "/api/attempts", { exam: "AIF-C01", mode: "exam", seed: "ids" })).body;
    const ids = (x: Json) =>
      x.questions.flatMap((q: Json) => [...q.options, ...(q.prompts ?? [])].map((o: Json) => o.id));
    expect(a.questions.map((q: Json) => q.id)).toEqual(b.questions.map((q: Json) => q.id));
    for (const id of ids(a)) expect(id).toMatch(/^[a-z2-7]{8}$/);
    expect(ids(a).filter((id: string) => ids(b).includes(id))).toEqual([]);
    expect(ids((await call("GET", `/api/attempts/${a.id}`)).body)).toEqual(ids(a));
    // Ordering items are never shown in key order.
    for (const q of a.questions.filter((x: Json) => x.type === "ordering")) {
      const key = (bank.get(q.id) as Extract<Question, { type: "ordering" }>).items.map((i) => i.text);
      expect(q.options.map((o: Json) => o.text)).not.toEqual(key);
    }
    const q0 = a.questions[0];
    await call("PUT", `/api/attempts/${a.id}/answers/${q0.id}`, sortedIdAnswer(q0));
    await call("POST", `/api/attempts/${a.id}/submit`);
    // b holds the same questions: while it runs, a's review withholds their keys.
    expect((await call("GET", `/api/attempts/${a.id}/review`)).body.questions[0].correctOptions).toBeNull();
    await call("POST", `/api/attempts/${b.id}/submit`);
    const review = (await call("GET", `/api/attempts/${a.id}/review`)).body;
    const r0 = review.questions[0];
    expect(r0.options.map((o: Json) => o.id)).toEqual(q0.options.map((o: Json) => o.id));
    expect(r0.answer.selected ?? r0.answer.pairs).toEqual(
      sortedIdAnswer(q0).selected ?? sortedIdAnswer(q0).pairs,
    );
    const bankQ = bank.get(q0.id) as Question;
    const bankIds = new Set((bankQ.type === "ordering" ? bankQ.items : bankQ.options).map((o) => o.id));
    expect(new Set(Object.values(r0.bankIds.options))).toEqual(bankIds);
    const { bankIds: _, ...rest } = r0;
    for (const o of [...(rest.options as Json[]), ...((rest.prompts as Json[]) ?? [])])
      expect(bankIds.has(o.id)).toBe(false);
  });

  it("an unknown or bank id in an answer is refused without naming the mapping", async () => {
    const { call, bank } = await server();
    const a = (await call("POST", "/api/attempts", { exam: "CLF-C02", mode: "exam", seed: "x", count: 3 }))
      .body;
    const q = a.questions[0];
    const bankId = (bank.get(q.id) as Extract<Question, { options: unknown }>).options[0]?.id;
    const r = await call("PUT", `/api/attempts/${a.id}/answers/${q.id}`, { selected: [bankId] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("attempt.invalid_answer");
    expect(r.body.error.message).toContain(`unknown option id "${bankId}"`);
  });
});

describe("opaque ids live in the database, not in a process", () => {
  it("two stateless servers on one database (or one after a restart) show and accept the same ids", async () => {
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "certpath-ids-")), "shared.db");
    const ctx = await createContext({ content, now: () => clock });
    const questions = await loadQuestionBank(ctx);
    const bank = new Map(questions.map((q) => [q.id, q]));
    const apps: ReturnType<typeof createApp>[] = [];
    for (const keys of ["server-a", "server-b"]) {
      const e = await openExamContext(ctx, {
        databaseUrl: file,
        questions,
        newIdKey: () => `${keys}-${Math.random()}`,
      });
      opened.push(e);
      apps.push(createApp(ctx, { exam: e }));
    }
    const call = async (i: number, method: string, path: string, body?: unknown) =>
      (await (
        await (apps[i] as (typeof apps)[number]).request(path, {
          method,
          headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json()) as Json;
    const a = await call(0, "POST", "/api/attempts", {
      exam: "AIF-C01",
      mode: "practice",
      seed: "shared",
      count: 6,
    });
    const seenByB = await call(1, "GET", `/api/attempts/${a.id}`);
    expect(seenByB.questions).toEqual(a.questions);
    const { keyIn } = await import("../test/attempt-answers.js");
    for (const [i, q] of a.questions.entries()) {
      const r = await call(
        i % 2,
        "PUT",
        `/api/attempts/${a.id}/answers/${q.id}`,
        keyIn(q, bank.get(q.id) as Question),
      );
      expect(r).toMatchObject({
        saved: true,
        correct: true,
        correctOptions: keyIn(q, bank.get(q.id) as Question),
      });
    }
    const back = await call(0, "GET", `/api/attempts/${a.id}`);
    for (const q of a.questions)
      expect(back.answers[q.id].selected ?? back.answers[q.id].pairs).toBeDefined();
    expect(await call(1, "GET", `/api/attempts/${a.id}`)).toEqual(back);
  });
});
