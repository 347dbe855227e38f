import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentRoot } from "./content-root.js";
import { CONTENT_LIMITS, loadQuestionFiles, scanQuestionFiles } from "./load-questions.js";

const header = (exam: string) => [
  "format: certpath/questions@1",
  `exam: ${exam}`,
  `examGuide: ${exam}`,
  "questions:",
];
const question = (
  i: number,
  stem = `A company needs durable storage for scenario number ${i}. What should it use?`,
) =>
  [
    `  - id: q-${i}`,
    '    domain: "3"',
    "    type: multiple-choice",
    "    services: [s3]",
    `    stem: ${JSON.stringify(stem)}`,
    "    options:",
    ...["a", "b", "c", "d"].map(
      (id) =>
        `      - { id: ${id}, text: Option ${id}, correct: ${id === "a"}, explanation: Why option ${id} fits or not. }`,
    ),
    "    references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html]",
    "    verifiedOn: 2026-11-26",
  ].join("\n");

function bank(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "certpath-bounds-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function problems(dir: string): string[] {
  const scan = scanQuestionFiles(dir);
  const load = loadQuestionFiles(scan.files);
  return [...scan.problems, ...load.problems].map(
    (p) => `${p.file.split("/").slice(-2).join("/")}:${p.line}: ${p.message}`,
  );
}

describe("bounded content: every limit is a file:line error", () => {
  it("refuses a 50 MB question file before reading it", () => {
    const big = Buffer.alloc(50 * 1024 * 1024, "a");
    big.write([...header("CLF-C02"), question(1, "x".repeat(100))].join("\n"));
    const dir = bank({ "CLF-C02/huge.yaml": big });
    const before = process.memoryUsage().rss;
    const found = problems(dir);
    expect(found).toEqual([
      "CLF-C02/huge.yaml:1: the file is 50.0 MB; a question file may be at most 4 MB: split it into several files",
    ]);
    // Nothing of the file was read into memory (far less than the file's 50 MB).
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
  });

  it("refuses a file with more questions than the per-file limit, at the first question too many", () => {
    const n = CONTENT_LIMITS.questionsPerFile + 1;
    const text = [...header("CLF-C02"), ...Array.from({ length: n }, (_, i) => question(i))].join("\n");
    const found = problems(bank({ "CLF-C02/many.yaml": text }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(
        `^CLF-C02/many\\.yaml:\\d+: the file has ${n} questions; a question file may hold at most 2000`,
      ),
    );
    const line = Number(found[0]?.split(":")[1]);
    expect(text.split("\n")[line - 1]).toBe(`  - id: q-${CONTENT_LIMITS.questionsPerFile}`);
  });

  it("refuses a text field longer than the limit at its own line", () => {
    const text = [...header("CLF-C02"), question(1), question(2, `Long ${"words ".repeat(3000)}?`)].join(
      "\n",
    );
    const found = problems(bank({ "CLF-C02/long.yaml": text }));
    expect(found).toEqual([
      `CLF-C02/long.yaml:21: stem: the text is ${`Long ${"words ".repeat(3000)}?`.length} characters; a text field may have at most 10000`,
    ]);
  });

  it("reports files with an unknown extension (even .YAML) instead of skipping them", () => {
    const ok = [...header("CLF-C02"), question(1)].join("\n");
    const found = problems(
      bank({
        "CLF-C02/a.yaml": ok,
        "CLF-C02/b.YAML": ok,
        "CLF-C02/c.json": "{}",
        "README.md": "# notes",
        ".gitkeep": "",
      }),
    );
    expect(found).toEqual([
      'CLF-C02/b.YAML:1: ".YAML" is not a question file extension: question files end in .yaml (lower case); rename it to b.yaml',
      'CLF-C02/c.json:1: ".json" is not a question file extension: question files end in .yaml (lower case); move other files out of the content folder',
    ]);
  });

  it("requires a file's exam to match its folder", () => {
    const found = problems(bank({ "CLF-C02/saa.yaml": [...header("SAA-C03"), question(1)].join("\n") }));
    expect(found).toEqual([
      "CLF-C02/saa.yaml:2: exam is SAA-C03 but the file is in the folder CLF-C02: move the file to questions/SAA-C03/ or correct exam",
    ]);
  });

  it("the shipped bank is within every bound", () => {
    expect(problems(join(contentRoot(), "questions"))).toEqual([]);
    expect(
      readFileSync(join(contentRoot(), "questions", "CLF-C02", "d1-a.yaml"), "utf8").length,
    ).toBeLessThan(CONTENT_LIMITS.fileBytes);
  });
});
