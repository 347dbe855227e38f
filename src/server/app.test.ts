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
