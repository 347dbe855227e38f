import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, openExamContext } from "../compose.js";
import type { QuestionView } from "../core/exam/attempt.js";
import { cli, cliBin } from "../test/run-cli.js";

// These run the built CLI as a user would (`npm test` builds first).
const bin = cliBin();
const dir = mkdtempSync(join(tmpdir(), "certpath-exam-cli-"));
let dbCount = 0;
const newDb = () => join(dir, `attempts-${++dbCount}.db`);

/** An answer that the service accepts for any question type (right or wrong does not matter here). */
function someAnswer(q: QuestionView) {
  if (q.type === "matching")
    return { pairs: (q.prompts ?? []).map((p) => [p.id, q.options[0]?.id ?? ""] as [string, string]) };
  if (q.type === "ordering") return { selected: q.options.map((o) => o.id) };
  return { selected: q.options.slice(0, q.select ?? 1).map((o) => o.id) };
}

beforeAll(() => {});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("certpath history and review", () => {
  const db = newDb();
  let submittedId = "";
  let openId = "";
  let fullId = "";
  let score = 0;

  beforeAll(async () => {
    const ctx = await createContext();
    const exam = await openExamContext(ctx, { databaseUrl: db });
    try {
      const a = await exam.exams.start(exam.learner, {
        exam: "CLF-C02",
        mode: "exam",
        count: 3,
        seed: "cli-test",
      });
      submittedId = a.id;
      for (const q of a.questions) await exam.exams.answer(a.id, q.id, someAnswer(q));
      const first = a.questions[0];
      if (first) await exam.exams.answer(a.id, first.id, { flagged: true });
      await exam.exams.submit(a.id);
      // A full blueprint form is the one that gets a scaled score and a verdict.
      const full = await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "exam", seed: "cli-full" });
      fullId = full.id;
      for (const q of full.questions.slice(0, 40)) await exam.exams.answer(full.id, q.id, someAnswer(q));
      score = (await exam.exams.submit(full.id)).scaledScore ?? -1;
      openId = (
        await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "practice", count: 2, seed: "open" })
      ).id;
    } finally {
      await exam.close();
    }
  });

  it("history --json lists the attempts newest first, as ExamService.history returns them", async () => {
    const r = await cli("history", "--json", "--db", db);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { attempts: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(["attempts"]);
    expect(body.attempts.map((a) => a.id)).toEqual([openId, fullId, submittedId]);
    expect(body.attempts[1]).toMatchObject({ questions: 65, scaledScore: score, passingScore: 700 });
    // A 3-question exam is no exam form: a percentage, no pass/fail (issue 7 item 14).
    expect(body.attempts[2]).toMatchObject({
      exam: "CLF-C02",
      mode: "exam",
      status: "submitted",
      questions: 3,
      scaledScore: null,
      passed: null,
      passingScore: 700,
    });
    expect(body.attempts[2]?.verdict).toMatch(/No pass\/fail verdict/);
    expect(body.attempts[0]).toMatchObject({
      status: "in-progress",
      mode: "practice",
      scaledScore: null,
      passed: null,
    });
  });

  it("history prints a table with a short id, status and result", async () => {
    const r = await cli("history", "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ID\s+Exam\s+Mode\s+Started\s+Status\s+Score\s+Correct\s+Result/);
    expect(r.stdout).toContain(submittedId.slice(0, 8));
    expect(r.stdout).toMatch(/in progress/);
    expect(r.stdout).toMatch(new RegExp(`submitted\\s+${score}\\s+\\d+/65 \\(\\d+%\\)\\s+(pass|fail)`));
    expect(r.stdout).toMatch(/submitted\s+\d\/3 \(\d+%\)\s+no verdict/);
  });

  it("review --json prints the report and every question with the answer, the key and explanations", async () => {
    const r = await cli("review", submittedId, "--json", "--db", db);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      id: string;
      scaledScore: number;
      domains: unknown[];
      method: string;
      questions: {
        answer: { flagged: boolean } | null;
        correctOptions: unknown;
        options: { explanation: string | null }[];
      }[];
    };
    expect(body.id).toBe(submittedId);
    expect(body.scaledScore).toBeNull();
    expect(body.method).toMatch(/AWS does not publish/);
    expect(body.questions).toHaveLength(3);
    for (const q of body.questions) {
      expect(q.answer).not.toBeNull();
      expect(q.correctOptions).toBeDefined();
      expect(q.options.every((o) => typeof o.explanation === "string")).toBe(true);
    }
    expect(body.questions[0]?.answer?.flagged).toBe(true);
  });

  it("review prints the report and the questions; a unique id prefix works", async () => {
    const r = await cli("review", submittedId.slice(0, 8), "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No pass\/fail verdict/);
    expect(r.stdout).not.toMatch(/Scaled score/);
    const f = await cli("review", fullId.slice(0, 8), "--db", db);
    expect(f.stdout).toMatch(/Scaled score \d+ of 1000 · pass mark 700 · (PASS|FAIL)/);
    expect(r.stdout).toMatch(/Meets competencies|Needs improvement/);
    expect(r.stdout).toContain("Question 3 of 3");
    expect(r.stdout).toMatch(/Your answer: .* · correct answer: /);
  });

  it("review withholds the keys of questions in an exam still in progress, and speaks the attempt's own ids", async () => {
    const ctx = await createContext();
    const exam = await openExamContext(ctx, { databaseUrl: db });
    let running = "";
    try {
      running = (
        await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "exam", retakeOf: submittedId })
      ).id;
      const again = await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "practice", seed: "x" });
      expect(again.questions.map((q) => q.id)).not.toContain(
        (await exam.exams.get(submittedId)).questions[0]?.id,
      );
    } finally {
      await exam.close();
    }
    const r = await cli("review", submittedId, "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Key withheld: this question is in an exam you have in progress.");
    expect(r.stdout).not.toMatch(/correct answer: /);
    const json = JSON.parse((await cli("review", submittedId, "--json", "--db", db)).stdout) as {
      questions: { withheld?: boolean; options: { id: string }[] }[];
    };
    expect(json.questions.every((q) => q.withheld === true)).toBe(true);
    for (const q of json.questions) for (const o of q.options) expect(o.id).toMatch(/^[a-z2-7]{8}$/);
    // Once the exam is submitted the review shows the keys again.
    const done = await openExamContext(ctx, { databaseUrl: db });
    try {
      await done.exams.submit(running);
    } finally {
      await done.close();
    }
    expect((await cli("review", submittedId, "--db", db)).stdout).toMatch(/correct answer: /);
  });

  it("review of an unknown id exits 2 with a clear message", async () => {
    const r = await cli("review", "no-such-attempt", "--json", "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no attempt has the id "no-such-attempt"/);
    expect(r.stderr).toContain("certpath history");
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stdout).toBe("");
  });

  it("review of an attempt in progress exits 2 and says to submit first", async () => {
    const r = await cli("review", openId, "--db", db);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/still in progress: submit it first/);
  });
});

