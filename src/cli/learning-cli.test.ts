import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createContext, openExamContext } from "../compose.js";
import type { QuestionView } from "../core/exam/attempt.js";
import { cli } from "../test/run-cli.js";

// These run the built CLI as a user would (`npm test` builds first).
const dir = mkdtempSync(join(tmpdir(), "certpath-learning-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Answers a practice set through the library so the CLI has history to read. */
async function practise(db: string, count: number) {
  const ctx = await createContext();
  const exam = await openExamContext(ctx, { databaseUrl: db });
  try {
    const a = await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "practice", count, seed: "cli" });
    for (const q of a.questions as QuestionView[]) {
      const answer =
        q.type === "matching"
          ? { pairs: (q.prompts ?? []).map((p) => [p.id, q.options[0]?.id ?? ""] as [string, string]) }
          : { selected: q.options.slice(0, q.select ?? 1).map((o) => o.id) };
      await exam.exams.answer(a.id, q.id, answer);
    }
  } finally {
    await exam.close();
  }
}

describe("certpath readiness, plan and review-due", () => {
  const db = join(dir, "learning.db");

  it("readiness asks for answers first, then gives a probability and an interval", async () => {
    const empty = await cli("readiness", "CLF-C02", "--db", db);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/Answer 20 more questions of CLF-C02/);
    await practise(db, 30);
    const r = await cli("readiness", "cloud practitioner", "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Chance of passing a fresh full form today: (under 1%|over 99%|\d+%)/);
    expect(r.stdout).toMatch(/80% interval \d+–\d+\); pass mark 700/);
    const json = JSON.parse((await cli("readiness", "CLF-C02", "--json", "--db", db)).stdout);
    expect(json).toMatchObject({ exam: "CLF-C02", answered: 30, passingScore: 700 });
    expect(json.passProbability).toBeGreaterThanOrEqual(0);
    const bad = await cli("readiness", "CLF-C99", "--db", db);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/CLF-C02/);
  });

  it("plan prints weeks within the hours, writes an iCalendar file and rejects bad input with exit 2", async () => {
    const ics = join(dir, "plan.ics");
    const r = await cli(
      "plan",
      "CLF-C02",
      "--by",
      "2027-02-01",
      "--hours-per-week",
      "5",
      "--start",
      "2026-12-01",
      "--ics",
      ics,
      "--db",
      db,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Study plan CLF-C02: 2026-12-01 to 2027-02-01, 5 h\/week/);
    expect(r.stdout).toMatch(/Week of 2026-11-30 · [\d.]+ h/);
    expect(r.stdout).toMatch(/\$ certpath exam CLF-C02/);
    const text = readFileSync(ics, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toMatch(/BEGIN:VEVENT\r\nUID:plan-/);
    const json = JSON.parse(
      (await cli("plan", "CLF-C02", "--by", "2027-02-01", "--hours-per-week", "5", "--json", "--db", db))
        .stdout,
    );
    for (const w of json.weeks) expect(w.minutes).toBeLessThanOrEqual(300);
    for (const [args, message] of [
      [["CLF-C02", "--by", "2027-02-30", "--hours-per-week", "5"], /--by takes a real date/],
      [["CLF-C02", "--by", "2027-02-01", "--hours-per-week", "100"], /--hours-per-week "100" is not valid/],
      [["CLF-C02", "--hours-per-week", "5"], /--by is required/],
      [["--by", "2027-02-01", "--hours-per-week", "5"], /name the exam to plan for/],
    ] as const) {
      const bad = await cli("plan", ...args, "--db", db);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toMatch(message);
    }
  });

  it("review-due lists due questions as JSON and says plainly when nothing is due", async () => {
    const fresh = join(dir, "fresh.db");
    const none = await cli("review-due", "--db", fresh);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/Nothing is due for review today/);
    const json = JSON.parse((await cli("review-due", "CLF-C02", "--json", "--db", db)).stdout);
    expect(json.exam).toBe("CLF-C02");
    expect(json.cards.length).toBeGreaterThan(0);
    expect(json.cards.every((c: { due: string }) => /^\d{4}-\d{2}-\d{2}$/.test(c.due))).toBe(true);
  });
});
