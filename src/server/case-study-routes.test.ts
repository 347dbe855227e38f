import { describe, expect, it } from "vitest";
import { examApp, type Json } from "../test/exam-app.js";

const { call } = examApp();

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
