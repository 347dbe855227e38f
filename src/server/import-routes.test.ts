import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { examApp, type Json } from "../test/exam-app.js";

const importsDir = mkdtempSync(join(tmpdir(), "certpath-imports-"));
beforeAll(() => {
  process.env.CERTPATH_IMPORTS_DIR = importsDir;
});
const { state } = examApp();
const ORIGIN = "http://localhost";
const gift = readFileSync(join(import.meta.dirname, "../test/fixtures/import/storage.gift"));

function form(fields: Record<string, string>, files: { name: string; bytes: Uint8Array | string }[]) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append("files", new Blob([file.bytes]), file.name);
  return f;
}

async function upload(body: FormData, headers: Record<string, string> = { origin: ORIGIN }) {
  const res = await state.app.request("/api/author/imports", {
    method: "POST",
    headers: { host: "localhost", ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const get = async (path: string) => {
  const res = await state.app.request(path, { headers: { host: "localhost" } });
  return { status: res.status, body: (await res.json()) as Json, res };
};

/** Polls the job the way the page does until it leaves queued/running. */
async function settled(id: string): Promise<Json> {
  const seen: Json[] = [];
  for (let i = 0; i < 200; i++) {
    const { body } = await get(`/api/author/imports/${id}`);
    seen.push(body);
    if (body.status !== "queued" && body.status !== "running") return { ...body, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`import ${id} did not finish`);
}

describe("import uploads are same-origin only", () => {
  it("a cross-site multipart upload is refused and creates no job", async () => {
    const r = await upload(form({ format: "gift" }, [{ name: "a.gift", bytes: gift }]), {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("request.cross_site");
    const other = await upload(form({ format: "gift" }, [{ name: "a.gift", bytes: gift }]), {
      origin: "https://evil.example",
    });
    expect(other.body.error.code).toBe("request.cross_origin");
  });

  it("a multipart upload with neither Origin nor Sec-Fetch-Site is refused (it cannot prove where it comes from)", async () => {
    const r = await upload(form({ format: "gift" }, [{ name: "a.gift", bytes: gift }]), {});
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("request.origin_required");
  });

  it("multipart is accepted on the upload route only: other state changes stay JSON-only", async () => {
    const res = await state.app.request("/api/attempts", {
      method: "POST",
      headers: { host: "localhost", origin: ORIGIN },
      body: form({ exam: "CLF-C02" }, []),
    });
    expect(res.status).toBe(415);
  });

  it("same-origin by Sec-Fetch-Site alone is enough", async () => {
    const r = await upload(form({ format: "gift" }, [{ name: "a.gift", bytes: gift }]), {
      "sec-fetch-site": "same-origin",
    });
    expect(r.status).toBe(202);
  });
});

describe("bad uploads get 4xx JSON with stable codes", () => {
  it("an unsupported format is 400 naming the field and the formats", async () => {
    const r = await upload(form({ format: "docx" }, [{ name: "a.docx", bytes: "x" }]));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "import.unsupported_format", field: "format" });
    expect(r.body.error.allowed).toContain("gift");
  });

  it("an unknown exam is 400; no files is 400", async () => {
    const r = await upload(form({ format: "gift", exam: "XYZ-C09" }, [{ name: "a.gift", bytes: gift }]));
    expect(r.body.error).toMatchObject({ code: "import.unknown_exam", field: "exam" });
    const none = await upload(form({ format: "gift" }, []));
    expect(none.status).toBe(400);
    expect(none.body.error.code).toBe("import.no_files");
  });

  it("an upload over 10 MB is 413", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(65);
    const r = await upload(form({ format: "gift" }, [{ name: "big.gift", bytes: big }]));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toMatch(/too_large$/);
  });

  it("JSON to the upload route is 415 with what to send", async () => {
    const res = await state.app.request("/api/author/imports", {
      method: "POST",
      headers: { host: "localhost", origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ format: "gift" }),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as Json).error.message).toMatch(/multipart/);
  });

  it("an unknown job is 404; an export in an unknown format is 400", async () => {
    const r = await get("/api/author/imports/no-such-job");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("import.not_found");
    const e = await get("/api/author/exports?exam=SAA-C03&format=docx");
    expect(e.status).toBe(400);
    expect(e.body.error.field).toBe("format");
    const n = await get("/api/author/exports?exam=XYZ-C09&format=gift");
    expect(n.status).toBe(404);
  });
});

describe("an import job", () => {
  it("is stored, converts with progress, and its status answers from the database", async () => {
    const r = await upload(
      form({ format: "gift", exam: "SAA-C03" }, [{ name: "storage.gift", bytes: gift }]),
    );
    expect(r.status).toBe(202);
    const job = await settled(r.body.id);
    expect(job.progress).toEqual({ done: 1, total: 1 });
    expect(["done", "failed"]).toContain(job.status);
  });
});
