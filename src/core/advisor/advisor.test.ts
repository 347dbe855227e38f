import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import { advise } from "./advisor.js";
import { type ProfileInput, resolveProfile } from "./profile.js";

const { catalog, rules } = content;
const TODAY = "2026-11-26";
const run = (input: ProfileInput, today = TODAY) =>
  advise(catalog, rules, resolveProfile(catalog, rules, input), today);
const codes = (a: ReturnType<typeof run>, i = 0) => a.recommendations[i]?.path.map((s) => s.code);

describe("advisor", () => {
  it("starts a manager without a technical background with Cloud Practitioner", () => {
    const a = run({ role: "manager", awsExperience: 0, itBackground: false });
    expect(a.profile.role).toBe("non-technical");
    expect(codes(a)).toEqual(["CLF-C02"]);
    expect(a.recommendations[0]?.path[0]?.reasons.join(" ")).toMatch(/IT or STEM background/);
  });

  it("starts a web developer moving to cloud-native with Developer then Solutions Architect – Associate", () => {
    const a = run({
      role: "web-developer",
      awsExperience: 1,
      itBackground: true,
      stack: ["lambda", "api gateway", "dynamodb"],
    });
    expect(codes(a)?.slice(0, 2)).toEqual(["DVA-C02", "SAA-C03"]);
    const first = a.recommendations[0]!.path[0]!;
    expect(first.reasons.join(" ")).toContain("AWS Lambda, Amazon DynamoDB and Amazon API Gateway");
    const goalDeveloper = run({
      role: "web-developer",
      goal: "developer",
      awsExperience: 1,
      itBackground: true,
    });
    expect(codes(goalDeveloper)).toEqual(["DVA-C02", "SAA-C03"]);
  });

  it("tells an organisation running SAP that the SAP specialty is retired and what to take instead", () => {
    const a = run({ role: "architect", awsExperience: 2, itBackground: true, stack: ["sap-on-aws"] });
    const warning = a.warnings.find((w) => w.includes("PAS-C01"));
    expect(warning).toMatch(/SAP on AWS – Specialty \(PAS-C01\) was retired.*SAP-C02/);
    const sap = run({ role: "sap-specialist", awsExperience: 2, itBackground: true });
    expect(sap.warnings.join(" ")).toContain("PAS-C01");
    expect(codes(sap)).toEqual(["SAA-C03", "SAP-C02"]);
  });

  it("warns about a Professional goal without hands-on experience and puts an Associate first", () => {
    const a = run({ role: "developer", awsExperience: 0, itBackground: true, want: ["SAP-C02"] });
    expect(codes(a)).toEqual(["SAA-C03", "SAP-C02"]);
    expect(
      a.warnings.some((w) =>
        w.startsWith("SAP-C02 (Solutions Architect – Professional) is a professional exam"),
      ),
    ).toBe(true);
    expect(a.recommendations[0]?.path[0]?.reasons.join(" ")).toMatch(/SAP-C02 recommends 2 years/);
  });

  it("goes straight to the Professional exam for someone with the experience", () => {
    const a = run({
      role: "architect",
      awsExperience: 4,
      itBackground: true,
      held: ["SAA-C03"],
      want: ["SAP-C02"],
    });
    expect(codes(a)).toEqual(["SAP-C02"]);
    expect(a.warnings.filter((w) => w.includes("professional exam"))).toEqual([]);
  });

  it("replaces a requested retired certification with its successor and says so", () => {
    const a = run({ role: "data-scientist", awsExperience: 2, itBackground: true, want: ["MLS-C01"] });
    expect(a.warnings.join(" ")).toMatch(
      /You asked for MLS-C01 \(Machine Learning – Specialty\), but it was retired.*MLA-C01/,
    );
    expect(codes(a)).toContain("MLA-C01");
    expect(a.recommendations.flatMap((r) => r.path.map((s) => s.code))).not.toContain("MLS-C01");
  });

  it("never recommends a certification already held, and notes an older held version", () => {
    const a = run({ role: "sysadmin", awsExperience: 3, itBackground: true, held: ["SOA-C02"] });
    for (const r of a.recommendations) expect(r.path.map((s) => s.code)).not.toContain("SOA-C03");
    expect(a.notes.join(" ")).toMatch(/SOA-C02.*pass the current SOA-C03/);
  });

  it("warns when a held certification is about to expire", () => {
    const a = run({ role: "developer", awsExperience: 3, itBackground: true, held: ["DVA-C02:2024-01-15"] });
    expect(a.warnings.join(" ")).toMatch(/expires on 2027-01-15/);
  });

  it("warns when the target date cannot be met, with the hours it would take", () => {
    const a = run({
      role: "student",
      awsExperience: 0,
      itBackground: false,
      hoursPerWeek: 4,
      targetDate: "2027-01-31",
    });
    expect(a.warnings.join(" ")).toMatch(/after the target date 2027-01-31.*hours a week/);
  });

  it("drops Cloud Practitioner for people with an IT background (AWS calls it optional)", () => {
    const a = run({ role: "sysadmin", awsExperience: 0, itBackground: true });
    expect(codes(a)?.[0]).toBe("SOA-C03");
    const b = run({ role: "sysadmin", awsExperience: 0, itBackground: false });
    expect(codes(b)?.[0]).toBe("CLF-C02");
  });

  it("plans weeks and dates from the hours per week (golden values)", () => {
    const a = run({ role: "web-developer", awsExperience: 1, itBackground: true, hoursPerWeek: 10 });
    const rec = a.recommendations[0]!;
    expect(rec.path.map((s) => [s.code, s.studyHours, s.weeks, s.startBy, s.finishBy])).toEqual([
      ["DVA-C02", 80, 8, "2026-11-26", "2027-01-21"],
      ["SAA-C03", 80, 8, "2027-01-21", "2027-03-18"],
      ["DOP-C02", 130, 13, "2027-03-18", "2027-06-17"],
    ]);
    expect(rec.totalWeeks).toBe(29);
    expect(rec.finishBy).toBe("2027-06-17");
  });

  it("is deterministic: the same profile and date give the same advice", () => {
    const input = {
      role: "devops",
      awsExperience: 2,
      itBackground: true,
      stack: ["ecs", "codepipeline"],
      targetDate: "2027-09-01",
    };
    expect(JSON.stringify(run(input))).toEqual(JSON.stringify(run(input)));
  });

  it("rejects unknown roles with the valid words, and unknown services with suggestions", () => {
    expect(() => run({ role: "chef", awsExperience: 1 })).toThrowError(
      /Use one of: non-technical, student, developer/,
    );
    expect(() => run({ role: "developer", awsExperience: 1, stack: ["lamda"] })).toThrowError(
      /unknown AWS service "lamda"/,
    );
    expect(() => run({ role: "developer", awsExperience: 1, want: ["SAA-C3"] })).toThrowError(
      /Did you mean SAA-C03/,
    );
  });

  it("returns at most three ranked paths, each with reasons for every step", () => {
    for (const role of rules.roles) {
      const a = run({ role: role.id, awsExperience: 1, itBackground: true });
      expect(a.recommendations.length).toBeGreaterThan(0);
      expect(a.recommendations.length).toBeLessThanOrEqual(3);
      for (const r of a.recommendations) for (const s of r.path) expect(s.reasons.length).toBeGreaterThan(1);
    }
  });
});