describe("certpath exam", () => {
  it("without a terminal exits 2 and points to the web app and the API", async () => {
    const r = await cli("exam", "CLF-C02", "--db", newDb());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs an interactive terminal/);
    expect(r.stderr).toMatch(/certpath serve/);
    expect(r.stderr).toMatch(/\/api\/attempts/);
  });

  it("rejects a bad --mode or --count before anything starts", async () => {
    expect((await cli("exam", "CLF-C02", "--mode", "quiz")).stderr).toMatch(/--mode "quiz" is not valid/);
    const r = await cli("exam", "CLF-C02", "--count", "0");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--count "0"/);
  });
});

/** The CLI in a pseudo-terminal (util-linux `script`), 80×24, with keys written to it. */
class Pty {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = "";
  readonly exited: Promise<number>;

  constructor(args: string) {
    const cmd = `stty cols 80 rows 24; exec node ${bin} ${args}`;
    this.child = spawn("script", ["-qfec", cmd, "/dev/null"], {
      env: { ...process.env, NO_COLOR: "1", TERM: "xterm" },
    });
    this.child.stdout.on("data", (d: Buffer) => {
      this.raw += d.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code ?? -1)));
  }

  /** Everything shown so far, without escape codes. */
  get text(): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal escape codes
    return this.raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "\n");
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const start = Date.now();
    while (!pattern.test(this.text.slice(Math.max(0, this.text.length - 20_000)))) {
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${pattern}; the screen showed:\n${this.text.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Sends keys and waits until the screen shows `then`. */
  async press(keys: string, then: RegExp): Promise<void> {
    this.raw = "";
    this.child.stdin.write(keys);
    await this.waitFor(then);
  }

  kill() {
    this.child.kill();
  }
}

describe("certpath exam in a terminal", () => {
  it("answers by number keys, flags, submits with confirmation and prints the report; the attempt is stored", async () => {
    const db = newDb();
    const pty = new Pty(`exam CLF-C02 --count 3 --seed pty --db ${db}`);
    try {
      await pty.waitFor(/Question 1 of 3/);
      await pty.waitFor(/Time left \d+:\d\d/);
      // Question 1 asks for two choices: one is incomplete, not answered (issue 7 item 12).
      await pty.press("1", /Answered 0 of 3 {2}· {2}Incomplete 1/);
      await pty.press("2", /Answered 1 of 3 {2}· {2}Flagged 0/);
      await pty.press("f", /Flagged 1/);
      await pty.press("n", /Question 2 of 3/);
      await pty.press("2", /Answered 1 of 3 {2}· {2}Incomplete 1/);
      await pty.press("3", /Answered 2 of 3/);
      await pty.press("\x1b[C", /Question 3 of 3/); // → arrow
      await pty.press("3", /Answered 3 of 3/);
      await pty.press("s", /Submit this attempt\?/);
      expect(pty.text).toMatch(/Flagged \(1\): 1/);
      expect(pty.text).toMatch(/No question is unanswered/);
      await pty.press("y", /No pass\/fail verdict/);
      expect(await pty.exited).toBe(0);
      expect(pty.text).toMatch(/Meets competencies|Needs improvement/);
      expect(pty.text).not.toMatch(/PASS|FAIL/);
      expect(pty.text).toMatch(/certpath review [0-9a-f-]{36}/);
    } finally {
      pty.kill();
    }

    const history = JSON.parse((await cli("history", "--json", "--db", db)).stdout) as {
      attempts: { id: string; status: string; questions: number; scaledScore: number | null }[];
    };
    expect(history.attempts).toHaveLength(1);
    expect(history.attempts[0]).toMatchObject({ status: "submitted", questions: 3 });
    const id = history.attempts[0]?.id ?? "";
    const review = JSON.parse((await cli("review", id, "--json", "--db", db)).stdout) as {
      questions: { answer: { selected: string[]; flagged: boolean } | null }[];
    };
    expect(review.questions.map((q) => q.answer?.selected.length)).toEqual([2, 2, 1]);
    expect(review.questions.map((q) => q.answer?.flagged)).toEqual([true, false, false]);
  });

  it("q leaves without submitting, says how to resume, and --resume continues with the saved answers", async () => {
    const db = newDb();
    const first = new Pty(`exam CLF-C02 --mode practice --count 3 --seed resume --db ${db}`);
    let id = "";
    try {
      await first.waitFor(/Question 1 of 3/);
      await first.press("1", /Correct\.|Incorrect\./); // practice: feedback at once
      await first.press("q", /Resume with:/);
      expect(await first.exited).toBe(0);
      id = /--resume ([0-9a-f-]{36})/.exec(first.text)?.[1] ?? "";
      expect(id).not.toBe("");
    } finally {
      first.kill();
    }
    const history = JSON.parse((await cli("history", "--json", "--db", db)).stdout) as {
      attempts: { status: string }[];
    };
    expect(history.attempts[0]?.status).toBe("in-progress");

    const again = new Pty(`exam CLF-C02 --resume ${id.slice(0, 8)} --db ${db}`);
    try {
      await again.waitFor(/Question 2 of 3/); // continues at the first unanswered question
      expect(again.text).toMatch(/Answered 1 of 3/);
      await again.press("\x03", /Resume with:/); // Ctrl+C leaves too
      expect(await again.exited).toBe(0);
    } finally {
      again.kill();
    }
  });
});
