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
  let id = "";
  it("converts the upload with progress, and answers its preview per file and question", async () => {
    const r = await upload(
      form({ format: "gift", exam: "SAA-C03" }, [{ name: "storage.gift", bytes: gift }]),
    );
    expect(r.status).toBe(202);
    id = r.body.id;
    const job = await settled(id);
    expect(job.status).toBe("done");
    expect(job.progress).toEqual({ done: 1, total: 1 });
    expect(job.seen[0].progress.total).toBe(1);
    const file = job.preview.files[0];
    expect(file).toMatchObject({ file: "storage.gift", status: "ok", fatal: [] });
    // The essay is skipped and named by its line.
    expect(file.unsupported).toEqual([expect.objectContaining({ line: 22, sourceType: "essay" })]);
    expect(file.questions.map((q: Json) => [q.id, q.type, q.key])).toEqual([
      ["s3-durable-ia", "multiple-choice", "A: S3 Standard-Infrequent Access"],
      ["xss-probe", "multiple-choice", "A: Amazon CloudFront"],
      ["raw-markup", "multiple-choice", "A: Amazon CloudFront"],
    ]);
    const probe = file.questions[1];
    expect(probe.draft).toBe(true);
    expect(probe.problems).toContain("multiple choice needs at least 4 options, has 2");
    // Markup from the file never reaches the preview as markup.
    expect(JSON.stringify(job.preview)).not.toMatch(/<script|onerror/i);
    expect(job.preview.totals).toMatchObject({
      files: 1,
      refused: 0,
      questions: 3,
      unsupported: 1,
      conflicts: 0,
    });
  });

  it("a refused file says its line and what to do, and the import writes nothing of it", async () => {
    const broken = "::a:: Which one? {\n=right\n~wrong\n\n::b:: Unclosed { =x ~y\n";
    const r = await upload(
      form({ format: "gift", exam: "SAA-C03" }, [{ name: "broken.gift", bytes: broken }]),
    );
    const job = await settled(r.body.id);
    const file = job.preview.files[0];
    expect(file.status).toBe("refused");
    expect(file.fatal[0]).toMatchObject({ line: expect.any(Number), hint: expect.any(String) });
    expect(file.questions).toEqual([]);
    const c = await state.app.request(`/api/author/imports/${r.body.id}/confirm`, {
      method: "POST",
      headers: { host: "localhost", origin: ORIGIN },
    });
    expect(c.status).toBe(409);
    expect(((await c.json()) as Json).error.code).toBe("import.nothing_to_write");
  });

  it("confirm writes the YAML once into the imports folder; the next start serves it (drafts never)", async () => {
    const confirm = () =>
      state.app.request(`/api/author/imports/${id}/confirm`, {
        method: "POST",
        headers: { host: "localhost", origin: ORIGIN },
      });
    const res = await confirm();
    expect(res.status).toBe(200);
    const job = (await res.json()) as Json;
    expect(job.status).toBe("confirmed");
    expect(job.confirmed.exam).toBe("SAA-C03");
    expect(job.confirmed.written).toHaveLength(1);
    expect(job.confirmed.written[0]).toMatch(/SAA-C03[\\/]import-[^/\\]+[\\/]storage\.yaml$/);
    const again = await confirm();
    expect(again.status).toBe(409);
    expect(((await again.json()) as Json).error.code).toBe("import.already_confirmed");
    const { loadImportedQuestions } = await import("../content/import-output.js");
    const loaded = loadImportedQuestions(importsDir, new Set());
    expect(loaded.map((q) => [q.id, q.exam, q.draft])).toEqual([
      ["s3-durable-ia", "SAA-C03", true],
      ["xss-probe", "SAA-C03", true],
      ["raw-markup", "SAA-C03", true],
    ]);
    // An id the bank already has is skipped with a warning, never served twice.
    const warnings: string[] = [];
    expect(loadImportedQuestions(importsDir, new Set(["xss-probe"]), (m) => warnings.push(m))).toHaveLength(
      2,
    );
    expect(warnings[0]).toMatch(/xss-probe/);
  });

  it("a second upload of the same questions shows the id conflicts and confirm refuses them", async () => {
    const { openExamContext } = await import("../compose.js");
    const { createApp } = await import("./app.js");
    // The restarted server: its bank now holds the confirmed import.
    const restarted = await openExamContext(state.ctx, { databaseUrl: ":memory:" });
    try {
      const app = createApp(state.ctx, { exam: restarted });
      const f = form({ format: "gift", exam: "SAA-C03" }, [{ name: "storage.gift", bytes: gift }]);
      const r = await app.request("/api/author/imports", {
        method: "POST",
        headers: { host: "localhost", origin: ORIGIN },
        body: f,
      });
      const newId = ((await r.json()) as Json).id;
      await restarted.authoring.imports.idle();
      const job = (await (await app.request(`/api/author/imports/${newId}`)).json()) as Json;
      expect(job.preview.totals.conflicts).toBe(3);
      expect(job.preview.files[0].questions[0].problems.at(-1)).toMatch(/already in the bank/);
      const c = await app.request(`/api/author/imports/${newId}/confirm`, {
        method: "POST",
        headers: { host: "localhost", origin: ORIGIN },
      });
      expect(c.status).toBe(409);
      expect(((await c.json()) as Json).error.code).toBe("import.id_conflict");
    } finally {
      await restarted.close();
    }
  });
});

describe("binary packages", () => {
  it("a zipped QTI content package uploads as bytes and converts with its items and image", async () => {
    const { zipSync } = await import("fflate");
    const { readdirSync, statSync } = await import("node:fs");
    const root = join(import.meta.dirname, "../interop/fixtures/qti21/package");
    const files: Record<string, Uint8Array> = {};
    const walk = (dir: string, prefix = "") => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
        else files[`${prefix}${name}`] = new Uint8Array(readFileSync(path));
      }
    };
    walk(root);
    const r = await upload(
      form({ format: "qti", exam: "SAA-C03" }, [{ name: "package.zip", bytes: zipSync(files) }]),
    );
    expect(r.status).toBe(202);
    const job = await settled(r.body.id);
    const file = job.preview.files[0];
    expect(file.status).toBe("ok");
    expect(file.questions.length).toBeGreaterThanOrEqual(4);
    expect(file.unsupported.map((u: Json) => u.sourceType).join(" ")).toMatch(/essay|extended|text/i);
  });
});

describe("export", () => {
  it("downloads an exam's bank as an attachment with the format's content type", async () => {
    const { res } = await get("/api/author/exports?exam=CLF-C02&format=gift").catch(async () => ({
      res: await state.app.request("/api/author/exports?exam=CLF-C02&format=gift"),
    }));
    void res;
    const r = await state.app.request("/api/author/exports?exam=clf-c02&format=gift");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="CLF-C02.gift"');
    const text = await r.text();
    const served = [...state.bank.values()].filter((q) => q.exam === "CLF-C02" && !q.draft);
    expect(Number(r.headers.get("x-certpath-questions"))).toBe(served.length);
    for (const q of served.slice(0, 5)) expect(text).toContain(`::${q.id}::`);
  });

  it.each([
    ["moodle-xml", /^application\/xml/, /\.xml"$/],
    ["udemy-csv", /^text\/csv/, /\.csv"$/],
    ["qti", /^application\/zip/, /\.zip"$/],
  ])("exports %s with its content type", async (format, type, name) => {
    const r = await state.app.request(`/api/author/exports?exam=CLF-C02&format=${format}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(type);
    expect(r.headers.get("content-disposition")).toMatch(name);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    if (format === "qti") expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});
