import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { contentRoot } from "../content/content-root.js";
import { loadCoreContent } from "../content/load-content.js";
import { loadQuestionFiles, scanQuestionFiles } from "../content/load-questions.js";
import type { Question } from "../core/bank/question-types.js";
import { escapeGift, writeGift } from "./gift-writer.js";
import { importSources } from "./import-pipeline.js";
import { READERS } from "./readers.js";

// certpath → GIFT → certpath over every shipped bank: stems, options, keys, explanations, ids, domains,
// services and references come back for every type GIFT holds; ordering is dropped and said so.

const content = loadCoreContent(contentRoot());
const bank = loadQuestionFiles(scanQuestionFiles(join(contentRoot(), "questions")).files).questions.map(
  (q) => q.question,
);
const exams = [...new Set(bank.map((q) => q.exam))].sort();

type Entry = Record<string, unknown> & {
  id: string;
  stem: string;
  options?: { id: string; text: string; correct?: boolean; explanation?: string }[];
  prompts?: { text: string; match: string; explanation?: string }[];
};

const stemOf = (q: Question) =>
  q.caseStudy ? `${q.caseStudy.scenario.trim()}\n\n${q.stem.trim()}` : q.stem.trim();

describe("GIFT round trip over every shipped bank", () => {
  it("the bank has questions of several exams", () => {
    expect(exams.length).toBeGreaterThan(5);
  });

  for (const exam of exams) {
    it(`${exam}: keeps stems, options, keys, explanations, ids, domains, services and references`, () => {
      const questions = bank.filter((q) => q.exam === exam);
      const gift = writeGift({ exam, questions });
      const file = gift.files[0];
      expect(file?.name).toBe(`${exam}.gift`);
      const read = READERS.gift({ file: "bank.gift", text: file?.text ?? "" });
      expect(read.fatal).toEqual([]);
      expect(read.unsupported).toEqual([]);
      const outcome = importSources([{ file: "bank.gift", text: file?.text ?? "" }], {
        format: "gift",
        today: "2026-11-30",
        catalog: content.catalog,
      });
      const f = outcome.files[0];
      expect(f?.status).toBe("written");
      const entries = (parseYaml(f?.yaml ?? "") as { exam: string; questions: Entry[] }).questions;
      const kept = questions.filter((q) => q.type !== "ordering");
      expect(entries.map((e) => e.id)).toEqual(kept.map((q) => q.id));
      kept.forEach((q, i) => {
        const e = entries[i] as Entry;
        expect(e.stem, q.id).toBe(stemOf(q));
        expect(e.type, q.id).toBe(q.type);
        expect(e.domain, q.id).toBe(q.domain);
        expect(e.services, q.id).toEqual(q.services);
        expect(e.references, q.id).toEqual(q.references);
        if (q.type === "multiple-choice" || q.type === "multiple-response") {
          expect(
            e.options?.map((o) => [o.text, o.correct === true, o.explanation]),
            q.id,
          ).toEqual(q.options.map((o) => [o.text, o.correct, o.explanation]));
          if (q.type === "multiple-response") expect(e.select, q.id).toBe(q.select);
        } else if (q.type === "matching") {
          const text = new Map(q.options.map((o) => [o.id, o.text]));
          const back = new Map(e.options?.map((o) => [o.id, o.text]));
          expect(
            e.prompts?.map((p) => [p.text, back.get(p.match)]),
            q.id,
          ).toEqual(q.prompts.map((p) => [p.text, text.get(p.match)]));
          expect(new Set(e.options?.map((o) => o.text))).toEqual(new Set(q.options.map((o) => o.text)));
          // GIFT has no per-prompt feedback: the explanations travel in the general feedback, back as the note.
          for (const p of q.prompts) expect(e.note as string, q.id).toContain(p.explanation.trim());
        }
      });
      // Choice questions come back ready to serve. Not so: matching ones (their explanations sit in the note),
      // and case-study or variant questions (the shared scenario in every stem, or the dropped variantOf, makes
      // them near-duplicates for the linter).
      const related = new Set(
        questions.flatMap((q) => (q.caseStudy ? [q.id] : q.variantOf ? [q.id, q.variantOf.id] : [])),
      );
      const drafts = f?.questions.filter((q) => q.draft && q.type !== "matching" && !related.has(q.id)) ?? [];
      expect(drafts.map((q) => [q.id, q.problems])).toEqual([]);
      const ordering = questions.filter((q) => q.type === "ordering");
      if (ordering.length > 0) expect(gift.dropped.join(" ")).toMatch(/ordering/);
    });
  }
});

describe("GIFT writer escaping", () => {
  it("escapes ~ = # { } : and the backslash, and keeps line breaks inside one question", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    const text = "Costs {x} = 50% of #1: C:\\path ~ 2\n\nNext paragraph";
    const read = READERS.gift({
      file: "x.gift",
      text: `::q1::[markdown]${escapeGift(text)} {=${escapeGift(text)} ~b}`,
    });
    expect(read.fatal).toEqual([]);
    const q = read.questions[0];
    expect(q?.stem).toBe(text);
    expect(q?.type === "multiple-choice" && q.options[0]?.text).toBe(text);
  });
});
