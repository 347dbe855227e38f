import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadQuestionFiles } from "./load-questions.js";

const option = (id: string, correct = false) =>
  `      - id: ${id}\n        text: Option ${id} for the case\n${correct ? "        correct: true\n" : ""}        explanation: Why option ${id} is right or wrong here.\n`;
const q = (id: string, caseStudy: string) =>
  `  - id: ${id}\n    caseStudy: ${caseStudy}\n    domain: "1"\n    type: multiple-choice\n    services: [s3]\n    stem: Which storage class fits the archive described in the case study?\n    options:\n${option("a", true)}${option("b")}${option("c")}${option("d")}    references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html]\n    verifiedOn: 2026-11-30\n`;
const scenario =
  "A regional newspaper keeps 40 years of scanned pages, adds 2 TB a month and must keep every page for 30 years under its archive policy.";

function file(text: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "certpath-cs-")), "CLF-C02");
  mkdirSync(dir);
  const path = join(dir, "cs-a.yaml");
  writeFileSync(path, text);
  return path;
}

describe("case studies in question files", () => {
  it("attach the shared scenario to each of their questions", () => {
    const path = file(
      `format: certpath/questions@1\nexam: CLF-C02\nexamGuide: CLF-C02\ncaseStudies:\n  - id: cs-news\n    title: A newspaper archive\n    scenario: ${scenario}\nquestions:\n${q("clf-c02-d1-901", "cs-news")}${q("clf-c02-d1-902", "cs-news")}`,
    );
    const load = loadQuestionFiles([path]);
    expect(load.problems).toEqual([]);
    expect(load.questions.map((x) => x.question.caseStudy)).toEqual([
      { id: "cs-news", title: "A newspaper archive", scenario },
      { id: "cs-news", title: "A newspaper archive", scenario },
    ]);
  });

  it("report an unknown case study and an unused one with the line", () => {
    const path = file(
      `format: certpath/questions@1\nexam: CLF-C02\nexamGuide: CLF-C02\ncaseStudies:\n  - id: cs-news\n    title: A newspaper archive\n    scenario: ${scenario}\nquestions:\n${q("clf-c02-d1-901", "cs-other")}`,
    );
    const messages = loadQuestionFiles([path]).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      '10: clf-c02-d1-901: caseStudy "cs-other" is not in this file\'s caseStudies (cs-news)',
      '5: case study "cs-news" has no question: name it with caseStudy: cs-news in its questions, or remove it',
    ]);
  });
});
