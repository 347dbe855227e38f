import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readUdemyCsv } from "./udemy-csv-reader.js";
import { UDEMY_HEADER, writeUdemyCsv } from "./udemy-csv-writer.js";

const fixture = (name: string) => ({
  file: `udemy/${name}`,
  text: readFileSync(join(import.meta.dirname, "fixtures", "udemy", name), "utf8"),
});

describe("Udemy bulk-upload CSV reader", () => {
  const result = readUdemyCsv(fixture("practice-test.csv"));

  it("reads the template (BOM, CRLF, quoted newlines) with each row's first line", () => {
    expect(result.fatal).toEqual([]);
    expect(result.questions.map((q) => [q.type, q.location.line])).toEqual([
      ["multiple-choice", 2],
      ["multiple-response", 4],
      ["multiple-choice", 6],
    ]);
    const [cdn, keys, storage] = result.questions;
    if (
      cdn?.type !== "multiple-choice" ||
      keys?.type !== "multiple-response" ||
      storage?.type !== "multiple-choice"
    )
      throw new Error("types");
    expect(cdn.stem).toBe(
      "A web team serves static files to visitors worldwide.\nWhich service caches them at edge locations?",
    );
    expect(cdn.options.map((o) => [o.text, o.correct, o.feedback])).toEqual([
      ["A content delivery network", true, "Edge caches serve copies close to visitors."],
      ["A single web server", false, "One server in one place adds latency for far visitors."],
      ["A relational database", false, "Databases do not cache static files at the edge."],
      ["A message queue", false, "Queues decouple producers and consumers, nothing more."],
    ]);
    expect(cdn).toMatchObject({
      category: "Domain 1: Design",
      generalFeedback:
        "See https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Introduction.html",
    });
    expect(keys.options.map((o) => o.correct)).toEqual([true, false, true, false, false]);
    expect(storage.stem).toBe(
      'Pick the storage for files shared by many instances, with commas, "quotes", and <Region> placeholders.',
    );
  });

  it("reads HTML cells as HTML and drops scripts", () => {
    expect(result.questions[1]?.stem).toBe(
      "Which **two** actions reduce the blast radius of leaked keys? (Choose two.)",
    );
  });

  it("reports a type it cannot hold by line", () => {
    expect(result.unsupported.map((u) => [u.sourceType, u.location.line])).toEqual([["ordering", 7]]);
  });

  it("refuses a file whose row names a missing option, with the line", () => {
    const bad = readUdemyCsv(fixture("bad-key.csv"));
    expect(bad.fatal.map((f) => [f.location.line, f.message])).toEqual([
      [4, 'Correct Answers "3" names an option that is not there (options 1, 2)'],
    ]);
  });

  it("refuses broken quoting naming the line", () => {
    const broken = readUdemyCsv(fixture("broken-quotes.csv"));
    expect(broken.fatal).toHaveLength(1);
    expect(broken.fatal[0]?.location.line).toBe(3);
    expect(broken.fatal[0]?.message).toMatch(/line 3/);
  });

  it("refuses a file without the template's header", () => {
    const other = readUdemyCsv({ file: "x.csv", text: "question_text,option_a,correct\nq,a,A\n" });
    expect(other.fatal[0]?.hint).toMatch(/Question,Question Type,Answer Option 1/);
  });
});

describe("Udemy bulk-upload CSV writer", () => {
  it("writes the template's 17 columns, no BOM, and says what it leaves out", () => {
    const base = {
      exam: "SAA-C03",
      examGuide: "SAA-C03",
      domain: "2",
      services: ["s3"],
      references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"],
      verifiedOn: "2026-11-30",
    };
    const out = writeUdemyCsv({
      exam: "SAA-C03",
      questions: [
        {
          ...base,
          id: "q1",
          type: "multiple-response",
          select: 2,
          stem: "Which two are object storage features?\nChoose two.",
          options: ["Versioning", "Lifecycle rules", "Block size"].map((t, i) => ({
            id: `o${i}`,
            text: t,
            correct: i < 2,
            explanation: `Explanation of ${t}.`,
          })),
        },
        {
          ...base,
          id: "q2",
          type: "ordering",
          stem: "Order these steps of an upload.",
          items: [{ id: "a", text: "Start", explanation: "First of all." }],
        },
      ],
    });
    const text = out.files[0]!.text!;
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\n")[0]).toBe(UDEMY_HEADER.join(","));
    expect(UDEMY_HEADER).toHaveLength(17);
    expect(text.split("\n")[1]).toBe(
      'Which two are object storage features? Choose two.,multi-select,Versioning,Explanation of Versioning.,Lifecycle rules,Explanation of Lifecycle rules.,Block size,Explanation of Block size.,,,,,,,"1,2",References: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html,SAA-C03 / Domain 2',
    );
    expect(out.dropped.join("\n")).toMatch(/1 ordering and matching questions are left out.*q2/);
  });
});
