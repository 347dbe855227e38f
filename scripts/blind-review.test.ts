import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "certpath-blind-"));
const file = join(dir, "q.yaml");
writeFileSync(
  file,
  [
    "format: certpath/questions@1",
    "exam: AIF-C01",
    "examGuide: AIF-C01",
    "questions:",
    ...["one", "two", "three"].flatMap((n) => [
      `  - id: aif-c01-d1-${n}`,
      "    type: ordering",
      "    stem: Put the steps in order.",
      "    items:",
      ...["a", "b", "c", "d", "e"].map(
        (id) => `      - { id: ${id}, text: Step ${id.toUpperCase()} of ${n}, explanation: x }`,
      ),
    ]),
    "  - id: aif-c01-d1-mc",
    "    type: multiple-response",
    "    select: 2",
    "    stem: Choose TWO.",
    "    options:",
    ...["a", "b", "c", "d", "e"].map(
      (id) => `      - { id: ${id}, text: Option ${id}, correct: ${id < "c"}, explanation: x }`,
    ),
    "",
  ].join("\n"),
);
const run = (...args: string[]) =>
  execFileSync("node", ["scripts/blind-review.mjs", ...args], { encoding: "utf8" });

describe("blind-review show", () => {
  it("shows ordering items and options under hashed labels, in hash order: not the key order, not the file's ids", () => {
    const out = run("show", file);
    for (const n of ["one", "two", "three"]) {
      const block = out.split(`### aif-c01-d1-${n}`)[1]?.split("###")[0] ?? "";
      const items = [...block.matchAll(/\[([0-9a-f]{4})\] Step ([A-E])/g)];
      expect(items).toHaveLength(5);
      expect(items.map((m) => m[2]).join("")).not.toBe("ABCDE");
    }
    expect(out).not.toMatch(/\[[a-e]\]|^ {2}[a-e]\) /m);
  });

  it("compare reads the labels back as the file's ids", () => {
    const out = run("show", file);
    const answers: Record<string, string[]> = {};
    for (const n of ["one", "two", "three"]) {
      const block = out.split(`### aif-c01-d1-${n}`)[1]?.split("###")[0] ?? "";
      const label = new Map([...block.matchAll(/\[([0-9a-f]{4})\] Step ([A-E])/g)].map((m) => [m[2], m[1]]));
      answers[`aif-c01-d1-${n}`] = ["A", "B", "C", "D", "E"].map((l) => label.get(l) as string);
    }
    const mc = out.split("### aif-c01-d1-mc")[1] ?? "";
    answers["aif-c01-d1-mc"] = [...mc.matchAll(/([0-9a-f]{4})\) Option ([ab])\b/g)].map(
      (m) => m[1] as string,
    );
    writeFileSync(join(dir, "answers.json"), JSON.stringify(answers));
    expect(run("compare", join(dir, "answers.json"), file)).toMatch(/^4 agree, 0 disagree/);
  });
});
