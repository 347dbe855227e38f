import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createContext, loadQuestionBankChecked } from "../compose.js";
import { lintBank } from "../core/bank/bank-lint.js";
import { content } from "../test/fixtures.js";
import { loadQuestionFiles } from "./load-questions.js";

// A draft (draft: true) may lack what an import cannot know (explanations, references, services, domain): it
// loads, lint reports it as a draft with its current problems (not as an error), and the bank still starts.

const dir = mkdtempSync(join(tmpdir(), "certpath-draft-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, "CLF-C02", "imported.yaml");
mkdirSync(join(dir, "CLF-C02"));
const yaml = `format: certpath/questions@1
exam: CLF-C02
examGuide: CLF-C02
questions:
  - id: imported-draft
    draft: true
    problems: ["references: at least one AWS documentation reference"]
    type: multiple-choice
    services: []
    stem: Which service runs code without servers?
    options:
      - { id: a, text: AWS Lambda, correct: true }
      - { id: b, text: Amazon EC2 }
    references: []
    verifiedOn: 2026-11-30
    note: Imported from quiz.gift
`;

describe("draft questions in a bank", () => {
  it("load with the relaxed schema and report what keeps them drafts", async () => {
    writeFileSync(file, yaml);
    const load = loadQuestionFiles([file]);
    expect(load.problems).toEqual([]);
    expect(load.questions[0]?.question).toMatchObject({ id: "imported-draft", draft: true, domain: "" });
    const lint = lintBank(load.questions, content.catalog, "2026-11-30");
    expect(lint.problems).toEqual([]);
    expect(lint.drafts).toHaveLength(1);
    expect(lint.drafts[0]?.problems).toEqual(
      expect.arrayContaining([
        "options a, b: no explanation; write why each one is right or wrong",
        "services: tag at least one AWS service",
        "references: at least one AWS documentation reference",
        "multiple choice needs at least 4 options, has 2",
        "no domain: set domain to one of 1, 2, 3, 4 (certpath show CLF-C02)",
      ]),
    );
    // Drafts count in no exam summary: they are never served.
    expect(lint.summaries).toEqual([]);
    const ctx = await createContext({ content, now: () => new Date("2026-11-30T10:00:00Z") });
    const bank = await loadQuestionBankChecked(ctx, dir);
    expect(bank.map((q) => [q.id, q.draft])).toEqual([["imported-draft", true]]);
  });

  it("a question that is not a draft still needs every field", () => {
    writeFileSync(file, yaml.replace("    draft: true\n", "").replace(/ {4}problems:.*\n/, ""));
    const load = loadQuestionFiles([file]);
    expect(load.questions).toEqual([]);
    expect(load.problems.map((p) => p.message).join("\n")).toMatch(/explanation/);
  });
});
