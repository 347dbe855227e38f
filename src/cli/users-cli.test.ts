import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext, openExamContext } from "../compose.js";
import { openStore } from "../store/database.js";
import { content } from "../test/fixtures.js";
import { cli, cliBin, cliWithInput } from "../test/run-cli.js";

beforeAll(() => {
  cliBin();
});

const PASSWORD = "correct horse battery staple";

describe("certpath users", () => {
  const dir = mkdtempSync(join(tmpdir(), "certpath-users-"));
  const db = join(dir, "nested", "team.db");

  it("add creates the database, reads the password as one line from a pipe (no prompt), and the first account adopts local records", async () => {
    const r = await cliWithInput(`${PASSWORD}\nignored second line\n`, [
      "users",
      "add",
      "Ana@Example.org",
      "--role",
      "admin",
      "--db",
      db,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Added ana@example.org as admin.");
    expect(r.stdout).toContain("first account");
    expect(r.stdout).not.toMatch(/password/i);
    const store = await openStore(db);
    const [user] = await store.db.selectFrom("users").selectAll().execute();
    await store.close();
    expect(user?.email).toBe("ana@example.org");
    expect(user?.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    expect(user?.password_hash).not.toContain(PASSWORD);
  });

  it("a lead added with --team leads that team, created when missing; list shows roles and teams", async () => {
    const lead = await cliWithInput(`${PASSWORD}\n`, [
      "users",
      "add",
      "li@example.org",
      "--role",
      "lead",
      "--team",
      "Platform",
      "--db",
      db,
    ]);
    expect(lead.code).toBe(0);
    expect(lead.stdout).toContain('in team "Platform", which they lead');
    const member = await cliWithInput(`${PASSWORD}\r\n`, [
      "users",
      "add",
      "mo@example.org",
      "--role",
      "learner",
      "--team",
      "Platform",
      "--db",
      db,
    ]);
    expect(member.code).toBe(0);
    const list = await cli("users", "list", "--json", "--db", db);
    expect(
      JSON.parse(list.stdout).users.map(
        (u: { email: string; role: string; teams: { name: string; role: string }[] }) => [
          u.email,
          u.role,
          u.teams.map((t) => `${t.name}:${t.role}`),
        ],
      ),
    ).toEqual([
      ["ana@example.org", "admin", []],
      ["li@example.org", "lead", ["Platform:lead"]],
      ["mo@example.org", "learner", ["Platform:member"]],
    ]);
    const text = await cli("users", "list", "--db", db);
    expect(text.stdout).toMatch(/Email\s+Role\s+Teams\s+Created/);
    expect(text.stdout).toContain("Platform (lead)");
  });

  it("bad input: exit 2 with what to do, and nothing is created", async () => {
    const cases: [string, string[], RegExp][] = [
      [`${PASSWORD}\n`, ["users", "add", "x@example.org", "--db", db], /--role is required/],
      [
        `${PASSWORD}\n`,
        ["users", "add", "x@example.org", "--role", "boss", "--db", db],
        /learner, lead, author, admin/,
      ],
      [
        `${PASSWORD}\n`,
        ["users", "add", "not-an-email", "--role", "learner", "--db", db],
        /not an email address/,
      ],
      [
        "short\n",
        ["users", "add", "x@example.org", "--role", "learner", "--db", db],
        /at least 12 characters/,
      ],
      [
        "",
        ["users", "add", "x@example.org", "--role", "learner", "--db", db],
        /no password on standard input/,
      ],
      [
        `${PASSWORD}\n`,
        ["users", "add", "ana@example.org", "--role", "learner", "--db", db],
        /already an account/,
      ],
      ["", ["users", "remove", "nobody@example.org", "--db", db], /no account for nobody@example.org/],
    ];
    for (const [input, args, message] of cases) {
      const r = await cliWithInput(input, args);
      expect([r.code, r.stderr], args.join(" ")).toEqual([2, expect.stringMatching(message)]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const list = await cli("users", "list", "--json", "--db", db);
    expect(JSON.parse(list.stdout).users).toHaveLength(3);
  });

  it("remove deletes the account; list on a fresh database says single-user mode", async () => {
    const r = await cli("users", "remove", "MO@example.org", "--db", db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Removed mo@example.org");
    expect(JSON.parse((await cli("users", "list", "--json", "--db", db)).stdout).users).toHaveLength(2);
    const fresh = join(dir, "fresh.db");
    await (await openStore(fresh)).close();
    const empty = await cli("users", "list", "--db", fresh);
    expect(empty.stdout).toContain("single-user mode");
  });

  it("serve on a network address refuses to start without accounts (exit 2, says how to add an admin)", async () => {
    const r = await cli("serve", "--host", "0.0.0.0", "--port", "0", "--db", join(dir, "none.db"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("certpath users add EMAIL --role admin");
  });

  it("with accounts, learner commands work on one account's records: the only one, or --as EMAIL", async () => {
    const file = join(dir, "learner.db");
    const exam = await openExamContext(await createContext({ content }), { databaseUrl: file });
    const attempt = await exam.exams.start(exam.learner, { exam: "CLF-C02", mode: "practice", count: 2 });
    await exam.close();
    const ids = async (...extra: string[]) => {
      const r = await cli("history", "--json", "--db", file, ...extra);
      return r.code === 0 ? JSON.parse(r.stdout).attempts.map((a: { id: string }) => a.id) : r;
    };
    expect(await ids()).toEqual([attempt.id]);
    await cliWithInput(`${PASSWORD}\n`, [
      "users",
      "add",
      "ana@example.org",
      "--role",
      "learner",
      "--db",
      file,
    ]);
    expect(await ids()).toEqual([attempt.id]);
    await cliWithInput(`${PASSWORD}\n`, [
      "users",
      "add",
      "bo@example.org",
      "--role",
      "learner",
      "--db",
      file,
    ]);
    expect(await ids()).toMatchObject({ code: 2, stderr: expect.stringContaining("--as EMAIL") });
    expect(await ids("--as", "ana@example.org")).toEqual([attempt.id]);
    expect(await ids("--as", "bo@example.org")).toEqual([]);
    expect(await ids("--as", "nobody@example.org")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("no account for nobody@example.org"),
    });
    const other = await cli("review", attempt.id, "--db", file, "--as", "bo@example.org");
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`no attempt has the id "${attempt.id}"`);
  });
});
