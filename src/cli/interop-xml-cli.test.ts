import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli, cliBin } from "../test/run-cli.js";

// certpath bank import / export for Moodle XML, QTI and Udemy CSV, run as a user runs them (the built CLI).

const fx = (...p: string[]) => join(import.meta.dirname, "..", "interop", "fixtures", ...p);
let dir = "";
const columns = process.env.COLUMNS;
beforeAll(() => {
  cliBin();
  // Wide enough that no message wraps, whatever terminal the tests run in.
  process.env.COLUMNS = "300";
  dir = mkdtempSync(join(tmpdir(), "certpath-interop-xml-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (columns === undefined) delete process.env.COLUMNS;
  else process.env.COLUMNS = columns;
});

describe("certpath bank import for XML and CSV formats", () => {
  it("imports a QTI package folder as one source, with its image next to the YAML", async () => {
    const out = join(dir, "qti");
    const r = await cli(
      "bank",
      "import",
      fx("qti21", "package"),
      "--format",
      "qti",
      "--exam",
      "SAA-C03",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["package-assets", "package.yaml"]);
    expect(readdirSync(join(out, "package-assets"))).toEqual(["diagram.png"]);
    const written = parse(readFileSync(join(out, "package.yaml"), "utf8")) as { questions: { id: string }[] };
    expect(written.questions.map((q) => q.id)).toEqual([
      "itm-order-1",
      "itm-choice-1",
      "itm-choice-2",
      "itm-match-1",
      "itm-assoc-1",
    ]);
    expect(r.stdout).toMatch(
      /package\/items\/text-entry\.xml:2 \(ITM-TEXT-1\): item ITM-TEXT-1: textEntryInteraction/,
    );
  });

  it("refuses a broken Moodle XML file naming its line and writes nothing", async () => {
    const out = join(dir, "moodle-broken");
    const r = await cli(
      "bank",
      "import",
      fx("moodle", "broken.xml"),
      "--format",
      "moodle-xml",
      "--exam",
      "SAA-C03",
      "--out",
      out,
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/broken\.xml:12: The XML is broken on line 12/);
    expect(() => readdirSync(out)).toThrow();
  });

  // Every format and bank round-trips in-process (src/interop/round-trip.test.ts); this is the CLI path once.
  it("exports an exam as a QTI package that imports back", { timeout: 90_000 }, async () => {
    for (const [format, name] of [["qti", "mla.zip"]] as const) {
      const file = join(dir, name);
      const e = await cli("bank", "export", "--exam", "MLA-C01", "--format", format, "--out", file);
      expect(e.code, e.stderr).toBe(0);
      const r = await cli(
        "bank",
        "import",
        file,
        "--format",
        format,
        "--exam",
        "MLA-C01",
        "--out",
        join(dir, `back-${format}`),
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 of 1 file written, 0 refused/);
    }
  });
});
