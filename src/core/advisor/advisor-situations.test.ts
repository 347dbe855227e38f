import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import { advise } from "./advisor.js";
import type { Advice } from "./advisor-types.js";
import { type ProfileInput, resolveProfile } from "./profile.js";

// Real people's situations (issue 7), with the answer AWS's role paths and the community give in 2026.
const { catalog, rules } = content;
const TODAY = "2026-11-26";
const run = (input: ProfileInput, today = TODAY) =>
  advise(catalog, rules, resolveProfile(catalog, rules, input), today);
const codes = (a: Advice, i = 0) => a.recommendations[i]?.path.map((s) => s.code) ?? [];
const allText = (a: Advice) => [
  ...a.warnings,
  ...a.notes,
  ...a.recommendations.flatMap((r) => [r.summary, ...r.path.flatMap((s) => s.reasons)]),
];

describe("advisor on real situations", () => {
  it("sends a non-technical product manager told to take the retired ML Specialty to AI Practitioner, warning once", () => {
    const a = run({ role: "product manager", awsExperience: "none", itBackground: false, want: ["MLS-C01"] });
    expect(codes(a)).toEqual(["AIF-C01"]);
    const retired = a.warnings.filter((w) => w.includes("MLS-C01"));
    expect(retired).toHaveLength(1);
    expect(retired[0]).toMatch(
      /You asked for MLS-C01 .*was retired \(the last exam day was 2026-03-31\).*AI Practitioner \(AIF-C01\)/,
    );
    expect(a.recommendations.flatMap((r) => r.path.map((s) => s.code))).not.toContain("MLA-C01");
  });

  it("sends a data scientist who wants MLS-C01 to MLA-C01", () => {
    const a = run({ role: "data scientist", awsExperience: 2, want: ["MLS-C01"] });
    expect(codes(a)[0]).toBe("MLA-C01");
    expect(a.warnings.filter((w) => w.includes("MLS-C01"))).toHaveLength(1);
    expect(a.recommendations[0]?.path[0]?.reasons[0]).toMatch(/takes the place of MLS-C01/);
  });

  it("puts MLA-C01 first for an ML engineer with two years of SageMaker", () => {
    const a = run({ role: "ML engineer", awsExperience: 2, stack: ["sagemaker"] });
    expect(codes(a)[0]).toBe("MLA-C01");
    expect(a.warnings.join(" ")).not.toMatch(/MLA-C01 \(Machine Learning Engineer – Associate\) is a/);
  });

  it("treats a network engineer with 10 years of networking and 1 of AWS as no beginner for ANS-C01", () => {
    const a = run({ role: "network administrator", awsExperience: 1, fieldExperience: 10 });
    expect(a.profile.role).toBe("network-engineer");
    expect(codes(a)).toContain("ANS-C01");
    expect(codes(a)).not.toContain("CLF-C02");
    const ans = a.warnings.find((w) => w.startsWith("ANS-C01"));
    expect(ans).toMatch(/Your 10 years of networking cover that side/);
    expect(ans).not.toMatch(/before it to build that foundation/);
    // Without field years the same person is unknown, not 0: the warning asks for nothing it cannot know.
    const unknown = run({ role: "developer", awsExperience: 1, want: ["ANS-C01"] });
    expect(unknown.profile.fieldExperienceYears).toBeNull();
  });

  it("maps a security analyst and a SOC analyst to the security paths", () => {
    for (const role of ["security analyst", "SOC analyst"]) {
      const a = run({ role, awsExperience: "6 months" });
      expect(a.profile.role).toBe("security-engineer");
      expect(a.profile.awsExperienceYears).toBe(0.5);
      expect(codes(a)).toContain("SCS-C03");
    }
  });

  it("puts SA Pro first for an experienced engineer who wants it, saying AWS sets no formal prerequisite", () => {
    const a = run({ role: "developer", awsExperience: 4, want: ["SAP-C02"] });
    expect(codes(a)[0]).toBe("SAP-C02");
    expect(a.recommendations[0]?.path[0]?.reasons[0]).toMatch(/AWS sets no formal prerequisite/);
    // Without the experience something comes first, and the reason says why.
    const junior = run({ role: "developer", awsExperience: 0.5, want: ["SAP-C02"] });
    expect(codes(junior)).toEqual(["SAA-C03", "SAP-C02"]);
    expect(junior.recommendations[0]?.path[0]?.reasons[0]).toMatch(
      /SAP-C02 recommends 2 years .*SAA-C03 comes first/,
    );
  });

  it("plans SOA-C03 under its new name for someone who asks for SOA-C02", () => {
    const a = run({ role: "sysadmin", awsExperience: 2, want: ["SOA-C02"] });
    expect(codes(a)[0]).toBe("SOA-C03");
    expect(a.recommendations[0]?.path[0]?.name).toBe("AWS Certified CloudOps Engineer – Associate");
    expect(a.recommendations[0]?.path[0]?.reasons[0]).toMatch(
      /You asked for SOA-C02; that was SysOps Administrator – Associate, which AWS renamed CloudOps Engineer – Associate; SOA-C03 replaced SOA-C02 on 2025-09-30/,
    );
  });

  it("ranks paths that meet the target date first, warns per path, and offers what fits when none does", () => {
    const a = run({ role: "architect", awsExperience: 1, targetDate: "2027-01-15", hoursPerWeek: 5 });
    const misses = a.warnings.filter((w) => /after the target date 2027-01-15/.test(w));
    expect(misses.length).toBe(a.recommendations.filter((r) => r.meetsTargetDate === false).length);
    expect(misses[0]).toMatch(/would take about \d+ hours a week/);
    expect(a.warnings.join(" ")).toMatch(/No path, not even SAA-C03 alone/);
    const b = run({ role: "architect", awsExperience: 1, targetDate: "2027-03-15", hoursPerWeek: 8 });
    const fit = b.recommendations.find((r) => r.title === "What fits by the target date");
    expect(fit?.path.map((s) => s.code)).toEqual(["SAA-C03"]);
    expect(fit?.meetsTargetDate).toBe(true);
    // A wanted exam stays first all the same.
    const c = run({ role: "architect", awsExperience: 4, want: ["SAP-C02"], targetDate: "2027-01-01" });
    expect(codes(c)[0]).toBe("SAP-C02");
  });

  it("plans an expired certification again and names every exam that renews an expiring one", () => {
    const a = run({
      role: "architect",
      awsExperience: 3,
      held: ["SAA-C03:2024-03-01", "CLF-C02:2022-01-10"],
    });
    expect(a.warnings.join(" ")).toMatch(/CLF-C02\) expired on 2025-01-10.*planned again/);
    expect(codes(a)[0]).toBe("CLF-C02");
    const expiring = a.warnings.find((w) => w.includes("expires on 2027-03-01"));
    expect(expiring).toMatch(
      /passing SAA-C03 again or passing Solutions Architect – Professional \(SAP-C02\)/,
    );
    const dva = run({ role: "developer", awsExperience: 3, held: ["DVA-C02:2024-02-01"] });
    expect(dva.warnings.join(" ")).toMatch(/DevOps Engineer – Professional \(DOP-C02\)/);
  });

  it("rejects a certification earned in the future", () => {
    expect(() => run({ role: "developer", awsExperience: 1, held: ["SAA-C03:2027-05-01"] })).toThrow(
      /after today/,
    );
  });

  it("writes reasons that read well: no repeated openings, no slips, dates YYYY-MM-DD", () => {
    const inputs: ProfileInput[] = [
      { role: "web developer", awsExperience: 1, stack: ["lambda", "dynamodb"], targetDate: "2027-06-30" },
      { role: "architect", awsExperience: 0, itBackground: true },
      { role: "data engineer", awsExperience: "18 months", held: ["DEA-C01:2024-06-01"] },
      { role: "manager", awsExperience: 0, itBackground: false },
    ];
    for (const input of inputs) {
      const a = run(input);
      for (const r of a.recommendations) {
        const openings = r.path.map((s) => s.reasons[0]);
        expect(new Set(openings).size).toBe(openings.length);
      }
      for (const t of allText(a)) {
        expect(t).not.toMatch(/undefined|NaN|\.\.|\.\)\.| ,|\s\.|aWS|\baws\b/);
        for (const d of t.match(/\b\d{4}-\d{1,2}-\d{1,2}\b/g) ?? []) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const w of a.warnings) {
        const m = /This path puts (\S+ )+\((\w{3}-\w{3})\) before it/.exec(w);
        if (m) expect(a.recommendations.some((r) => r.path.some((s) => s.code === m[2]))).toBe(true);
      }
      expect(a.recommendations.every((r) => r.rationale.length > 10)).toBe(true);
    }
  });

  it("never recommends an exam that did not exist yet when planning as of a past date", () => {
    const a = run({ role: "ml-engineer", awsExperience: 2 }, "2023-06-01");
    const planned = a.recommendations.flatMap((r) => r.path.map((s) => s.code));
    expect(planned).not.toContain("MLA-C01");
    expect(planned).not.toContain("AIF-C01");
    const ops = run({ role: "sysadmin", awsExperience: 2 }, "2024-06-01");
    expect(ops.recommendations[0]?.path.map((s) => s.code)).toContain("SOA-C02");
    expect(ops.recommendations[0]?.path.find((s) => s.code === "SOA-C02")?.name).toBe(
      "AWS Certified SysOps Administrator – Associate",
    );
  });
});

