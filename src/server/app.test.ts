import { beforeAll, describe, expect, it } from "vitest";
import { fixedContext } from "../test/fixtures.js";
import { createApp } from "./app.js";

let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  app = createApp(await fixedContext());
});

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("HTTP API: catalog and advice", () => {
  it("answers health", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });

  it("lists certifications with filters, in the catalog --json shape", async () => {
    const res = await app.request("/api/certifications?level=specialty&status=retired");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      certifications: { code: string; retiredOn: string; successors: string[] }[];
    };
    expect(body.certifications.map((c) => c.code).sort()).toEqual([
      "DAS-C01",
      "DBS-C01",
      "MLS-C01",
      "PAS-C01",
    ]);
    expect(body.certifications.every((c) => c.retiredOn && Array.isArray(c.successors))).toBe(true);
  });

  it("answers status as of a date", async () => {
    const res = await app.request("/api/certifications?on=2024-01-01&status=active&level=specialty");
    const body = (await res.json()) as { certifications: { code: string }[] };
    expect(body.certifications.map((c) => c.code)).toEqual(
      expect.arrayContaining(["DBS-C01", "DAS-C01", "PAS-C01"]),
    );
  });

  it("rejects a bad filter with the allowed values", async () => {
    const res = await app.request("/api/certifications?level=expert");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; allowed: string[]; field: string } };
    expect(body.error.code).toBe("catalog.invalid_input");
    expect(body.error.field).toBe("level");
    expect(body.error.allowed).toEqual(["foundational", "associate", "professional", "specialty"]);
  });

  it("shows one certification by alias, with versions", async () => {
    const res = await app.request("/api/certifications/sysops");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      code: string;
      versions: { code: string; status: string }[];
      aliases: string[];
    };
    expect(body.code).toBe("SOA-C03");
    expect(body.versions).toContainEqual(expect.objectContaining({ code: "SOA-C02", status: "retired" }));
  });

  it("404s an unknown certification with catalog.not_found and suggestions", async () => {
    const res = await app.request("/api/certifications/SAA-C3");
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; suggestions: string[] } };
    expect(body.error.code).toBe("catalog.not_found");
    expect(body.error.suggestions[0]).toMatch(/^SAA-C03/);
  });

  it("advises from a profile in the CLI's words", async () => {
    const res = await post("/api/advice", {
      role: "manager",
      awsExperience: 0,
      itBackground: false,
      today: "2026-11-26",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { recommendations: { path: { code: string }[] }[] };
    expect(body.recommendations[0]?.path[0]?.code).toBe("CLF-C02");
  });

  it("rejects an invalid profile with the field and allowed values", async () => {
    const res = await post("/api/advice", { role: "chef", awsExperience: 1 });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; allowed: string[] } };
    expect(body.error).toMatchObject({ code: "advice.invalid_input", field: "role" });
    expect(body.error.allowed).toContain("web-developer");
    const wrongType = await post("/api/advice", { role: "developer", awsExperience: "lots" });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as { error: { field: string } }).error.field).toBe("awsExperience");
    const extra = await post("/api/advice", { role: "developer", awsExperience: 1, colour: "blue" });
    expect(extra.status).toBe(400);
  });

  it("answers malformed JSON, oversized bodies and unknown routes with 4xx JSON errors", async () => {
    const bad = await post("/api/advice", "{not json");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("request.invalid_json");
    const huge = await post("/api/advice", { role: "x".repeat(100_000), awsExperience: 1 });
    expect(huge.status).toBe(413);
    const unknown = await app.request("/api/nothing-here");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("api.not_found");
  });

  it("publishes an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await app.request("/api/openapi.json");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/certifications",
        "/api/certifications/{id}",
        "/api/advice",
        "/api/advisor/vocabulary",
      ]),
    );
  });
});

// Issue 7: one validation per input, the same in the API as in the CLI and the web app.
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
