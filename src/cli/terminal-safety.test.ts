import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext, openExamContext } from "../compose.js";
import { contentRoot } from "../content/content-root.js";
import { loadQuestionFiles, questionFiles } from "../content/load-questions.js";
import { cliBin } from "../test/run-cli.js";
import { terminalSafe } from "./safe-text.js";

// Question text that tries to drive the terminal: OSC 52 clipboard write, window title, clear screen,
// a hidden hyperlink, a colour, a C1 CSI and a bare carriage return. YAML's "\e" and "\a" are ESC and BEL.
const HOSTILE = String.raw`\e]52;c;Y3VybCBldmlsfHNo\a\e]0;pwned\a\e[2J\e[31m\e]8;;https://evil.example\e\\link\e]8;;\e\\\x9b1m\r`;
const dir = mkdtempSync(join(tmpdir(), "certpath-escape-"));
const content = join(dir, "content");
const db = join(dir, "attempts.db");
let submitted = "";

const exec = promisify(execFile);
async function run(...args: string[]) {
  try {
    const r = await exec("node", [cliBin(), ...args], {
      env: {
        ...process.env,
        CERTPATH_CONTENT: content,
        CERTPATH_CACHE_DIR: join(dir, "cache"),
        NO_COLOR: "",
      },
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

beforeAll(async () => {
  cpSync(contentRoot(), content, { recursive: true });
  const folder = join(content, "questions", "CLF-C02");
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    const text = readFileSync(file, "utf8").replace(
      /^(\s+(?:- )?(?:text|explanation): )(.+)$/gm,
      (_, key: string, value: string) =>
        `${key}"${HOSTILE}${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`,
    );
    writeFileSync(file, text);
  }
  const cert = join(content, "catalog", "cloud-practitioner.yaml");
  writeFileSync(
    cert,
    readFileSync(cert, "utf8").replace(/^name: (.+)$/m, (_, n: string) => `name: "${HOSTILE}${n}"`),
  );
  // An attempt over those questions, submitted, as if the bank had been accepted when it was taken.
  const ctx = await createContext();
  const questions = loadQuestionFiles(questionFiles(join(content, "questions"))).questions.map(
    (q) => q.question,
  );
  const exam = await openExamContext(ctx, { databaseUrl: db, questions });
  try {
    const a = await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "exam", count: 5, seed: "esc" });
    for (const q of a.questions) await exam.exams.answer(a.id, q.id, { selected: [q.options[0]?.id ?? "a"] });
    submitted = (await exam.exams.submit(a.id)).id;
  } finally {
    await exam.close();
  }
});

describe("text from content never drives the terminal", () => {
  it("strips escape sequences and control characters but keeps the words, tabs and newlines", () => {
    const hostile =
      "\x1b]52;c;Y3VybA==\x07\x1b]0;t\x1b\\\x1b[2J\x1b[31mred\x1b[0m \x1b]8;;https://e\x1b\\link\x1b]8;;\x1b\\\x9b1m\r\x00ok\tend\nnext\u202e";
    expect(terminalSafe(hostile)).toBe("red linkok\tend\nnext");
    expect(terminalSafe("plain text")).toBe("plain text");
  });

  it("bank lint, review, catalog and show print no ESC byte from content, piped", async () => {
    const runs = [
      await run("bank", "lint", join(content, "questions", "CLF-C02")),
      await run("review", submitted, "--db", db),
      await run("review", submitted, "--db", db, "--json"),
      await run("catalog"),
      await run("show", "CLF-C02"),
      await run("history", "--db", db),
    ];
    for (const r of runs) {
      expect(r.out).not.toContain("\x1b");
      expect(r.out).not.toContain("\x07");
      expect(r.out).not.toContain("\x9b");
      expect(r.out).not.toMatch(/\r/);
    }
    expect(runs[4]?.out).toContain("AWS Certified Cloud Practitioner");
  });
});