describe("profile input", () => {
  it("accepts the natural ways people give years and rejects the rest with the field", () => {
    const p = (v: string | number) => resolveProfile(catalog, rules, { role: "developer", awsExperience: v });
    expect(p("6 months").awsExperienceYears).toBe(0.5);
    expect(p("none").awsExperienceYears).toBe(0);
    expect(p("1.5").awsExperienceYears).toBe(1.5);
    expect(() => p("lots")).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "awsExperience" }) }),
    );
  });

  it("rejects missing required fields and unknown services clearly, suggesting the nearest ones", () => {
    expect(() => resolveProfile(catalog, rules, {} as ProfileInput)).toThrow(/role is required/);
    expect(() => resolveProfile(catalog, rules, { role: "developer" } as ProfileInput)).toThrow(
      /awsExperience is required/,
    );
    for (const [word, near] of [
      ["lamda", "lambda"],
      ["dynamo db", "dynamodb"],
      ["cloudfornt", "cloudfront"],
    ] as const) {
      try {
        resolveProfile(catalog, rules, { role: "developer", awsExperience: 1, stack: [word] });
        expect.unreachable();
      } catch (e) {
        const err = e as { message: string; details: { field: string; suggestions: string[] } };
        expect(err.details.field).toBe("stack");
        expect(err.details.suggestions).toContain(near);
        expect(err.message).toMatch(/Did you mean/);
      }
    }
  });

  it("checks hours a week against one range, 0.5 to 80", () => {
    const h = (v: number | string) =>
      resolveProfile(catalog, rules, { role: "developer", awsExperience: 1, hoursPerWeek: v });
    expect(h(0.5).hoursPerWeek).toBe(0.5);
    expect(h(80).hoursPerWeek).toBe(80);
    expect(() => h(0.4)).toThrow(/0.5 to 80/);
    expect(() => h(81)).toThrow(/0.5 to 80/);
  });
});
