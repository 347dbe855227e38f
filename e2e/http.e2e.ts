import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Served, startServer } from "./harness.js";

// The real Node HTTP server reads JSON bodies on its own fast path: check it behaves as the in-process tests do.
let server: Served;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const send = async (method: string, path: string, body: string, type = "application/json") => {
  const res = await fetch(server.url + path, { method, headers: { "content-type": type }, body });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { code: string } } & Record<string, unknown>,
  };
};

describe("HTTP bodies over a real socket", () => {
  it("saves a valid answer, and answers malformed JSON, wrong shapes and huge bodies with 4xx", async () => {
    const started = await send(
      "POST",
      "/api/attempts",
      JSON.stringify({ exam: "CLF-C02", mode: "exam", count: 2, seed: "http" }),
    );
    expect(started.status).toBe(201);
    const a = started.body as { id: string; questions: { id: string; options: { id: string }[] }[] };
    const q = a.questions[0]!;
    const path = `/api/attempts/${a.id}/answers/${q.id}`;
    expect((await send("PUT", path, JSON.stringify({ selected: [q.options[0]!.id] }))).body).toEqual({
      saved: true,
    });
    const bad = await send("PUT", path, "{not json");
    expect([bad.status, bad.body.error?.code]).toEqual([400, "request.invalid_json"]);
    const wrong = await send("PUT", path, JSON.stringify({ selected: "a" }));
    expect([wrong.status, wrong.body.error?.code]).toEqual([400, "attempt.invalid_input"]);
    const huge = await send("PUT", path, JSON.stringify({ selected: ["x".repeat(100_000)] }));
    expect([huge.status, huge.body.error?.code]).toEqual([413, "request.too_large"]);
    const text = await send("PUT", path, "selected=a", "text/plain");
    expect(text.status).toBe(415);
    expect(text.body.error?.code).toMatch(/^request\./);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
  });
});
