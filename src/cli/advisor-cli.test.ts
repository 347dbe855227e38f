import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { cli, cliBin } from "../test/run-cli.js";

// Issue 7 in the CLI: advisor words, dates, name search, services, read-only commands, "today".
const exec = promisify(execFile);

describe("certpath CLI (issue 7)", () => {
  it("services lists the stack words; an unknown one exits 2 and suggests the nearest", async () => {
    const list = await cli("services", "--json");
    expect(list.code).toBe(0);
    const slugs = (JSON.parse(list.stdout) as { services: { slug: string }[] }).services.map((s) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(["lambda", "dynamodb"]));
    for (const [word, near] of [
      ["lamda", "lambda"],
      ["dynamo db", "dynamodb"],
      ["cloudfornt", "cloudfront"],
    ]) {
      const r = await cli("advise", "--role", "developer", "--aws-experience", "1", "--stack", word ?? "");
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--stack: unknown AWS service "${word}". Did you mean ${near}`));
    }
  });

  it("rejects impossible dates with the flag and the form, everywhere", async () => {
    for (const d of ["2024-02-30", "2024-13-01", "2024-99-99"]) {
      for (const args of [
        ["catalog", "--on", d],
        ["show", "SAA-C03", "--on", d],
        ["advise", "--role", "developer", "--aws-experience", "1", "--target-date", d],
      ]) {
        const r = await cli(...args);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stderr).toMatch(/takes a real calendar date written YYYY-MM-DD/);
      }
    }
  });

  it("catalog --on 2010-01-01 lists nothing active", async () => {
    const r = await cli("catalog", "--on", "2010-01-01", "--json");
    expect(r.code).toBe(0);
    const certs = (JSON.parse(r.stdout) as { certifications: { status: string }[] }).certifications;
    expect(certs.filter((c) => c.status === "active")).toEqual([]);
  });

  it("show lists the candidates of a name that matches several, exit 2", async () => {
    for (const [q, codes] of [
      ["solutions architect", ["SAA-C03", "SAP-C02"]],
      ["architect", ["SAA-C03", "SAP-C02"]],
      ["machine learning", ["MLA-C01", "MLS-C01"]],
    ] as const) {
      const r = await cli("show", q);
      expect(r.code).toBe(2);
      for (const c of codes) expect(r.stderr).toContain(c);
    }
  });

  it("advise takes field experience and natural years, and hours only from 0.5 to 80", async () => {
    const ok = await cli(
      "advise",
      "--role",
      "network administrator",
      "--aws-experience",
      "6 months",
      "--field-experience",
      "10",
      "--json",
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).profile).toMatchObject({
      awsExperienceYears: 0.5,
      fieldExperienceYears: 10,
    });
    for (const h of ["0.4", "81"]) {
      const r = await cli("advise", "--role", "developer", "--aws-experience", "1", "--hours-per-week", h);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--hours-per-week: .*0\.5 to 80/);
    }
    const held = await cli(
      "advise",
      "--role",
      "developer",
      "--aws-experience",
      "1",
      "--held",
      "SAA-C03:2099-01-01",
    );
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/--held: SAA-C03 was earned on 2099-01-01, which is after today/);
  });

  it("read-only commands leave no file behind on a wrong --db, and name it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "certpath-ro-"));
    const db = join(dir, "missing", "nowhere.db");
    for (const args of [
      ["history", "--db", db],
      ["review", "abc", "--db", db],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(db);
    }
    expect(existsSync(join(dir, "missing"))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an unreachable PostgreSQL server is named, not an unexpected error", async () => {
    const r = await cli("history", "--db", "postgres://nobody@127.0.0.1:1/certpath");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot connect to the PostgreSQL server at 127\.0\.0\.1:1/);
    expect(r.stderr).not.toMatch(/unexpected error/);
  });

  it("plans from the local date: profile.today follows the time zone", async () => {
    const today = async (tz: string) => {
      const { stdout } = await exec(
        "node",
        [cliBin(), "advise", "--role", "developer", "--aws-experience", "1", "--json"],
        {
          env: { ...process.env, TZ: tz, NO_COLOR: "1" },
        },
      );
      return (JSON.parse(stdout) as { profile: { today: string } }).profile.today;
    };
    const local = (tz: string) => new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date());
    // UTC+14 and UTC-11 are always on different calendar days; the UTC date would be the same for both.
    const [east, west] = [await today("Pacific/Kiritimati"), await today("Pacific/Pago_Pago")];
    expect(east).toBe(local("Pacific/Kiritimati"));
    expect(west).toBe(local("Pacific/Pago_Pago"));
    expect(east).not.toBe(west);
  });
});

describe("certpath advise in a terminal", () => {
  it("asks the same question again on a wrong answer and keeps the answers so far", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(
      "script",
      ["-qfec", `stty cols 100 rows 40; exec node ${cliBin()} advise`, "/dev/null"],
      {
        env: { ...process.env, NO_COLOR: "1", TERM: "xterm" },
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
    });
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
    const waitFor = async (pattern: RegExp, from: number) => {
      const start = Date.now();
      while (!pattern.test(out.slice(from))) {
        if (Date.now() - start > 15_000)
          throw new Error(`timed out waiting for ${pattern}:\n${out.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const answer = async (text: string, next: RegExp) => {
      const from = out.length;
      child.stdin.write(`${text}\r`);
      await waitFor(next, from);
    };
    try {
      await waitFor(/Your current role/, 0);
      await answer("SOC analyst", /Years of hands-on AWS/);
      await answer("lots", /not a number of years[\s\S]*Years of hands-on AWS/);
      await answer("6 months", /Years in your field/);
      await answer("4", /IT or STEM background/);
      await answer("y", /AWS services your organisation uses/);
      await answer("lamda", /Did you mean lambda[\s\S]*AWS services your organisation uses/);
      await answer("lambda, guardduty", /Where do you want to go/);
      await answer("", /Study hours per week/);
      await answer("100", /0\.5 to 80[\s\S]*Study hours per week/);
      await answer("6", /Certifications you hold/);
      await answer("SAA-C3", /Did you mean SAA-C03[\s\S]*Certifications you hold/);
      await answer("", /Certifications you have in mind/);
      await answer("", /Target date/);
      await answer("2024-02-30", /not a real date[\s\S]*Target date/);
      await answer("", /Certification paths for: Security engineer/);
      expect(await exited).toBe(0);
      expect(out).toMatch(/SCS-C03/);
      expect(out).toMatch(/Amazon GuardDuty/);
    } finally {
      child.kill();
    }
  });
});
