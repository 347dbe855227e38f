import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import type { CaseStudy, Question } from "../bank/question-types.js";
import { getCertification } from "../catalog/catalog.js";
import { blueprintFor, largestRemainder } from "./blueprint.js";
import { assembleForm, indexBank } from "./form-assembly.js";

const clf = blueprintFor(getCertification(content.catalog, "CLF-C02").certification, "2026-11-26");

function question(id: string, domain: string, caseStudy?: CaseStudy): Question {
  return {
    id,
    exam: "CLF-C02",
    examGuide: "CLF-C02",
    domain,
    type: "multiple-choice",
    services: ["s3"],
    stem: `Question ${id}`,
    references: ["https://docs.aws.amazon.com/"],
    verifiedOn: "2026-11-26",
    ...(caseStudy ? { caseStudy } : {}),
    options: ["a", "b", "c", "d"].map((o) => ({
      id: o,
      text: o,
      correct: o === "a",
      explanation: `because ${o}`,
    })),
  };
}

const retail: CaseStudy = { id: "cs-retail", title: "A retailer", scenario: "A retailer ..." };
const bank: Question[] = [
  ...["1", "2", "3", "4"].flatMap((d) => Array.from({ length: 40 }, (_, i) => question(`q-d${d}-${i}`, d))),
  question("cs-1", "1", retail),
  question("cs-2", "3", retail),
  question("cs-3", "3", retail),
];
const pool = indexBank(bank).get("CLF-C02") as Map<string, Question[]>;

describe("case studies in forms", () => {
  it("take a case study whole or not at all, keep its questions together and count them toward their domains", () => {
    let withSet = 0;
    for (let s = 0; s < 60; s++) {
      const form = assembleForm({ blueprint: clf, pool, seed: `cs-${s}` });
      expect(form.questionIds).toHaveLength(65);
      expect(Object.values(form.domainCounts)).toEqual([...largestRemainder(65, clf.domains).values()]);
      const at = ["cs-1", "cs-2", "cs-3"].map((id) => form.questionIds.indexOf(id));
      if (at.every((i) => i < 0)) continue;
      withSet++;
      expect(at.every((i) => i >= 0)).toBe(true);
      expect(Math.max(...at) - Math.min(...at)).toBe(2);
    }
    expect(withSet).toBeGreaterThan(0);
  });

  it("leaves a case study out of a drill that does not cover all its domains, and out of service drills", () => {
    for (let s = 0; s < 20; s++) {
      const d3 = assembleForm({ blueprint: clf, pool, seed: `d3-${s}`, domains: ["3"], count: 40 });
      expect(d3.questionIds.filter((id) => id.startsWith("cs-"))).toEqual([]);
      const both = assembleForm({ blueprint: clf, pool, seed: `d13-${s}`, domains: ["1", "3"], count: 30 });
      const cs = both.questionIds.filter((id) => id.startsWith("cs-"));
      expect([0, 3]).toContain(cs.length);
    }
  });

  it("keeps the set together in a retake", () => {
    const form = assembleForm({
      blueprint: clf,
      pool,
      seed: "r",
      questionIds: ["q-d1-0", "cs-2", "q-d2-0", "cs-1", "cs-3"],
    });
    const at = ["cs-1", "cs-2", "cs-3"].map((id) => form.questionIds.indexOf(id));
    expect(Math.max(...at) - Math.min(...at)).toBe(2);
  });
});

describe("question types in a form", () => {
  it("a full form shows ordering and matching when the exam uses them and the bank has them", () => {
    const scs = blueprintFor(getCertification(content.catalog, "SCS-C03").certification, "2026-12-15");
    const few: Question[] = scs.domains.flatMap((d) =>
      Array.from({ length: 30 }, (_, i) => ({ ...question(`s-d${d.id}-${i}`, d.id), exam: "SCS-C03" })),
    );
    const ordering = { ...question("s-order", "2"), exam: "SCS-C03", type: "ordering" as const };
    const withTypes = [
      ...few,
      {
        id: "s-order",
        exam: "SCS-C03",
        examGuide: "SCS-C03",
        domain: "2",
        type: "ordering" as const,
        services: ["s3"],
        stem: "Order",
        references: ordering.references,
        verifiedOn: "2026-11-26",
        items: ["x", "y", "z"].map((id) => ({ id, text: id, explanation: `step ${id}` })),
      },
      {
        id: "s-match",
        exam: "SCS-C03",
        examGuide: "SCS-C03",
        domain: "5",
        type: "matching" as const,
        services: ["s3"],
        stem: "Match",
        references: ordering.references,
        verifiedOn: "2026-11-26",
        prompts: ["p", "q", "r"].map((id) => ({ id, text: id, match: "m", explanation: `match ${id}` })),
        options: [
          { id: "m", text: "m" },
          { id: "n", text: "n" },
        ],
      },
    ] as Question[];
    const scsPool = indexBank(withTypes).get("SCS-C03") as Map<string, Question[]>;
    for (let s = 0; s < 10; s++) {
      const form = assembleForm({ blueprint: scs, pool: scsPool, seed: `t-${s}` });
      expect(form.questionIds).toContain("s-order");
      expect(form.questionIds).toContain("s-match");
      expect(Object.values(form.domainCounts)).toEqual([...largestRemainder(65, scs.domains).values()]);
    }
  });
});
