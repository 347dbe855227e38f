import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppContext,
  createContext,
  type ExamContext,
  loadQuestionBank,
  openExamContext,
} from "../compose.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
let ctx: AppContext;
let exam: ExamContext;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ctx = await createContext({ content, now: () => new Date("2026-11-30T10:00:00Z") });
  exam = await openExamContext(ctx, { databaseUrl: ":memory:", questions: await loadQuestionBank(ctx) });
  app = createApp(ctx, { exam });
});
afterAll(() => exam?.close());

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
};

describe("case studies over HTTP", () => {
  for (const code of ["MLA-C01", "AIF-C01"])
    it(`${code}: full forms carry whole case studies, together, with the scenario on every question and in the review`, async () => {
      let seen = 0;
      for (let s = 0; s < 12 && seen < 2; s++) {
        const a = (await call("POST", "/api/attempts", { exam: code, mode: "exam", seed: `cs-${code}-${s}` }))
          .body;
        const qs = a.questions as Json[];
        const ids = new Set(qs.filter((q) => q.caseStudy).map((q) => q.caseStudy.id as string));
        for (const id of ids) {
          seen++;
          const at = qs.flatMap((q, i) => (q.caseStudy?.id === id ? [i] : []));
          expect(at.length).toBeGreaterThanOrEqual(2);
          expect((at[at.length - 1] ?? 0) - (at[0] ?? 0)).toBe(at.length - 1);
          const first = qs[at[0] as number] as Json;
          expect(first.caseStudy.title.length).toBeGreaterThan(5);
          expect(first.caseStudy.scenario.length).toBeGreaterThan(100);
        }
        await call("POST", `/api/attempts/${a.id}/submit`);
        if (ids.size > 0) {
          const review = (await call("GET", `/api/attempts/${a.id}/review`)).body;
          expect((review.questions as Json[]).filter((q) => q.caseStudy).length).toBeGreaterThanOrEqual(2);
        }
      }
      expect(seen).toBeGreaterThan(0);
    });
});
