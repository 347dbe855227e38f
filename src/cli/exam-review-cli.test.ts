import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, openExamContext } from "../compose.js";
import type { QuestionView } from "../core/exam/attempt.js";
import { cli, withColumns } from "../test/run-cli.js";

// Issue 7 items 20 and 21 in the built CLI: review filters, wrapping to the terminal, exam input errors.
const dir = mkdtempSync(join(tmpdir(), "certpath-review-cli-"));
const db = join(dir, "attempts.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function firstOption(q: QuestionView) {
  if (q.type === "matching")
    return { pairs: (q.prompts ?? []).map((p) => [p.id, q.options[0]?.id ?? ""] as [string, string]) };
  if (q.type === "ordering") return { selected: q.options.map((o) => o.id) };
  return { selected: q.options.slice(0, q.select ?? 1).map((o) => o.id) };
}

describe("certpath review filters and wrapping", () => {
  let id = "";
  let flaggedIds: string[] = [];
  beforeAll(async () => {
    const ctx = await createContext();
    const exam = await openExamContext(ctx, { databaseUrl: db });
    try {
      const a = await exam.exams.start(exam.learner, { exam: "SAA-C03", mode: "exam", seed: "filters" });
      id = a.id;
      // Half answered (some right by chance, most wrong), two flagged.
      for (const q of a.questions.slice(0, 30)) await exam.exams.answer(a.id, q.id, firstOption(q));
      flaggedIds = a.questions.slice(3, 5).map((q) => q.id);
      for (const q of flaggedIds) await exam.exams.answer(a.id, q, { flagged: true });
      await exam.exams.submit(a.id);
    } finally {
      await exam.close();
    }
  });

  it("--wrong keeps only questions answered wrong or not at all, with their numbers in the attempt", async () => {
    const all = JSON.parse((await cli("review", id, "--json", "--db", db)).stdout);
    const r = await cli("review", id, "--wrong", "--json", "--db", db);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    const wrong = all.questions.filter((q: { correct: boolean }) => !q.correct).length;
    expect(body.questions).toHaveLength(wrong);
    expect(wrong).toBeLessThan(65);
    expect(body.questions.every((q: { correct: boolean }) => !q.correct)).toBe(true);
    const text = await cli("review", id, "--wrong", "--db", db);
    expect(text.stdout).toContain(`${wrong} of 65 questions are answered wrong or not at all`);
  });

  it("--flagged and --domain narrow the list; they combine", async () => {
    const f = JSON.parse((await cli("review", id, "--flagged", "--json", "--db", db)).stdout);
    expect(f.questions.map((q: { id: string }) => q.id)).toEqual(flaggedIds);
    expect(f.questions.map((q: { number: number }) => q.number)).toEqual([4, 5]);
    const d = JSON.parse((await cli("review", id, "--domain", "2", "--json", "--db", db)).stdout);
    expect(d.questions.length).toBeGreaterThan(0);
    expect(d.questions.every((q: { domain: string }) => q.domain === "2")).toBe(true);
    const both = JSON.parse(
      (await cli("review", id, "--domain", "1,3", "--wrong", "--json", "--db", db)).stdout,
    );
    expect(
      both.questions.every((q: { domain: string; correct: boolean }) => q.domain !== "2" && !q.correct),
    ).toBe(true);
  });

  it("an unknown --domain exits 2 and lists the attempt's domains", async () => {
    const r = await cli("review", id, "--domain", "9", "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--domain "9".*1 \(Design Secure Architectures\)/);
  });

  it.each([60, 120])("wraps the report and review to %i columns without breaking words", async (columns) => {
    const r = await withColumns(columns, () => cli("review", id, "--db", db));
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    const words = new Set(r.stdout.split(/\s+/));
    for (const line of lines) {
      // A single word longer than the line (a URL) stands alone, whole.
      if (line.length > columns) expect(line.trim()).not.toMatch(/\s/);
    }
    // Words of the explanations survive whole: nothing is cut mid-word at the margin.
    expect(words.has("Architectures")).toBe(true);
    expect(lines.some((l) => l.length > columns - 15)).toBe(true);
  });
});

describe("certpath exam: what it names is checked first (issue 7 item 21)", () => {
  it("a retired exam exits 2 and names its successor", async () => {
    for (const code of ["MLS-C01", "DAS-C01"]) {
      const r = await cli("exam", code, "--db", join(dir, "x.db"));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/retired/);
      expect(r.stderr).not.toMatch(/interactive terminal/);
    }
    expect((await cli("exam", "MLS-C01")).stderr).toContain("MLA-C01");
  });

  it("--domain 9 lists the valid domains; --service lamda suggests lambda", async () => {
    const d = await cli("exam", "SAA-C03", "--domain", "9");
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(
      /--domain: SAA-C03 has no domain "9"\. Its domains are: 1 \(Design Secure Architectures\)/,
    );
    const s = await cli("exam", "DVA-C02", "--mode", "drill", "--service", "lamda");
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--service: unknown AWS service "lamda"\. Did you mean lambda/);
  });
});
