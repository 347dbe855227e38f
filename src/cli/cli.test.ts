import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliBin } from "../test/run-cli.js";

beforeAll(() => {
  cliBin();
});

describe("certpath CLI", () => {
  it("catalog --json lists 12 active and 4 retired certifications", async () => {
    const r = await cli("catalog", "--json", "--on", "2026-11-26");
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { certifications: { code: string; status: string }[] };
    expect(body.certifications.filter((c) => c.status === "active")).toHaveLength(12);
    expect(
      body.certifications
        .filter((c) => c.status === "retired")
        .map((c) => c.code)
        .sort(),
    ).toEqual(["DAS-C01", "DBS-C01", "MLS-C01", "PAS-C01"]);
  });

  it("catalog --on 2024-01-01 shows DBS-C01, DAS-C01 and PAS-C01 active", async () => {
    const r = await cli("catalog", "--json", "--on", "2024-01-01");
    const body = JSON.parse(r.stdout) as { certifications: { code: string; status: string }[] };
    const status = Object.fromEntries(body.certifications.map((c) => [c.code, c.status]));
    expect([status["DBS-C01"], status["DAS-C01"], status["PAS-C01"]]).toEqual(["active", "active", "active"]);
  });

  it("catalog prints a readable table by default", async () => {
    const r = await cli("catalog", "--level", "associate");
    expect(r.stdout).toMatch(/Code\s+Certification\s+Level/);
    expect(r.stdout).toContain("SOA-C03");
    expect(r.stdout).not.toContain("CLF-C02");
  });

  it("show sysops --json finds CloudOps and lists SOA-C02 as retired", async () => {
    const r = await cli("show", "sysops", "--json");
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      code: string;
      name: string;
      versions: { code: string; status: string }[];
    };
    expect(body.code).toBe("SOA-C03");
    expect(body.name).toContain("CloudOps Engineer");
    expect(body.versions).toContainEqual(expect.objectContaining({ code: "SOA-C02", status: "retired" }));
  });

  it("show draws the domains as bars", async () => {
    const r = await cli("show", "SAA-C03");
    expect(r.stdout).toMatch(/Design Secure Architectures\s+█+░*\s+30%/);
  });

  it("an unknown code exits 2 with the nearest matches and no stack trace", async () => {
    const r = await cli("show", "SAA-C3");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean".replace("did", "Did"));
    expect(r.stderr).toContain("SAA-C03");
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(r.stdout).toBe("");
  });

  it("an unknown role exits 2 with the valid words", async () => {
    const r = await cli("advise", "--role", "chef", "--aws-experience", "1", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Use one of: non-technical, student, developer, web-developer/);
    expect(r.stdout).toBe("");
  });

  it("bad numbers and dates name the flag and the form", async () => {
    const years = await cli("advise", "--role", "developer", "--aws-experience", "lots");
    expect(years.code).toBe(2);
    expect(years.stderr).toMatch(/--aws-experience "lots" is not valid: give a number/);
    const date = await cli(
      "advise",
      "--role",
      "developer",
      "--aws-experience",
      "1",
      "--target-date",
      "next year",
    );
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--target-date takes a date written YYYY-MM-DD/);
    const level = await cli("catalog", "--level", "expert");
    expect(level.code).toBe(2);
    expect(level.stderr).toMatch(/Use one of: foundational, associate, professional, specialty/);
  });

  it("advise --json has the documented shape on stdout alone", async () => {
    const r = await cli(
      "advise",
      "--role",
      "web-developer",
      "--aws-experience",
      "1",
      "--it-background",
      "--stack",
      "lambda,dynamodb",
      "--today",
      "2026-11-26",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const body = JSON.parse(r.stdout) as {
      profile: Record<string, unknown>;
      recommendations: {
        path: { code: string; name: string; reasons: string[]; studyHours: number; weeks: number }[];
        totalWeeks: number;
        finishBy: string;
        summary: string;
      }[];
      warnings: string[];
    };
    expect(body.profile.role).toBe("web-developer");
    const first = body.recommendations[0]!;
    expect(first.path.map((s) => s.code).slice(0, 2)).toEqual(["DVA-C02", "SAA-C03"]);
    expect(first.path[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        reasons: expect.any(Array),
        studyHours: 80,
        weeks: 10,
      }),
    );
    expect(typeof first.summary).toBe("string");
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  it("without a terminal, a missing required flag is an error that says what to pass", async () => {
    const r = await cli("advise", "--aws-experience", "1");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--role is required/);
  });

  it("--version prints the version", async () => {
    const r = await cli("--version");
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/** Writes one question file into a fresh folder and returns the folder. */
async function bankFolder(name: string, lines: string[]): Promise<string> {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "certpath-bank-"));
  writeFileSync(join(dir, name), lines.join("\n"));
  return dir;
}

describe("certpath bank", () => {
  it("bank lint passes on the shipped bank and prints the coverage per domain", async () => {
    const r = await cli("bank", "lint");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ questions in \d+ files: no problems\./);
    expect(r.stdout).toMatch(/SAA-C03: \d+ questions/);
  });

  it("bank lint reports broken files with file:line and exits 1", async () => {
    const dir = await bankFolder("bad.yaml", [
      "format: certpath/questions@1",
      "exam: CLF-C02",
      "examGuide: CLF-C02",
      "questions:",
      "  - id: bad-1",
      '    domain: "9"',
      "    type: multiple-choice",
      "    services: [s3]",
      "    stem: A company wants to store files durably for order #42. What should it use?",
      "    options:",
      "      - { id: a, text: S3, correct: true, explanation: Durable object storage for files. }",
      "      - { id: b, text: EBS, correct: true, explanation: Block storage attached to one instance. }",
      "    references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html]",
      "    verifiedOn: 2026-11-26",
      "",
    ]);
    const r = await cli("bank", "lint", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml:5: bad-1: multiple choice needs at least 4 options, has 2/);
    expect(r.stdout).toMatch(/bad\.yaml:5: bad-1: multiple choice needs exactly 1 correct option, has 2/);
    expect(r.stdout).toMatch(/bad\.yaml:5: bad-1: domain "9" is not in the CLF-C02 blueprint/);
    expect(r.stdout).toMatch(
      /bad\.yaml:9: the text "A company wants to store files durably for order" is followed by "#42\. What should it use\?", which YAML reads as a comment/,
    );
  });

  it("bank lint rejects raw HTML, script links and escape sequences with the field's file:line", async () => {
    const option = (id: string, text: string, correct = false) =>
      `      - { id: ${id}, text: ${JSON.stringify(text)}, correct: ${correct}, explanation: Explains why this is right or wrong. }`;
    const dir = await bankFolder("unsafe.yaml", [
      "format: certpath/questions@1",
      "exam: CLF-C02",
      "examGuide: CLF-C02",
      "questions:",
      "  - id: unsafe-1",
      '    domain: "1"',
      "    type: multiple-choice",
      "    services: [s3]",
      "    stem: A company wants to store files durably at the lowest cost. What should it use?",
      "    options:",
      option("a", "Amazon S3", true),
      option("b", "Amazon EBS <img src=x onerror=alert(1)>"),
      option("c", "[Amazon EFS](javascript:alert(1))"),
      option("d", "Amazon FSx \u001b[2J"),
      "    references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html]",
      "    verifiedOn: 2026-11-26",
      "",
    ]);
    const r = await cli("bank", "lint", dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/unsafe\.yaml:12: unsafe-1: options\.1\.text: contains raw HTML "<img/);
    expect(r.stdout).toMatch(/unsafe\.yaml:13: unsafe-1: options\.2\.text: contains a script link/);
    expect(r.stdout).toMatch(
      /unsafe\.yaml:14: unsafe-1: options\.3\.text: contains control character U\+001B/,
    );
    expect(r.stdout).not.toContain("\u001b[2J");
  });

  it("bank lint --json and bank stats report the realism figures per exam", async () => {
    const lint = JSON.parse((await cli("bank", "lint", "--json")).stdout) as {
      warnings: unknown[];
      exams: {
        exam: string;
        realism: { length: { chooseOne: { chance: number } }; stems: { target: number } };
      }[];
    };
    expect(Array.isArray(lint.warnings)).toBe(true);
    const targets = Object.fromEntries(lint.exams.map((e) => [e.exam, e.realism.stems.target]));
    expect(targets).toMatchObject({ "CLF-C02": 40, "AIF-C01": 40, "SAA-C03": 65, "DVA-C02": 65 });
    for (const e of lint.exams) expect(e.realism.length.chooseOne.chance).toBeCloseTo(0.25, 2);
    const stats = await cli("bank", "stats");
    expect(stats.stdout).toMatch(/Choose-N: the N longest/);
    expect(stats.stdout).toMatch(/Median stem \d+ words \(target ≥ 65\)/);
    const md = await cli("bank", "stats", "--markdown");
    expect(md.stdout).toMatch(/^# Question-bank realism/);
    expect(md.stdout).toMatch(/## SAA-C03 \(\d+ questions\)/);
  });

  it("bank lint of a path with no question files is wrong usage: exit 2", async () => {
    const r = await cli("bank", "lint", "/nonexistent/certpath-bank");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No question files/);
  });

  it("serve refuses an --allowed-host that is not a host name, with exit 2", async () => {
    const r = await cli("serve", "--port", "0", "--allowed-host", "evil example/");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--allowed-host "evil example\/" is not a host name/);
  });

  it("bank stats --json reports counts against two full forms, the type mix and service coverage", async () => {
    const r = await cli("bank", "stats", "--json");
    const body = JSON.parse(r.stdout) as {
      exams: {
        exam: string;
        count: number;
        domains: { count: number; twoForms: number }[];
        types: Record<string, number>;
      }[];
    };
    // The finished banks; banks still being written (other exams) may be short of two forms.
    const finished = ["AIF-C01", "CLF-C02", "DVA-C02", "SAA-C03"];
    expect(body.exams.map((e) => e.exam)).toEqual(expect.arrayContaining(finished));
    for (const e of body.exams.filter((x) => finished.includes(x.exam))) {
      expect(e.count).toBeGreaterThanOrEqual(130);
      for (const d of e.domains) expect(d.count).toBeGreaterThanOrEqual(d.twoForms);
      expect((e.types["multiple-response"] ?? 0) / e.count).toBeGreaterThanOrEqual(0.2);
    }
    const aif = body.exams.find((e) => e.exam === "AIF-C01")!;
    expect(aif.types.ordering).toBeGreaterThanOrEqual(8);
    expect(aif.types.matching).toBeGreaterThanOrEqual(8);
  });
});
