import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Certification } from "../core/catalog/catalog-types.js";
import { content } from "../test/fixtures.js";
import { addTaskStatements } from "./task-statements.js";

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "certpath-tasks-"));
  mkdirSync(join(root, "task-statements"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "task-statements", name), text);
  return root;
}
const certs = (): Certification[] => structuredClone(content.catalog.certifications);

describe("task statements", () => {
  it("adds each exam guide's task statements to its domains", () => {
    const list = certs();
    const root = folder({
      "SAA-C03.yaml": `exam: SAA-C03\nsource: https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/x.html\nverifiedOn: 2026-11-30\ndomains:\n  "1":\n    - "Task 1.1: Design secure access to AWS resources."\n`,
    });
    expect(addTaskStatements(root, list, (f) => f)).toEqual([]);
    const saa = list.find((c) => c.versions.some((v) => v.code === "SAA-C03"));
    expect(saa?.versions.find((v) => v.code === "SAA-C03")?.domains[0]?.tasks).toEqual([
      "Task 1.1: Design secure access to AWS resources.",
    ]);
  });

  it("reports unknown exams and domains and misnamed files with file:line", () => {
    const root = folder({
      "SAA-C03.yaml": `exam: SAA-C03\nsource: https://docs.aws.amazon.com/x\nverifiedOn: 2026-11-30\ndomains:\n  "9":\n    - "Task 9.1: Nothing."\n`,
      "XYZ.yaml": `exam: CLF-C02\nsource: https://docs.aws.amazon.com/x\nverifiedOn: 2026-11-30\ndomains: {}\n`,
      "notes.txt": "x",
    });
    const problems = addTaskStatements(root, certs(), (f) => f.slice(root.length + 1));
    expect(problems).toEqual([
      {
        file: "task-statements/SAA-C03.yaml",
        line: 6,
        message: 'SAA-C03 has no domain "9" (domains: 1, 2, 3, 4)',
      },
      { file: "task-statements/XYZ.yaml", line: 1, message: "exam CLF-C02 belongs in CLF-C02.yaml" },
      {
        file: "task-statements/notes.txt",
        line: 1,
        message: "only .yaml files belong in content/task-statements",
      },
    ]);
  });
});
