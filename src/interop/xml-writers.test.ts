import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { contentRoot } from "../content/content-root.js";
import { loadQuestionFiles, questionFiles } from "../content/load-questions.js";
import { writeMoodleXml } from "./moodle-xml-writer.js";
import { writeQti } from "./qti-writer.js";

const load = loadQuestionFiles(questionFiles(join(contentRoot(), "questions", "MLA-C01")));
const questions = load.questions.map((q) => q.question);

describe("Moodle XML writer", () => {
  const out = writeMoodleXml({ exam: "MLA-C01", questions });
  const xml = out.files[0]!.text!;

  it("writes valid XML, one category per domain change, HTML in CDATA, services as tags", () => {
    expect(out.files.map((f) => f.name)).toEqual(["MLA-C01.moodle.xml"]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const categories = [...xml.matchAll(/<text>\$course\$\/top\/MLA-C01\/Domain (\d+)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(new Set(categories)).toEqual(new Set(questions.map((q) => q.domain)));
    expect(xml).toContain('<questiontext format="html">\n      <text><![CDATA[<p>');
    expect(xml).toMatch(/<tags>\n\s+<tag><text>[a-z0-9-]+<\/text><\/tag>/);
    expect(xml.match(/<question type="(multichoice|matching|ordering)">/g)).toHaveLength(questions.length);
  });

  it("says what Moodle cannot hold", () => {
    expect(out.dropped.join("\n")).toMatch(/case studies.*scenario is written in front/);
    expect(out.dropped.join("\n")).toMatch(/verifiedOn/);
  });
});

describe("QTI 3.0 writer", () => {
  const out = writeQti({ exam: "MLA-C01", questions });
  const files = unzipSync(out.files[0]!.bytes!);

  it("writes a zip with imsmanifest.xml and one valid QTI 3.0 item per question", () => {
    const manifest = strFromU8(files["imsmanifest.xml"]!);
    expect(XMLValidator.validate(manifest)).toBe(true);
    const hrefs = [...manifest.matchAll(/<resource [^>]*type="imsqti_item_xmlv3p0" href="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(hrefs).toHaveLength(questions.length);
    for (const href of hrefs) {
      const item = strFromU8(files[href!]!);
      expect(XMLValidator.validate(item)).toBe(true);
      expect(item).toContain('<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqtiasi_v3p0"');
      expect(item).toMatch(/<qti-correct-response>(<qti-value>[^<]+<\/qti-value>)+<\/qti-correct-response>/);
    }
  });

  it("is the same bytes from one export to the next", () => {
    expect(writeQti({ exam: "MLA-C01", questions }).files[0]!.bytes).toEqual(out.files[0]!.bytes);
  });
});
