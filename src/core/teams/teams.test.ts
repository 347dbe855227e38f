import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { content } from "../../test/fixtures.js";
import { resolveProfile } from "../advisor/profile.js";
import { getCertification } from "../catalog/catalog.js";
import { DomainError, ValidationError } from "../errors.js";
import { blueprintFor } from "../exam/blueprint.js";
import { estimateReadiness, type ScoredAnswer } from "../learning/readiness.js";
import { assignedExams, pathDueDates, validateAssignment } from "./assignment.js";
import { stackCoverage, teamAdvice } from "./team-advice.js";
import { dashboardCsv, safeCell } from "./team-csv.js";
import { dashboardRow, statusCounts, teamWeakestDomains } from "./team-dashboard.js";
import { readinessTrend, requiredProbability, trackStatus } from "./team-status.js";

// The real CLF-C02 blueprint (65 questions, four domains weighted 24/30/34/12).
const CLF = blueprintFor(getCertification(content.catalog, "CLF-C02").certification, "2026-11-30");
const NOW = new Date("2026-11-30T12:00:00Z");
const TODAY = "2026-11-30";

/** `n` practice answers, right on the domains listed in `right` and wrong elsewhere, `daysAgo` days before NOW. */
function answers(n: number, right: (i: number, domain: string) => boolean, daysAgo = 1): ScoredAnswer[] {
  const domains = ["1", "2", "2", "3", "3", "3", "1", "4", "2", "3"];
  const at = new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString();
  return Array.from({ length: n }, (_, i) => {
    const domain = domains[i % domains.length] as string;
    return {
      questionId: `q${daysAgo}-${i}`,
      domain,
      correct: right(i, domain),
      mode: "practice",
      answeredAt: at,
    };
  });
}
const strong = estimateReadiness(
  CLF,
  answers(60, (i) => i % 10 !== 0),
  NOW,
);
const weakSecurity = estimateReadiness(
  CLF,
  answers(60, (_i, d) => d !== "2"),
  NOW,
);
const none = estimateReadiness(CLF, [], NOW);

describe("on track / at risk", () => {
  it("asks for 80% within a week of the date, 30% from 63 days out, linearly between", () => {
    expect(requiredProbability(-3)).toBe(0.8);
    expect(requiredProbability(7)).toBe(0.8);
    expect(requiredProbability(35)).toBe(0.55);
    expect(requiredProbability(63)).toBe(0.3);
    expect(requiredProbability(200)).toBe(0.3);
  });

  it("says on track, at risk or no data with the reason", () => {
    const at = (p: number | null, targetDate: string, lastActivity: string | null = TODAY) =>
      trackStatus({
        readiness: { passProbability: p, needed: p === null ? 12 : 0 },
        targetDate,
        today: TODAY,
        lastActivity,
      });
    expect(at(0.6, "2027-01-04").status).toBe("on-track"); // 35 days: needs 55%
    const risk = at(0.5, "2027-01-04");
    expect(risk.status).toBe("at-risk");
    expect(risk.reasons[0]).toBe("Pass chance 50% with 35 days left; on track needs 55% by now.");
    expect(at(0.75, "2026-12-05").status).toBe("at-risk"); // 5 days: needs 80%
    expect(at(0.85, "2026-11-20").status).toBe("on-track"); // date passed but ready
    expect(at(0.7, "2027-03-01", "2026-11-10").reasons).toEqual(["No practice on this exam for 20 days."]);
    expect(at(0.9, "2027-03-01", "2026-11-10").status).toBe("on-track"); // ready: no need to keep drilling
    expect(at(null, "2027-03-01")).toMatchObject({
      status: "no-data",
      reasons: ["No estimate yet: 12 more answers needed for an estimate."],
    });
    expect(at(null, "2026-12-10").status).toBe("at-risk");
  });

  it("compares the pass probability with the estimate of 28 days before", () => {
    expect(readinessTrend({ passProbability: 0.6 }, { passProbability: 0.4 })).toEqual({
      direction: "up",
      change: 0.2,
    });
    expect(readinessTrend({ passProbability: 0.4 }, { passProbability: 0.6 }).direction).toBe("down");
    expect(readinessTrend({ passProbability: 0.42 }, { passProbability: 0.4 }).direction).toBe("flat");
    expect(readinessTrend({ passProbability: 0.42 }, null).direction).toBe("new");
    expect(readinessTrend({ passProbability: null }, { passProbability: 0.4 }).direction).toBe("none");
  });
});

