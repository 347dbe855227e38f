import { describe, expect } from "vitest";
import { storeDialects } from "../test/store-dialects.js";
import { AccountRepository } from "./account-repository.js";
import { TeamRepository } from "./team-repository.js";

// One contract, every dialect: teams as the team features read them.
const { dialects, open } = storeDialects();
const now = "2026-12-01T09:00:00.000Z";
const user = (id: string, email: string) => ({ id, email, passwordHash: "x", role: "learner" as const, now });

describe.each(dialects)("team repository on %s", (name, url) => {
  const test = open(name, url);

  test("lists teams, their members with emails (leads first) and stores the stack", async (store) => {
    const accounts = new AccountRepository(store.db);
    const { teamId } = await accounts.createUser(user("u1", "zoe@example.com"), {
      newId: "t1",
      name: "Platform",
      role: "member",
    });
    await accounts.createUser(user("u2", "lee@example.com"), { newId: "tx", name: "Platform", role: "lead" });
    await accounts.createUser(user("u3", "amy@example.com"), { newId: "t2", name: "Data", role: "member" });
    expect(teamId).toBe("t1");
    const repo = new TeamRepository(store.db);
    expect((await repo.list()).map((t) => t.name)).toEqual(["Data", "Platform"]);
    expect((await repo.list(["t1"])).map((t) => t.name)).toEqual(["Platform"]);
    expect(await repo.list([])).toEqual([]);
    expect(await repo.find("t1")).toMatchObject({ id: "t1", name: "Platform", stack: [] });
    expect(await repo.find("nope")).toBeUndefined();
    expect(await repo.members("t1")).toEqual([
      { userId: "u2", email: "lee@example.com", role: "lead" },
      { userId: "u1", email: "zoe@example.com", role: "member" },
    ]);
    expect(await repo.setStack("t1", ["lambda", "dynamodb"])).toBe(true);
    expect(await repo.setStack("nope", ["lambda"])).toBe(false);
    expect((await repo.find("t1"))?.stack).toEqual(["lambda", "dynamodb"]);
    expect(await repo.emails(["u1", "u3", "u1", "gone"])).toEqual(
      new Map([
        ["u1", "zoe@example.com"],
        ["u3", "amy@example.com"],
      ]),
    );
  });
});
