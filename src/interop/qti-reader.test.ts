import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { qtiFolderSource, readQti, ZIP_MAX_BYTES, ZIP_MAX_ENTRIES } from "./qti-reader.js";

const fixtures = join(import.meta.dirname, "fixtures");
const text = (path: string) => ({ file: path, text: readFileSync(join(fixtures, path), "utf8") });
function folder(path: string): Record<string, Uint8Array> {
  const root = join(fixtures, path);
  const out: Record<string, Uint8Array> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) visit(p);
      else out[relative(root, p).replace(/\\/g, "/")] = new Uint8Array(readFileSync(p));
    }
  };
  visit(root);
  return out;
}
const zipOf = (path: string, file = `${path}.zip`) => ({ file, bytes: zipSync(folder(path)) });

describe("QTI 2.1 content package (zipped, as an LMS exports it)", () => {
  const result = readQti(zipOf("qti21/package"));

  it("reads the items in the assessment test's order with their types, keys and item ids", () => {
    expect(result.fatal).toEqual([]);
    expect(result.questions.map((q) => [q.location.itemId, q.type])).toEqual([
      ["ITM-ORDER-1", "ordering"],
      ["ITM-CHOICE-1", "multiple-choice"],
      ["ITM-CHOICE-2", "multiple-response"],
      ["ITM-MATCH-1", "matching"],
      ["ITM-ASSOC-1", "matching"],
    ]);
    const [order, single, mapped, match, assoc] = result.questions;
    expect(order).toMatchObject({ items: [{ text: "Build" }, { text: "Test" }, { text: "Deploy" }] });
    if (single?.type !== "multiple-choice" || mapped?.type !== "multiple-response") throw new Error("types");
    expect(single.options.map((o) => [o.text, o.correct])).toEqual([
      ["A shared database table", false],
      ["A message queue", true],
      ["A synchronous **HTTP** call", false],
    ]);
    // No correctResponse: the positive mapping entries are the key, and the partial credit is noted.
    expect(mapped.options.map((o) => o.correct)).toEqual([true, false, true]);
    expect(mapped.notes?.join(" ")).toMatch(/partial credit.*all-or-nothing/);
    expect(match).toMatchObject({
      pairs: [
        {
          prompt: "Uploaded photos",
          match: "Object storage",
          feedback: "Objects of any size, priced per gigabyte.",
        },
        { prompt: "Customer orders with joins", match: "Relational database" },
      ],
      extraOptions: ["Tape library"],
    });
    expect(assoc).toMatchObject({
      pairs: [
        { prompt: "HTTPS", match: "TLS certificates" },
        { prompt: "SSH", match: "Key pairs" },
      ],
    });
  });

  it("turns feedback into explanations where it names a choice, the rest into general feedback", () => {
    const single = result.questions[1];
    if (single?.type !== "multiple-choice") throw new Error("type");
    expect(single.options.map((o) => o.feedback)).toEqual([
      "Both services would still depend on each other's schema.",
      "The queue holds orders until billing is back.",
      "A direct call fails while billing is down.",
    ]);
    expect(single.generalFeedback).toBe("Queues decouple producers from consumers.");
    expect(single.stem).toContain("Which component should sit between the two services?");
  });

  it("keeps the package's image as an asset and takes domain and tags from the manifest", () => {
    const single = result.questions[1];
    expect(single?.assets?.map((a) => [a.name, a.mediaType, a.bytes.length])).toEqual([
      ["diagram.png", "image/png", 71],
    ]);
    expect(single?.stem).toContain("![architecture](diagram.png)");
    expect(single).toMatchObject({ category: "Domain 3", tags: ["sqs"] });
  });

  it("names each item's file inside the package and its line", () => {
    expect(result.questions[0]?.location).toEqual({
      file: "qti21/package.zip/items/order.xml",
      line: 2,
      itemId: "ITM-ORDER-1",
    });
  });

  it("reports unsupported interactions by item", () => {
    expect(result.unsupported.map((u) => [u.location.itemId, u.sourceType])).toEqual([
      ["ITM-TEXT-1", "textEntryInteraction"],
      ["ITM-ESSAY-1", "extendedTextInteraction"],
    ]);
  });

  it("reads the same package from its folder", () => {
    const fromFolder = readQti(qtiFolderSource("qti21/package", folder("qti21/package")));
    expect(fromFolder.questions.map((q) => q.location.itemId)).toEqual(
      result.questions.map((q) => q.location.itemId),
    );
  });
});

