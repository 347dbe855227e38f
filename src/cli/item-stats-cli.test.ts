import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localActor } from "../app/policy.js";
import { createContext, loadQuestionBank, localIsoDate, openExamContext } from "../compose.js";
import type { Question } from "../core/bank/question-types.js";
import { keyIn, wrongIn } from "../test/attempt-answers.js";
import { cli, withColumns } from "../test/run-cli.js";

// Item statistics and question reports in the built CLI, over a SQLite file made through the use cases.
const dir = mkdtempSync(join(tmpdir(), "certpath-items-cli-"));
const db = join(dir, "items.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("certpath bank stats --items, review --report, bank reports / resolve", () => {
  let bad = "";
  let attemptId = "";
  beforeAll(async () => {
    const ctx = await createContext();
    const bank = new Map((await loadQuestionBank(ctx)).map((q) => [q.id, q]));
    const exam = await openExamContext(ctx, { databaseUrl: db });
    try {
      // Twelve learners take the same ten-question form; strength 11 (first) … 0 (last). Question j > 0 is
      // right for strength ≥ j; question 0 is right only for the WEAK half: strong candidates miss it.
      for (let i = 0; i < 12; i++) {
        const strength = 11 - i;
        const a = await exam.exams.start(`learner-${i}`, {
          exam: "CLF-C02",
          mode: "exam",
          count: 10,
          seed: "same",
        });
        for (const [j, shown] of a.questions.entries()) {
          const q = bank.get(shown.id) as Question;
          const right = j === 0 ? strength < 6 : strength >= j;
          await exam.exams.answer(a.id, shown.id, right ? keyIn(shown, q) : wrongIn(shown, q));
        }
        await exam.exams.submit(a.id);
        bad = a.questions[0]?.id as string;
      }
      // Another exam, so that this attempt never adds an answer to the CLF-C02 figures above.
      const mine = await exam.exams.start(exam.learner, { exam: "SAA-C03", mode: "exam", count: 3 });
      await exam.exams.submit(mine.id);
      attemptId = mine.id;
    } finally {
      await exam.close();
    }
  }, 60_000);

  it("--json flags the question strong candidates miss more than weak ones", async () => {
    const r = await cli("bank", "stats", "--items", "--exam", "clf-c02", "--json", "--db", db);
    const all = await cli("bank", "stats", "--items", "--exam", "CLF-C02", "--all", "--json", "--db", db);
    expect(JSON.parse(all.stdout).items.length).toBe(JSON.parse(all.stdout).questions);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.exam).toBe("CLF-C02");
    const item = body.items.find((i: { questionId: string }) => i.questionId === bad);
    expect(item).toMatchObject({ n: 12, correct: 6, facility: 0.5, lowN: false });
    expect(item.discrimination).toBeLessThan(0);
    expect(item.flags).toContain("negative-discrimination");
    // Flagged items come before unflagged ones.
    const attention = body.items.map((i: { attention: number }) => i.attention);
    expect([...attention].sort((a, b) => b - a)).toEqual(attention);
  });

  it("prints a table at 120 columns and short blocks at 60, never wider than the terminal", async () => {
    for (const columns of [60, 120]) {
      const r = await withColumns(columns, () =>
        cli("bank", "stats", "--items", "--exam", "CLF-C02", "--db", db),
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(bad);
      expect(r.stdout).toContain("strong candidates miss it more");
      for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(columns);
    }
    const wide = await withColumns(120, () =>
      cli("bank", "stats", "--items", "--exam", "CLF-C02", "--db", db),
    );
    expect(wide.stdout).toMatch(/question\s+n\s+right\s+discr\.\s+time/);
  });

  it("is read-only: a missing database is an error that names it, and nothing is created", async () => {
    const missing = join(dir, "nothing-here.db");
    const r = await cli("bank", "stats", "--items", "--db", missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("There is no certpath database");
    expect(existsSync(missing)).toBe(false);
    const wrongExam = await cli("bank", "stats", "--items", "--exam", "XYZ-C01", "--db", db);
    expect([wrongExam.code, wrongExam.stderr]).toEqual([
      2,
      expect.stringContaining('No question bank for exam "XYZ-C01"'),
    ]);
    const withPath = await cli("bank", "stats", "content/questions", "--items", "--db", db);
    expect(withPath.code).toBe(2);
    expect((await cli("bank", "stats", "--exam", "CLF-C02")).code).toBe(2);
  });

  it("a learner reports from the review; an author lists and resolves it", async () => {
    const bad = await cli("review", attemptId, "--report", "9", "--kind", "unclear", "--db", db);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("1 to 3")]);
    const noKind = await cli("review", attemptId, "--report", "1", "--db", db);
    expect(noKind.code).toBe(2);
    const r = await cli(
      "review",
      attemptId,
      "--report",
      "1",
      "--kind",
      "wrong-key",
      "--note",
      "Option 2 is also right",
      "--option",
      "2",
      "--db",
      db,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Reported question 1");
    const list = JSON.parse((await cli("bank", "reports", "--json", "--db", db)).stdout);
    expect(list.reports).toHaveLength(1);
    const [report] = list.reports;
    expect(report).toMatchObject({ kind: "wrong-key", note: "Option 2 is also right", status: "open" });
    expect(report.suggested).toHaveLength(1);
    expect(report.question.options.map((o: { id: string }) => o.id)).toContain(report.suggested[0]);
    const text = await withColumns(60, () => cli("bank", "reports", "--db", db));
    expect(text.stdout).toContain(report.questionId);

    expect((await cli("bank", "resolve", report.id.slice(0, 8), "--db", db)).code).toBe(2);
    const today = localIsoDate(new Date());
    const done = await cli(
      "bank",
      "resolve",
      report.id.slice(0, 8),
      "--change",
      "Reworded option 2 so it fails the cost requirement.",
      "--verified-on",
      today,
      "--db",
      db,
    );
    expect(done.code).toBe(0);
    expect(done.stdout).toContain("resolved");
    const resolved = JSON.parse(
      (await cli("bank", "reports", "--status", "resolved", "--json", "--db", db)).stdout,
    );
    expect(resolved.reports[0]).toMatchObject({ status: "resolved", verifiedOn: today, resolvedBy: "local" });
    expect(JSON.parse((await cli("bank", "reports", "--json", "--db", db)).stdout).reports).toEqual([]);
  });
});

describe("with accounts, the author commands are for authors and admins", () => {
  const accountsDb = join(dir, "accounts.db");
  beforeAll(async () => {
    const exam = await openExamContext(await createContext(), { databaseUrl: accountsDb });
    try {
      for (const [email, role] of [
        ["ada@example.org", "author"],
        ["lee@example.org", "learner"],
      ] as const)
        await exam.accounts.addUser(localActor(), { email, role, password: "a long pass phrase here" });
    } finally {
      await exam.close();
    }
  }, 60_000);

  it("a learner is refused, an author is served", async () => {
    for (const args of [
      ["bank", "stats", "--items"],
      ["bank", "reports"],
    ]) {
      const refused = await cli(...args, "--as", "lee@example.org", "--db", accountsDb);
      expect([refused.code, refused.stderr]).toEqual([
        2,
        expect.stringMatching(/Only authors and admins.*--as EMAIL/),
      ]);
      const served = await cli(...args, "--json", "--as", "ada@example.org", "--db", accountsDb);
      expect(served.code).toBe(0);
    }
  });
});
