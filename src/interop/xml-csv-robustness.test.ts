import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { FormatReader } from "./interop-model.js";
import { readMoodleXml } from "./moodle-xml-reader.js";
import { readQti } from "./qti-reader.js";
import { readUdemyCsv } from "./udemy-csv-reader.js";

// Readers are pure and never throw: whatever the input, they answer with questions, unsupported or fatal problems.

const hostile: { name: string; text?: string; bytes?: Uint8Array }[] = [
  { name: "empty", text: "" },
  { name: "binary", bytes: new Uint8Array([0, 159, 146, 150, 255, 0, 1]) },
  { name: "not XML", text: 'Question,Answer\n"unclosed' },
  { name: "deep nesting", text: `${"<a>".repeat(5000)}${"</a>".repeat(5000)}` },
  {
    name: "quiz of junk",
    text: '<quiz><question type="multichoice"><answer fraction="x"/></question><question/></quiz>',
  },
  {
    name: "item without body",
    text: '<assessmentItem identifier="i"><responseDeclaration identifier="RESPONSE"/></assessmentItem>',
  },
  {
    name: "qti 3 choice without choices",
    text: '<qti-assessment-item identifier="x"><qti-item-body><qti-choice-interaction response-identifier="R"/></qti-item-body></qti-assessment-item>',
  },
  {
    name: "zip of junk",
    bytes: zipSync({ "imsmanifest.xml": new Uint8Array([1, 2, 3]), "a.xml": new Uint8Array(10) }),
  },
  { name: "csv header only", text: "Question,Correct Answers\n" },
  { name: "csv key of words", text: "Question,Answer Option 1,Correct Answers\nq,a,first\n" },
];

const readers: [string, FormatReader][] = [
  ["moodle-xml", readMoodleXml],
  ["qti", readQti],
  ["udemy-csv", readUdemyCsv],
];

describe.each(readers)("%s reader on hostile input", (_name, read) => {
  it.each(hostile)("$name: answers without throwing", (input) => {
    const r = read({
      file: "in",
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.bytes ? { bytes: input.bytes } : {}),
    });
    expect(Array.isArray(r.questions) && Array.isArray(r.unsupported) && Array.isArray(r.fatal)).toBe(true);
    for (const f of r.fatal) expect(f.location.file).toMatch(/^in/);
  });
});
