import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { packageRoot } from "../content/content-root.js";
import { cli, cliBin } from "../test/run-cli.js";

// certpath bank import / export as a user runs them: counts, exit codes, nothing written for a refused file,
// terminal-safe output at 60 and 120 columns.

const fixtures = join(packageRoot(), "src", "interop", "fixtures");
const fx = (name: string) => join(fixtures, name);
let dir: string;
const exec = promisify(execFile);

/** The CLI with a terminal width, as a user at a narrow or a wide terminal sees it. */
async function cliAt(columns: number, ...args: string[]) {
  try {
    const r = await exec("node", [cliBin(), ...args], {
      env: { ...process.env, NO_COLOR: "1", COLUMNS: String(columns) },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(() => {
  cliBin();
  dir = mkdtempSync(join(tmpdir(), "certpath-interop-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("certpath bank import", () => {
  it("writes one YAML per source file, reports the counts of each kind, and exits 0", async () => {
    const out = join(dir, "gift");
    // Wide enough for the summary to stay on one line whatever COLUMNS the test runs with.
    const r = await cliAt(200, "bank", "import", fx("saa-storage.gift"), "--format", "gift", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(
      /Imported 5 questions: 1 ready, 4 drafts, 3 unsupported \(skipped\); 1 of 1 file written, 0 refused/,
    );
    expect(r.stdout.replace(/\s+/g, " ")).toMatch(/saa-storage\.gift:25: essay questions are not supported/);
    expect(readdirSync(out)).toEqual(["saa-storage.yaml"]);
    const written = parseYaml(readFileSync(join(out, "saa-storage.yaml"), "utf8"));
    expect(written.questions).toHaveLength(5);
    // What it wrote lints: drafts are reported as drafts, not as errors.
    const lint = await cli("bank", "lint", out, "--json");
    expect(JSON.parse(lint.stdout).drafts).toHaveLength(4);
    expect(JSON.parse(lint.stdout).problems).toEqual([]);
  });

  it("refuses a broken file whole: names the line, writes nothing, exits 1 when nothing was written", async () => {
    const out = join(dir, "broken");
    const r = await cli(
      "bank",
      "import",
      fx("broken-syntax.gift"),
      "--format",
      "gift",
      "--exam",
      "CLF-C02",
      "--out",
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/broken-syntax\.gift: refused, nothing of it written/);
    expect(r.stdout).toMatch(/broken-syntax\.gift:18: GIFT syntax/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it("imports a folder: good files are written, a broken one is refused, and the exit is 0", async () => {
    const src = join(dir, "mixed-src");
    mkdirSync(src);
    writeFileSync(join(src, "a.gift"), readFileSync(fx("broken-syntax.gift")));
    writeFileSync(
      join(src, "b.gift"),
      readFileSync(fx("no-key.gift"))
        .toString()
        .replace(/~Amazon CloudFront/, "=Amazon CloudFront"),
    );
    writeFileSync(join(src, "notes.md"), "# not GIFT\n");
    const out = join(dir, "mixed");
    const r = await cli(
      "bank",
      "import",
      src,
      "--format",
      "gift",
      "--exam",
      "CLF-C02",
      "--domain",
      "3",
      "--out",
      out,
      "--json",
    );
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.totals).toMatchObject({ files: 2, written: 1, refused: 1, questions: 2 });
    expect(readdirSync(out)).toEqual(["b.yaml"]);
  });

  it("says what is wrong with the command and exits 2", async () => {
    const noFormat = await cli("bank", "import", fx("saa-storage.gift"), "--out", dir);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toMatch(/--format \(gift, moodle-xml, qti, udemy-csv, aiken, markdown\)/);
    const badFormat = await cli("bank", "import", fx("saa-storage.gift"), "--format", "docx", "--out", dir);
    expect(badFormat.code).toBe(2);
    const noOut = await cli("bank", "import", fx("saa-storage.gift"), "--format", "gift");
    expect(noOut.stderr).toMatch(/--out DIR/);
    const badExam = await cli(
      "bank",
      "import",
      fx("saa-storage.gift"),
      "--format",
      "gift",
      "--exam",
      "XYZ-C09",
      "--out",
      dir,
    );
    expect(badExam.code).toBe(2);
    const badDomain = await cli(
      "bank",
      "import",
      fx("saa-storage.gift"),
      "--format",
      "gift",
      "--exam",
      "SAA-C03",
      "--domain",
      "9",
      "--out",
      dir,
    );
    expect(badDomain.stderr).toMatch(/not a domain of SAA-C03: use one of 1, 2, 3, 4/);
    const missing = await cli("bank", "import", join(dir, "nope.gift"), "--format", "gift", "--out", dir);
    expect(missing.code).toBe(2);
  });

  it("never lets control characters from a source reach the terminal, at 60 and 120 columns", async () => {
    const src = join(dir, "evil\u001b[31m.gift");
    writeFileSync(src, "::q1\u001b]0;pwned\u0007::Which? {=x ~y}\n\n::q2::Essay \u001b[2J {}\n");
    for (const columns of [60, 120]) {
      const r = await cliAt(
        columns,
        "bank",
        "import",
        src,
        "--format",
        "gift",
        "--exam",
        "CLF-C02",
        "--out",
        join(dir, `evil-${columns}`),
      );
      expect(r.code).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the test
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      // Lines fit the terminal; only a single unbreakable word (a long path) may be longer.
      for (const line of r.stdout.split("\n"))
        if (line.trim().includes(" ")) expect(line.length, line).toBeLessThanOrEqual(columns);
    }
  });
});

describe("certpath bank export", () => {
  it("writes GIFT for an exam, says what it dropped, and the file imports back", async () => {
    const out = join(dir, "export", "scs.gift");
    const r = await cli("bank", "export", "--exam", "SCS-C03", "--format", "gift", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Wrote \d+ questions of SCS-C03 as gift/);
    expect(r.stdout).toMatch(/Matching questions/);
    const back = await cli(
      "bank",
      "import",
      out,
      "--format",
      "gift",
      "--out",
      join(dir, "export-back"),
      "--json",
    );
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout).totals.refused).toBe(0);
  });

  it("writes into a folder, and refuses an unknown exam or format with exit 2", async () => {
    const out = join(dir, "export-dir");
    const r = await cli("bank", "export", "--exam", "clf-c02", "--format", "gift", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["CLF-C02.gift"]);
    expect((await cli("bank", "export", "--exam", "XYZ-C09", "--format", "gift", "--out", out)).code).toBe(2);
    expect((await cli("bank", "export", "--exam", "CLF-C02", "--format", "pdf", "--out", out)).code).toBe(2);
  });
});