describe("dashboard rows", () => {
  it("carries readiness, the 80% interval, trend, weakest domains and status", () => {
    const earlier = estimateReadiness(
      CLF,
      answers(40, (i) => i % 2 === 0, 40),
      new Date(NOW.getTime() - 28 * 86_400_000),
    );
    const row = dashboardRow(
      {
        email: "ana@example.com",
        exam: "CLF-C02",
        assignmentId: "a1",
        targetDate: "2027-01-04",
        readiness: weakSecurity,
        earlier,
        lastActivity: "2026-11-29T12:00:00.000Z",
      },
      TODAY,
    );
    expect(row.passProbability).toBe(weakSecurity.passProbability);
    expect(row.predictedScaledScore).toEqual(weakSecurity.predictedScaledScore);
    expect(row.intervalProbability).toBe(0.8);
    expect(row.weakestDomains[0]).toMatchObject({ id: "2", name: "Security and Compliance" });
    expect(row.daysLeft).toBe(35);
    expect(row.trend.direction).not.toBe("new");
    expect(["on-track", "at-risk"]).toContain(row.status);
    const empty = dashboardRow(
      {
        email: "bo@example.com",
        exam: "CLF-C02",
        assignmentId: "a1",
        targetDate: "2027-06-01",
        readiness: none,
        earlier: null,
        lastActivity: null,
      },
      TODAY,
    );
    expect(empty).toMatchObject({ status: "no-data", weakestDomains: [], trend: { direction: "none" } });
    expect(statusCounts([row, empty])).toMatchObject({ "no-data": 1 });
  });

  it("ranks the team's weakest domains by blueprint weight times the shortfall to 80%", () => {
    const gaps = teamWeakestDomains([
      { exam: "CLF-C02", readiness: weakSecurity },
      { exam: "CLF-C02", readiness: strong },
      { exam: "CLF-C02", readiness: none },
    ]);
    expect(gaps[0]).toMatchObject({
      exam: "CLF-C02",
      domain: "2",
      practisedBy: 2,
      unpractisedBy: 1,
      belowCut: 1,
    });
    const mean = gaps[0]?.meanEstimate as number;
    expect(gaps[0]?.gap).toBeCloseTo(30 * Math.max(0, 0.8 - mean), 1);
    // Sorted by gap, worst first.
    for (let i = 1; i < gaps.length; i++) expect(gaps[i - 1]!.gap).toBeGreaterThanOrEqual(gaps[i]!.gap);
  });
});

describe("CSV export", () => {
  it("writes one parsable row per member and exam, and defuses formula cells", () => {
    const row = dashboardRow(
      {
        email: "=cmd@example.com",
        exam: "CLF-C02",
        assignmentId: "a",
        targetDate: "2027-01-04",
        readiness: strong,
        earlier: null,
        lastActivity: null,
      },
      TODAY,
    );
    const csv = dashboardCsv([row]);
    expect(csv.split("\r\n")[0]).toMatch(/^email,exam,target_date,days_left,status,pass_probability/);
    const [record] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(record).toMatchObject({ email: "'=cmd@example.com", exam: "CLF-C02", status: row.status });
    expect(Number(record?.pass_probability)).toBe(strong.passProbability);
    expect(safeCell("-1")).toBe("'-1");
    expect(safeCell("ana@example.com")).toBe("ana@example.com");
  });
});

