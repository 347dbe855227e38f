import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliBin, cliWithInput } from "../test/run-cli.js";

beforeAll(() => {
  cliBin();
});

const PASSWORD = "correct horse battery staple";

describe("certpath team and assignments", () => {
  const db = join(mkdtempSync(join(tmpdir(), "certpath-team-")), "team.db");
  const as = (email: string) => ["--db", db, "--as", email];

  it("a lead assigns an exam and sees the dashboard (text, CSV); a member sees the assignment but not the dashboard", async () => {
    for (const [email, role] of [
      ["lead@example.org", "lead"],
      ["ana@example.org", "learner"],
    ] as const)
      expect(
        (
          await cliWithInput(`${PASSWORD}\n`, [
            "users",
            "add",
            email,
            "--role",
            role,
            "--team",
            "Platform",
            "--db",
            db,
          ])
        ).code,
      ).toBe(0);

    const assigned = await cli(
      "team",
      "assign",
      "platform",
      "CLF-C02",
      "--by",
      "2027-02-01",
      ...as("lead@example.org"),
    );
    expect(assigned).toMatchObject({ code: 0, stderr: "" });
    expect(assigned.stdout).toMatch(/^Assigned CLF-C02 by 2027-02-01 to the whole team/);

    const board = await cli("team", "dashboard", "Platform", ...as("lead@example.org"));
    expect(board.code).toBe(0);
    expect(board.stdout).toContain("Team Platform: readiness on");
    expect(board.stdout).toMatch(/ana@example\.org\s+CLF-C02/);
    const csv = await cli("team", "dashboard", "Platform", "--csv", ...as("lead@example.org"));
    expect(csv.stdout.split("\r\n")[1]).toMatch(/^ana@example\.org,CLF-C02,2027-02-01,/);

    const mine = await cli("assignments", "--json", ...as("ana@example.org"));
    expect(JSON.parse(mine.stdout).assignments[0]).toMatchObject({
      exams: ["CLF-C02"],
      targetDate: "2027-02-01",
    });
    const denied = await cli("team", "dashboard", "Platform", ...as("ana@example.org"));
    expect(denied).toMatchObject({
      code: 2,
      stderr:
        "certpath: Only the team's leads and admins can do this. If another account may, act as it with --as EMAIL (certpath users list shows the roles).\n",
    });
  });

  it("says what is wrong and what to do, with exit 2", async () => {
    const lead = as("lead@example.org");
    expect((await cli("team", "assign", "Platform", "CLF-C02", ...lead)).stderr).toMatch(/--by YYYY-MM-DD/);
    expect(
      (await cli("team", "assign", "Platform", "SAA-C99", "--by", "2027-02-01", ...lead)).stderr,
    ).toMatch(/Did you mean SAA-C03/);
    const member = await cli(
      "team",
      "assign",
      "Platform",
      "SAA-C03",
      "--by",
      "2027-02-01",
      "--member",
      "zed@example.org",
      ...lead,
    );
    expect(member).toMatchObject({
      code: 2,
      stderr: "certpath: --member: zed@example.org is not in this team.\n",
    });
    const past = await cli("team", "assign", "Platform", "CLF-C02", "--by", "2020-01-01", ...lead);
    expect(past).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^certpath: --by: 2020-01-01 is not after today/),
    });
    const nope = await cli("team", "dashboard", "Nope", ...lead);
    expect(nope).toMatchObject({ code: 2 });
    expect(nope.stderr).toContain("Your teams: Platform.");
  });
});
