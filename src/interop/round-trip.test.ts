import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentRoot } from "../content/content-root.js";
import { loadQuestionFiles, questionFiles } from "../content/load-questions.js";
import type { Question } from "../core/bank/question-types.js";
import type { FormatReader, SourceFile } from "./interop-model.js";
import { readMoodleXml } from "./moodle-xml-reader.js";
import { writeMoodleXml } from "./moodle-xml-writer.js";
import { actualOf, expectedOf, type KeptFields } from "./round-trip-support.js";
import { readUdemyCsv } from "./udemy-csv-reader.js";
import { writeUdemyCsv } from "./udemy-csv-writer.js";
import type { ExportBank, ExportResult } from "./writer-support.js";

// Every shipped bank, exported to each format and read back, keeps stems, options, keys and explanations for every
// type the format can hold.

const load = loadQuestionFiles(questionFiles(join(contentRoot(), "questions")));
const banks = new Map<string, Question[]>();
for (const { question } of load.questions)
  banks.set(question.exam, [...(banks.get(question.exam) ?? []), question]);

interface Case {
  name: string;
  write: (bank: ExportBank) => ExportResult;
  read: FormatReader;
  source: (r: ExportResult) => SourceFile;
  holds: (q: Question) => boolean;
  kept: KeptFields;
}

const cases: Case[] = [
  {
    name: "moodle-xml",
    write: writeMoodleXml,
    read: readMoodleXml,
    source: (r) => ({ file: r.files[0]!.name, text: r.files[0]!.text! }),
    holds: () => true,
    kept: { explanations: { choice: true, ordering: true, matching: false } },
  },
  {
    name: "udemy-csv",
    write: writeUdemyCsv,
    read: readUdemyCsv,
    source: (r) => ({ file: r.files[0]!.name, text: r.files[0]!.text! }),
    holds: (q) => (q.type === "multiple-choice" || q.type === "multiple-response") && q.options.length <= 6,
    kept: { explanations: { choice: true, ordering: false, matching: false } },
  },
];

describe.each(cases)("round trip certpath → $name → certpath", (c) => {
  it.each([...banks.keys()])("keeps every question of %s", (exam) => {
    const questions = banks.get(exam)!;
    const out = c.write({ exam, questions });
    const read = c.read(c.source(out));
    expect(read.fatal).toEqual([]);
    expect(read.unsupported).toEqual([]);
    const held = questions.filter(c.holds);
    expect(read.questions.map((q) => actualOf(q, c.kept))).toEqual(held.map((q) => expectedOf(q, c.kept)));
  });
});