describe("assignments", () => {
  const members = [
    { email: "ana@example.com", userId: "u1" },
    { email: "bo@example.com", userId: "u2" },
  ];
  const check = (input: Parameters<typeof validateAssignment>[1]) =>
    validateAssignment(content.catalog, input, { today: TODAY, members });

  it("accepts an exam or a path by code or name, for the team or chosen members", () => {
    expect(check({ exam: "saa-c03", targetDate: "2027-03-01" })).toEqual({
      exams: ["SAA-C03"],
      kind: "exam",
      targetDate: "2027-03-01",
      userIds: null,
    });
    expect(
      check({ path: ["CLF-C02", "SAA-C03"], targetDate: "2027-06-01", members: ["BO@example.com"] }),
    ).toMatchObject({
      exams: ["CLF-C02", "SAA-C03"],
      kind: "path",
      userIds: ["u2"],
    });
  });

  it("names the field of each mistake", () => {
    const field = (input: Parameters<typeof validateAssignment>[1]) => {
      try {
        check(input);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return [(e as DomainError).code, (e as DomainError).details?.field];
      }
      return undefined;
    };
    expect(field({ targetDate: "2027-03-01" })).toEqual(["assignment.invalid_input", "exam"]);
    expect(field({ exam: "SAA-C03", path: ["CLF-C02"], targetDate: "2027-03-01" })?.[1]).toBe("path");
    expect(field({ exam: "SAA-C03", targetDate: "2026-02-30" })?.[1]).toBe("targetDate");
    expect(field({ exam: "SAA-C03", targetDate: TODAY })?.[1]).toBe("targetDate");
    expect(field({ exam: "SAA-C03", targetDate: "2035-01-01" })?.[1]).toBe("targetDate");
    expect(field({ exam: "SAA-C99", targetDate: "2027-03-01" })?.[1]).toBe("exam");
    expect(field({ path: ["CLF-C02", "CLF-C02"], targetDate: "2027-03-01" })?.[1]).toBe("path");
    expect(field({ exam: "DBS-C01", targetDate: "2027-03-01" })).toEqual(["assignment.exam_retired", "exam"]);
    expect(field({ exam: "SAA-C03", targetDate: "2027-03-01", members: [] })?.[1]).toBe("members");
    try {
      check({ exam: "SAA-C03", targetDate: "2027-03-01", members: ["zed@example.com"] });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).details).toMatchObject({
        field: "members",
        unknown: ["zed@example.com"],
      });
    }
  });

  it("splits a path's time by study hours and gives each member the earliest date for an exam", () => {
    expect(
      pathDueDates(
        [
          { exam: "CLF-C02", hours: 20 },
          { exam: "SAA-C03", hours: 60 },
        ],
        "2026-12-01",
        "2027-03-01",
      ),
    ).toEqual([
      { exam: "CLF-C02", date: "2026-12-24" },
      { exam: "SAA-C03", date: "2027-03-01" },
    ]);
    const rows = assignedExams(
      [
        {
          id: "team",
          userId: null,
          exams: ["SAA-C03"],
          targetDate: "2027-05-01",
          createdAt: "2026-11-30T09:00:00Z",
        },
        {
          id: "bo",
          userId: "u2",
          exams: ["SAA-C03"],
          targetDate: "2027-02-01",
          createdAt: "2026-11-30T09:00:00Z",
        },
        {
          id: "gone",
          userId: "u9",
          exams: ["CLF-C02"],
          targetDate: "2027-02-01",
          createdAt: "2026-11-30T09:00:00Z",
        },
      ],
      [
        { userId: "u1", lead: false },
        { userId: "u2", lead: false },
        { userId: "lead", lead: true },
      ],
      () => 40,
    );
    expect(rows).toEqual([
      { userId: "u1", exam: "SAA-C03", targetDate: "2027-05-01", assignmentId: "team" },
      { userId: "u2", exam: "SAA-C03", targetDate: "2027-02-01", assignmentId: "bo" },
    ]);
  });
});

describe("team advice", () => {
  it("lists the certifications that cover the team's services and runs the learner's advisor", () => {
    const coverage = stackCoverage(
      content.catalog,
      content.rules,
      ["lambda", "dynamodb", "api-gateway"],
      TODAY,
    );
    expect(coverage[0]?.covered.length).toBe(3);
    expect(coverage.map((c) => c.code)).toContain("DVA-C02");
    expect(stackCoverage(content.catalog, content.rules, [], TODAY)).toEqual([]);
    const profile = resolveProfile(content.catalog, content.rules, {
      role: "developer",
      awsExperience: 1,
      stack: ["lambda", "dynamodb", "api-gateway"],
    });
    const r = teamAdvice(content.catalog, content.rules, profile, TODAY);
    expect(r.advice.recommendations[0]?.path.map((s) => s.code)).toContain("DVA-C02");
  });
});