describe("QTI 3.0 (1EdTech vocabulary)", () => {
  const result = readQti(zipOf("qti30/package"));

  it("reads choice, order and match items in manifest order; hotspot is unsupported", () => {
    expect(result.fatal).toEqual([]);
    expect(result.questions.map((q) => [q.sourceId, q.type])).toEqual([
      ["q3-choice", "multiple-response"],
      ["q3-order", "ordering"],
      ["q3-match", "matching"],
    ]);
    const [choice, order, match] = result.questions;
    if (choice?.type !== "multiple-response") throw new Error("type");
    expect(choice.options.map((o) => [o.text, o.correct, o.feedback])).toEqual([
      ["Add an in-memory cache in front of the database", true, "Hot items are served from memory."],
      ["Double the log retention", false, "Retention changes storage, not latency."],
      ["Add read replicas", true, "Replicas spread the reads."],
      ["Turn off indexes", false, undefined],
    ]);
    expect(order).toMatchObject({ items: [{ text: "Detect" }, { text: "Contain" }, { text: "Recover" }] });
    expect(match).toMatchObject({
      pairs: [
        { prompt: "Slow disk", match: "Queue depth" },
        { prompt: "Busy processor", match: "Utilisation" },
      ],
    });
    expect(result.unsupported.map((u) => [u.location.itemId, u.sourceType])).toEqual([
      ["q3-hotspot", "hotspotInteraction"],
    ]);
  });

  it("drops scripts and script links from item HTML", () => {
    expect(result.questions[0]?.stem).toBe(
      "A read-heavy product catalogue is slow at peak hours.\n\nWhich two changes cut the read latency? (Choose two.)",
    );
    expect(JSON.stringify(result)).not.toMatch(/cookie|javascript|script/i);
  });

  it("reads a single item file", () => {
    const single = readQti(text("qti30/single-item.xml"));
    expect(single.questions.map((q) => [q.type, q.location])).toEqual([
      ["ordering", { file: "qti30/single-item.xml", line: 2, itemId: "q3-order" }],
    ]);
  });
});

describe("QTI files that are refused whole", () => {
  it("broken XML names the item file and the line", () => {
    const r = readQti(text("qti21/broken-item.xml"));
    expect(r.questions).toEqual([]);
    expect(r.fatal.map((f) => f.location)).toEqual([{ file: "qti21/broken-item.xml", line: 17 }]);
    expect(r.fatal[0]?.message).toMatch(/broken on line 17/);
  });

  it("an item with no correctResponse and no positive mapping names the item", () => {
    const r = readQti(text("qti21/no-key-item.xml"));
    expect(r.fatal.map((f) => f.message)).toEqual([
      "item ITM-CHOICE-2: there is no correctResponse and no positive mapping entry, so there is no key",
    ]);
    expect(r.fatal[0]?.location.itemId).toBe("ITM-CHOICE-2");
  });

  it("an item with several accepted answers names the item", () => {
    const r = readQti(text("qti21/several-answers-item.xml"));
    expect(r.fatal[0]?.message).toMatch(/^item ITM-CHOICE-1: .*several accepted answers/);
  });

  it("a package that names a missing item, or a test without its items", () => {
    const files = folder("qti21/package");
    delete files["items/match.xml"];
    const r = readQti({ file: "p.zip", bytes: zipSync(files) });
    expect(r.fatal.map((f) => [f.location.file, f.message])).toEqual([
      ["p.zip/items/match.xml", "the package names items/match.xml, which is not in it"],
    ]);
    expect(readQti(text("qti21/package/test.xml")).fatal[0]?.hint).toMatch(/import the whole package/);
  });

  it("zip bombs: too much uncompressed data or too many entries, refused before inflating", () => {
    // A small zip whose central directory declares a huge uncompressed size, as a bomb does.
    const bomb = zipSync({ "a.xml": new TextEncoder().encode("<a/>") });
    const dir = bomb.findIndex(
      (_b, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2,
    );
    new DataView(bomb.buffer).setUint32(dir + 24, ZIP_MAX_BYTES + 1, true);
    const big = readQti({ file: "bomb.zip", bytes: bomb });
    expect(big.fatal[0]?.message).toMatch(/more than 64 MB once uncompressed/);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= ZIP_MAX_ENTRIES; i++) many[`f${i}.txt`] = new Uint8Array(0);
    expect(readQti({ file: "many.zip", bytes: zipSync(many) }).fatal[0]?.message).toMatch(
      /more than 5000 entries/,
    );
    expect(
      readQti({ file: "junk.zip", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) }).fatal,
    ).toHaveLength(1);
  });
});
