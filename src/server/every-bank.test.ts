import { beforeAll, describe, expect, it } from "vitest";
import { type AppContext, createContext, loadQuestionBank, openExamContext } from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { getCertification, listCertifications, versionOn } from "../core/catalog/catalog.js";
import { blueprintFor } from "../core/exam/blueprint.js";
import { content } from "../test/fixtures.js";
import { createApp } from "./app.js";

// biome-ignore lint/suspicious/noExplicitAny: test helper for JSON bodies
type Json = Record<string, any>;
let ctx: AppContext;
let questions: Question[];
beforeAll(async () => {
  ctx = await createContext({ content, now: () => new Date("2026-11-30T10:00:00Z") });
  questions = await loadQuestionBank(ctx);
});

// Every active exam of the catalog must have a bank that meets what issues 9 and 10 ask of it.
const ON = "2026-11-30";
const EXAMS = listCertifications(content.catalog, { status: "active", on: ON }).map(
  (c) => (versionOn(c, ON) as { code: string }).code,
);

describe("every shipped bank", () => {
  for (const code of EXAMS)
    it(`${code}: two full-length forms with the blueprint's count, time and domain shares share no question, and show every type the exam uses`, async () => {
      const bp = blueprintFor(getCertification(ctx.catalog, code).certification, "2026-11-30");
      const bank = questions.filter((q) => q.exam === code);
      expect(bank.filter((q) => q.type === "multiple-response").length / bank.length).toBeGreaterThanOrEqual(
        0.2,
      );
      const fresh = await openExamContext(ctx, { databaseUrl: ":memory:", questions });
      const app = createApp(ctx, { exam: fresh });
      const post = async (path: string, body?: Json) =>
        (await (
          await app.request(path, {
            method: "POST",
            headers: body ? { "content-type": "application/json" } : {},
            body: body ? JSON.stringify(body) : undefined,
          })
        ).json()) as Json;
      const forms: Json[] = [];
      for (const seed of ["first", "second"]) {
        const a = await post("/api/attempts", { exam: code, mode: "exam", seed: `${code}-${seed}` });
        expect(a.questions).toHaveLength(bp.questionCount);
        expect(a.notice).toBeUndefined();
        expect(Date.parse(a.endsAt) - Date.parse(a.startedAt)).toBe(bp.durationMinutes * 60_000);
        const counts: Record<string, number> = {};
        for (const q of a.questions as Json[]) counts[q.domain] = (counts[q.domain] ?? 0) + 1;
        for (const d of bp.domains)
          expect(Math.abs((counts[d.id] ?? 0) - (bp.questionCount * d.weight) / 100)).toBeLessThan(1);
        for (const type of ["ordering", "matching"] as const)
          if (bp.questionTypes.includes(type))
            expect(
              (a.questions as Json[]).some((q) => q.type === type),
              `${code} ${type}`,
            ).toBe(true);
        forms.push(a);
        await post(`/api/attempts/${a.id}/submit`);
      }
      const [one, two] = forms as [Json, Json];
      const first = new Set((one.questions as Json[]).map((q) => q.id));
      expect((two.questions as Json[]).filter((q) => first.has(q.id))).toEqual([]);
      await fresh.close();
    });
});
