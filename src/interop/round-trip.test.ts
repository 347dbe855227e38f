import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { contentRoot } from "../content/content-root.js";
import { loadQuestionFiles, questionFiles } from "../content/load-questions.js";
import type { Question } from "../core/bank/question-types.js";
import { importSources } from "./import-pipeline.js";
import type { FormatReader, ImportFormat, SourceFile } from "./interop-model.js";
import { readMoodleXml } from "./moodle-xml-reader.js";
import { writeMoodleXml } from "./moodle-xml-writer.js";
import { readQti } from "./qti-reader.js";
import { writeQti } from "./qti-writer.js";
import { actualOf, expectedOf, type KeptFields, readable } from "./round-trip-support.js";
import { readUdemyCsv } from "./udemy-csv-reader.js";
import { writeUdemyCsv } from "./udemy-csv-writer.js";
import type { ExportBank, ExportResult } from "./writers.js";

// Every shipped bank, exported to each format and read back, keeps stems, options, keys and explanations for every
// type the format can hold.

const load = loadQuestionFiles(questionFiles(join(contentRoot(), "questions")));
const banks = new Map<string, Question[]>();
for (const { question } of load.questions)
  banks.set(question.exam, [...(banks.get(question.exam) ?? []), question]);

interface Case {
  name: ImportFormat;
  /** Whether question ids come back as they were. */
  keepsIds: boolean;
  write: (bank: ExportBank) => ExportResult;
  read: FormatReader;
  source: (r: ExportResult) => SourceFile;
  holds: (q: Question) => boolean;
  kept: KeptFields;
}

const cases: Case[] = [
  {
    name: "moodle-xml",
    keepsIds: true,
    write: writeMoodleXml,
    read: readMoodleXml,
    source: (r) => ({ file: r.files[0]!.name, text: r.files[0]!.text! }),
    holds: () => true,
    kept: { explanations: { choice: true, ordering: true, matching: false } },
  },
  {
    name: "qti",
    keepsIds: true,
    write: writeQti,
    read: readQti,
    source: (r) => ({ file: r.files[0]!.name, bytes: r.files[0]!.bytes! }),
    holds: () => true,
    kept: { explanations: { choice: true, ordering: true, matching: true } },
  },
  {
    name: "udemy-csv",
    keepsIds: false,
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

interface Entry {
  id: string;
  domain?: string;
  references: string[];
  options?: { text: string; correct?: boolean; explanation?: string }[];
  items?: { text: string; explanation?: string }[];
}

describe.each(cases)("round trip through the import pipeline: $name", (c) => {
  it.each([...banks.keys()])("writes %s back with its keys, explanations, domains and references", (exam) => {
    const questions = banks.get(exam)!.filter(c.holds);
    // Without the catalog the pipeline skips lint (drafts are not what this checks) and stays fast.
    const outcome = importSources([c.source(c.write({ exam, questions }))], {
      format: c.name,
      exam,
      today: "2026-11-30",
    });
    const [file] = outcome.files;
    expect(file?.fatal).toEqual([]);
    expect(file?.status).toBe("written");
    const entries = (parse(file!.yaml!) as { questions: Entry[] }).questions;
    expect(entries).toHaveLength(questions.length);
    questions.forEach((q, i) => {
      const e = entries[i]!;
      if (c.keepsIds) expect(e.id).toBe(q.id);
      expect(e.domain).toBe(q.domain);
      expect(e.references).toEqual(expect.arrayContaining(q.references));
      if (q.type === "multiple-choice" || q.type === "multiple-response")
        expect(e.options?.map((o) => [o.correct ?? false, readable(o.explanation ?? "")])).toEqual(
          q.options.map((o) => [o.correct, readable(o.explanation)]),
        );
      if (q.type === "ordering")
        expect(e.items?.map((o) => readable(o.text))).toEqual(q.items.map((o) => readable(o.text)));
    });
  });
});
