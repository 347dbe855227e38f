import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMoodleXml } from "./moodle-xml-reader.js";

const fixture = (name: string) => ({
  file: `moodle/${name}`,
  text: readFileSync(join(import.meta.dirname, "fixtures", "moodle", name), "utf8"),
});

describe("Moodle XML reader", () => {
  const result = readMoodleXml(fixture("quiz-moodle4.xml"));

  it("reads a Moodle 4.x export: counts, types, keys, in source order", () => {
    expect(result.fatal).toEqual([]);
    expect(result.questions.map((q) => [q.type, q.location.line, q.sourceId])).toEqual([
      ["multiple-choice", 15, "STO-001"],
      ["multiple-response", 75, "Durable replicated storage"],
      ["multiple-choice", 124, "Snapshots incremental"],
      ["matching", 164, "Match the component"],
      ["ordering", 210, "Request path order"],
    ]);
    const [single, multi, tf, matching, ordering] = result.questions;
    if (
      single?.type !== "multiple-choice" ||
      multi?.type !== "multiple-response" ||
      tf?.type !== "multiple-choice"
    )
      throw new Error("types");
    expect(single.options.map((o) => [o.text, o.correct])).toEqual([
      ["Standard", false],
      ["Deep archive", true],
      ["Infrequent access", false],
      ["One zone **infrequent** access", false],
    ]);
    expect(multi.options.map((o) => o.correct)).toEqual([true, false, true]);
    expect(tf.options.map((o) => [o.text, o.correct])).toEqual([
      ["True", true],
      ["False", false],
    ]);
    expect(matching).toMatchObject({
      pairs: [
        { prompt: "Outbound internet for private subnets", match: "NAT gateway" },
        { prompt: "Stateless subnet filtering", match: "Network ACL" },
      ],
      extraOptions: ["Internet gateway"],
    });
    expect(ordering).toMatchObject({
      items: [{ text: "Internet gateway" }, { text: "Load balancer" }, { text: "Instance" }],
    });
  });

  it("keeps feedback, general feedback, categories, tags and the Markdown format as written", () => {
    const [single, multi, tf, matching] = result.questions;
    expect(single).toMatchObject({
      category: "Default for Cloud Basics/Domain 2: Storage",
      tags: ["s3", "cost"],
      generalFeedback:
        "See [storage classes](https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html).",
    });
    if (single?.type !== "multiple-choice") throw new Error("type");
    expect(single.options[1]?.feedback).toBe("Lowest price for data read once or twice a year.");
    expect(multi?.stem).toBe("Which **two** properties does a replicated block volume offer? (Choose two.)");
    expect(tf?.stem).toBe("Block volume snapshots after the first one store only the blocks that changed.");
    expect(matching?.category).toBe("Default for Cloud Basics/Domain 3: Networking");
  });

  it("says where partial credit became all-or-nothing", () => {
    const [single, multi] = result.questions;
    expect(single?.notes?.join(" ")).toMatch(/partial credit .* all-or-nothing/);
    expect(multi?.notes?.join(" ")).toMatch(/partial credit per answer \(50%, 50%\).*all-or-nothing/);
  });

  it("keeps the base64 image as an asset and drops scripts and event handlers", () => {
    const [single] = result.questions;
    expect(single?.assets).toEqual([
      { name: "tiers-diagram.png", mediaType: "image/png", bytes: expect.any(Uint8Array) },
    ]);
    expect(Buffer.from(single!.assets![0]!.bytes).subarray(1, 4).toString()).toBe("PNG");
    expect(single?.stem).toContain("![storage tiers](tiers-diagram.png)");
    expect(JSON.stringify(result.questions)).not.toMatch(/alert|script|onclick|steal/);
  });

  it("reports unsupported types by line", () => {
    expect(result.unsupported.map((u) => [u.sourceType, u.location.line])).toEqual([
      ["essay", 261],
      ["numerical", 289],
      ["shortanswer", 317],
      ["multianswer", 341],
      ["description", 357],
    ]);
  });

  it("refuses broken XML naming the line, and writes nothing of it", () => {
    const broken = readMoodleXml(fixture("broken.xml"));
    expect(broken.questions).toEqual([]);
    expect(broken.fatal).toHaveLength(1);
    expect(broken.fatal[0]?.location).toEqual({ file: "moodle/broken.xml", line: 12 });
    expect(broken.fatal[0]?.message).toMatch(/line 12/);
  });

  it("refuses the file when a question has no derivable key, with its line", () => {
    const noKey = readMoodleXml(fixture("no-key.xml"));
    expect(noKey.fatal.map((f) => [f.location.line, f.message])).toEqual([
      [14, expect.stringMatching(/"No key".*no answer has a positive grade/)],
    ]);
  });

  it("refuses files that are not Moodle XML or declare entities, never throwing", () => {
    expect(readMoodleXml({ file: "x.xml", text: "<assessmentItem/>" }).fatal[0]?.message).toMatch(
      /not a Moodle XML/,
    );
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>';
    expect(readMoodleXml({ file: "x.xml", text: bomb }).fatal[0]?.location.line).toBe(2);
    expect(readMoodleXml({ file: "x.xml" }).fatal).toHaveLength(1);
  });
});
