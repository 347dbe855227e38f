import { beforeAll, describe, expect, it } from "vitest";
import { fixedContext } from "../test/fixtures.js";
import { createApp } from "./app.js";

// Issue 7: one validation per input, the same in the API as in the CLI and the web app.
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp(await fixedContext());
});

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
type ErrorBody = { error: { code: string; message: string; field?: string; suggestions?: string[] } };

describe("HTTP API: advisor and catalog input (issue 7)", () => {
  it("takes experience in words and field experience, and answers with rationale and links", async () => {
    const res = await post("/api/advice", {
      role: "network administrator",
      awsExperience: "1",
      fieldExperience: 10,
      hoursPerWeek: "6",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      profile: { role: string; fieldExperienceYears: number; today: string };
      recommendations: { rationale: string; path: { code: string; links: { practice: string } }[] }[];
    };
    expect(body.profile).toMatchObject({
      role: "network-engineer",
      fieldExperienceYears: 10,
      today: "2026-11-26",
    });
    expect(body.recommendations[0]?.rationale).toBeTruthy();
    const step = body.recommendations[0]?.path[0];
    expect(step?.links.practice).toBe(`/exams/${step?.code}`);
  });

  it("rejects bad held entries, wanted exams and stacks with 400 and the field", async () => {
    for (const [body, field] of [
      [{ role: "developer", awsExperience: 1, held: ["SAA-C3"] }, "held"],
      [{ role: "developer", awsExperience: 1, held: ["SAA-C03:2024-02-30"] }, "held"],
      [{ role: "developer", awsExperience: 1, held: ["SAA-C03:2027-01-01"] }, "held"],
      [{ role: "developer", awsExperience: 1, want: ["XYZ-C09"] }, "want"],
      [{ role: "developer", awsExperience: 1, stack: ["lamda"] }, "stack"],
      [{ role: "developer", awsExperience: 1, stack: ["dynamo db"] }, "stack"],
      [{ role: "developer", awsExperience: 1, stack: ["cloudfornt"] }, "stack"],
      [{ role: "developer", awsExperience: 1, hoursPerWeek: 0.4 }, "hoursPerWeek"],
      [{ role: "developer", awsExperience: 1, hoursPerWeek: 81 }, "hoursPerWeek"],
      [{ role: "developer", awsExperience: "lots" }, "awsExperience"],
      [{ role: "developer", awsExperience: 1, targetDate: "2024-02-30" }, "targetDate"],
      [{ role: "developer", awsExperience: 1, today: "2024-13-01" }, "today"],
      [{ awsExperience: 1 }, "role"],
    ] as const) {
      const res = await post("/api/advice", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as ErrorBody;
      expect(err.error.field, JSON.stringify(body)).toBe(field);
    }
    const lamda = (await (
      await post("/api/advice", { role: "developer", awsExperience: 1, stack: ["lamda"] })
    ).json()) as ErrorBody;
    expect(lamda.error.suggestions).toContain("lambda");
    expect(lamda.error.message).toMatch(/Did you mean lambda/);
  });

  it("validates dates the same way on the catalog routes", async () => {
    for (const on of ["2024-02-30", "2024-13-01", "2024-99-99"]) {
      const res = await app.request(`/api/certifications?on=${on}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.field).toBe("on");
      const one = await app.request(`/api/certifications/SAA-C03?on=${on}`);
      expect(one.status).toBe(400);
    }
  });

  it("takes level in any case", async () => {
    const res = await app.request("/api/certifications?level=Specialty&status=ACTIVE");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { certifications: { level: string }[] };
    expect(body.certifications.length).toBeGreaterThan(0);
    expect(body.certifications.every((c) => c.level === "specialty")).toBe(true);
  });

  it("lists nothing active on 2010-01-01 and names in force on the date", async () => {
    const res = await app.request("/api/certifications?on=2010-01-01");
    const body = (await res.json()) as { certifications: { status: string }[] };
    expect(body.certifications.filter((c) => c.status === "active")).toEqual([]);
    const soa = (await (await app.request("/api/certifications/SOA-C02?on=2024-06-01")).json()) as {
      name: string;
    };
    expect(soa.name).toBe("AWS Certified SysOps Administrator – Associate");
  });

  it("returns the candidates of an ambiguous name as suggestions", async () => {
    const res = await app.request("/api/certifications/solutions%20architect");
    expect(res.status).toBe(404);
    const err = (await res.json()) as ErrorBody;
    expect(err.error.code).toBe("catalog.ambiguous");
    expect(err.error.suggestions?.join(" ")).toMatch(/SAA-C03.*SAP-C02|SAP-C02.*SAA-C03/);
  });

  it("cites labelled AWS pages first", async () => {
    const body = (await (await app.request("/api/certifications")).json()) as {
      certifications: { sources: { label: string; url: string }[] }[];
    };
    for (const c of body.certifications) {
      expect(c.sources[0]?.url).toMatch(/^https:\/\/aws\.amazon\.com\//);
      expect(c.sources.every((s) => s.label && !s.label.startsWith("http"))).toBe(true);
    }
  });

  it("lists the services the stack understands in the vocabulary", async () => {
    const body = (await (await app.request("/api/advisor/vocabulary")).json()) as {
      services: { slug: string; aliases: string[] }[];
    };
    expect(body.services.map((s) => s.slug)).toEqual(
      expect.arrayContaining(["lambda", "dynamodb", "cloudfront"]),
    );
  });
});
