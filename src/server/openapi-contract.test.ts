import SwaggerParser from "@apidevtools/swagger-parser";
import { z } from "@hono/zod-openapi";
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

// The OpenAPI document is a contract: every route is in it, every status a route really answers is
// declared as an explicit code, and every body matches the declared schema. The probes are generic
// (valid ids, unknown ids, malformed and oversized bodies, impossible query values), so routes added
// later are checked too; a few samples per known route add the realistic cases.

// biome-ignore lint/suspicious/noExplicitAny: JSON documents
type Json = any;
let ctx: AppContext;
let exam: ExamContext;
let app: ReturnType<typeof createApp>;
let doc: Json;
const seen: { method: string; path: string; status: number }[] = [];

beforeAll(async () => {
  ctx = await createContext({ content, now: () => new Date("2026-11-26T10:00:00Z") });
  const questions = await loadQuestionBank(ctx);
  exam = await openExamContext(ctx, { databaseUrl: ":memory:", questions });
  app = createApp(ctx, { exam });
  doc = await (await app.request("/api/openapi.json")).json();
});
afterAll(() => exam?.close());

const METHODS = ["get", "put", "post", "delete", "patch"] as const;
function operations(): { method: string; path: string; op: Json }[] {
  const out: { method: string; path: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>))
    for (const m of METHODS) if (item[m]) out.push({ method: m, path, op: item[m] });
  return out;
}

/** A schema with its $refs to components inlined, so it can be checked on its own. */
function deref(schema: Json, depth = 0): Json {
  if (depth > 20 || schema === null || typeof schema !== "object") return schema;
  if (Array.isArray(schema)) return schema.map((s) => deref(s, depth + 1));
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return deref(doc.components.schemas[name], depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, deref(v, depth + 1)]));
}

async function check(
  method: string,
  path: string,
  docPath: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Json> {
  const res = await app.request(path, {
    method: method.toUpperCase(),
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await res.text();
  const op = doc.paths[docPath]?.[method];
  const where = `${method.toUpperCase()} ${path} → ${res.status}`;
  expect(op, `${where}: route not in the OpenAPI document`).toBeTruthy();
  const declared = op.responses[String(res.status)];
  expect(
    declared,
    `${where}: status not declared (declared: ${Object.keys(op.responses).join(", ")})`,
  ).toBeTruthy();
  seen.push({ method, path: docPath, status: res.status });
  const schema = declared.content?.["application/json"]?.schema;
  const json = text ? JSON.parse(text) : undefined;
  if (schema) {
    const result = z.fromJSONSchema(deref(schema)).safeParse(json);
    expect(
      result.success,
      `${where}: body does not match the schema: ${result.error?.message}\n${text.slice(0, 300)}`,
    ).toBe(true);
  }
  return json;
}

/** Known-good values for path parameters, made from a real attempt. */
async function fixtures(): Promise<Record<string, string>> {
  const started: Json = await (
    await app.request("/api/attempts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ exam: "CLF-C02", mode: "practice", count: 3 }),
    })
  ).json();
  return { id: started.id, questionId: started.questions[0].id };
}

const SAMPLES: Record<string, string[]> = {
  "post /api/advice": [
    JSON.stringify({ role: "developer", awsExperience: 1 }),
    JSON.stringify({ role: "developer", awsExperience: 1, held: ["SAA-C3"] }),
    JSON.stringify({ role: "developer", awsExperience: 1, stack: ["lamda"] }),
  ],
  "post /api/attempts": [
    JSON.stringify({ exam: "CLF-C02", mode: "exam" }),
    JSON.stringify({ exam: "XYZ-C01" }),
    JSON.stringify({ exam: "ANS-C01" }),
    JSON.stringify({ exam: "CLF-C02", mode: "drill", mistakes: true }),
  ],
  "put /api/attempts/{id}/answers/{questionId}": [
    JSON.stringify({ selected: ["nope"] }),
    JSON.stringify({ flagged: true }),
  ],
};

describe("OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema (swagger-parser)", async () => {
    // validate() dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it("is a well-formed OpenAPI 3.1 document", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const ids = new Set<string>();
    for (const { method, path, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path.startsWith("/"), where).toBe(true);
      const codes = Object.keys(op.responses ?? {});
      expect(codes.length, `${where} has responses`).toBeGreaterThan(0);
      for (const code of codes) {
        expect(code, `${where}: explicit status codes only`).toMatch(/^[1-5]\d\d$/);
        expect(op.responses[code].description, `${where} ${code} has a description`).toBeTruthy();
      }
      for (const name of path.match(/\{[^}]+\}/g) ?? []) {
        const p = (op.parameters ?? []).find((x: Json) => x.in === "path" && `{${x.name}}` === name);
        expect(p?.required, `${where}: path parameter ${name} is declared and required`).toBe(true);
      }
      if (op.operationId) {
        expect(ids.has(op.operationId), `${where}: unique operationId`).toBe(false);
        ids.add(op.operationId);
      }
    }
    // Every $ref points at a component that exists.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) {
      const name = r.slice(8, -1).replace("#/components/schemas/", "");
      expect(doc.components?.schemas?.[name], r).toBeTruthy();
    }
  });

  it("lists every API route the server answers, /api/health and the document itself included", () => {
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    const served = app.routes
      .filter(
        (r) =>
          r.path.startsWith("/api/") &&
          !r.path.includes("*") &&
          METHODS.includes(r.method.toLowerCase() as never),
      )
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    expect(served).toContain("get /api/health");
    for (const s of served) expect(documented.has(s), `${s} is not in the OpenAPI document`).toBe(true);
  });

  it("declares every status the routes really answer, with bodies that match the schemas", async () => {
    const good = await fixtures();
    for (const { method, path, op } of operations()) {
      const fill = (values: Record<string, string>, fallback: string) =>
        path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? fallback));
      const hasBody = Boolean(op.requestBody);
      const bodies = SAMPLES[`${method} ${path}`] ?? [hasBody ? "{}" : undefined];
      for (const body of bodies) await check(method, fill(good, "SAA-C03"), path, hasBody ? body : undefined);
      if (path.includes("{"))
        await check(method, fill({}, "no-such-thing"), path, hasBody ? "{}" : undefined);
      // The request guard: a foreign Host, a change sent by another site, a body that is not JSON.
      await check(method, fill(good, "SAA-C03"), path, hasBody ? "{}" : undefined, { host: "evil.example" });
      if (method !== "get")
        await check(method, fill(good, "SAA-C03"), path, hasBody ? "{}" : undefined, {
          "sec-fetch-site": "cross-site",
          origin: "https://evil.example",
        });
      if (hasBody) {
        await check(method, fill(good, "SAA-C03"), path, "{}", { "content-type": "text/plain" });
        await check(method, fill(good, "SAA-C03"), path, "{not json");
        await check(method, fill(good, "SAA-C03"), path, JSON.stringify({ pad: "x".repeat(70 * 1024) }));
      }
      const query = (op.parameters ?? []).filter((p: Json) => p.in === "query");
      if (query.length > 0) {
        const bad = query
          .map((p: Json) => `${p.name}=${p.name === "on" ? "2024-02-30" : "no-such-value"}`)
          .join("&");
        await check(method, `${fill(good, "SAA-C03")}?${bad}`, path);
      }
    }
    // The probes reached the interesting statuses, not only 200s.
    const statuses = new Set(seen.map((s) => s.status));
    for (const s of [200, 400, 403, 404, 413, 415, 421])
      expect(statuses.has(s), `some probe answered ${s}`).toBe(true);
  });
});
