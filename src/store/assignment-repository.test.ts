import { describe, expect } from "vitest";
import { storeDialects } from "../test/store-dialects.js";
import { AssignmentRepository, type StoredAssignment } from "./assignment-repository.js";
import type { Store } from "./database.js";

// One contract, every dialect: assignments of exams and paths to teams and members.
const { dialects, open } = storeDialects();

const a = (id: string, over: Partial<StoredAssignment> = {}): StoredAssignment => ({
  id,
  teamId: "t1",
  userId: null,
  kind: "exam",
  exams: ["SAA-C03"],
  targetDate: "2027-03-01",
  assignedBy: "lead",
  createdAt: "2026-11-30T09:00:00.000Z",
  ...over,
});

/** Teams and users the assignments point at (foreign keys). */
async function seed(store: Store, teams: string[], users: string[]) {
  const now = "2026-11-30T08:00:00.000Z";
  for (const id of teams)
    await store.db
      .insertInto("teams")
      .values({ id, name: `team ${id}`, created_at: now })
      .execute();
  for (const id of users)
    await store.db
      .insertInto("users")
      .values({
        id,
        email: `${id}@example.com`,
        password_hash: "x",
        role: "learner",
        created_at: now,
        password_changed_at: now,
      })
      .execute();
}

describe.each(dialects)("assignment repository on %s", (name, url) => {
  const test = open(name, url);

  test("stores exams and paths and reads them back exactly", async (store) => {
    await seed(store, ["t1"], ["u1"]);
    const repo = new AssignmentRepository(store.db);
    const path = a("p1", {
      kind: "path",
      exams: ["CLF-C02", "SAA-C03"],
      createdAt: "2026-11-30T09:00:01.000Z",
    });
    const exam = a("e1", { userId: "u1", createdAt: "2026-11-30T09:00:02.000Z" });
    await repo.create([path, exam]);
    expect(await repo.find("p1")).toEqual(path);
    expect(await repo.find("e1")).toEqual(exam);
    expect(await repo.find("nope")).toBeUndefined();
    expect((await repo.listForTeam("t1")).map((x) => x.id)).toEqual(["p1", "e1"]);
  });

  test("gives a member the team's assignments and their own, never another member's or team's", async (store) => {
    await seed(store, ["t2", "t3"], ["u7", "u8"]);
    const repo = new AssignmentRepository(store.db);
    await repo.create([
      a("m-team", { teamId: "t2", targetDate: "2027-05-01" }),
      a("m-mine", { teamId: "t2", userId: "u7", targetDate: "2027-02-01" }),
      a("m-other", { teamId: "t2", userId: "u8" }),
      a("m-elsewhere", { teamId: "t3" }),
    ]);
    expect((await repo.listForMember("u7", ["t2"])).map((x) => x.id)).toEqual(["m-mine", "m-team"]);
    expect((await repo.listForMember("u7", ["t2", "t3"])).map((x) => x.id)).toContain("m-elsewhere");
    expect(await repo.listForMember("u7", [])).toEqual([]);
  });

  test("deletes only within the team, and all or nothing on create", async (store) => {
    await seed(store, ["t4", "t5", "t6"], ["u4"]);
    const repo = new AssignmentRepository(store.db);
    await repo.create([a("d1", { teamId: "t4" }), a("d2", { teamId: "t4", userId: "u4" })]);
    expect(await repo.delete("t5", "d1")).toBe(false);
    expect(await repo.delete("t4", "d1")).toBe(true);
    expect(await repo.delete("t4", "d1")).toBe(false);
    expect(await repo.deleteForMember("t4", "u4")).toBe(1);
    expect(await repo.listForTeam("t4")).toEqual([]);
    // A duplicate id fails the whole batch: nothing of it is stored.
    await expect(repo.create([a("d3", { teamId: "t6" }), a("d3", { teamId: "t6" })])).rejects.toThrow();
    expect(await repo.listForTeam("t6")).toEqual([]);
  });

  test("drops the assignments of a user or a team that is deleted", async (store) => {
    await seed(store, ["t7", "t8"], ["u9"]);
    const repo = new AssignmentRepository(store.db);
    await repo.create([
      a("x1", { teamId: "t7", userId: "u9" }),
      a("x2", { teamId: "t7" }),
      a("x3", { teamId: "t8" }),
    ]);
    await store.db.deleteFrom("users").where("id", "=", "u9").execute();
    expect((await repo.listForTeam("t7")).map((x) => x.id)).toEqual(["x2"]);
    await store.db.deleteFrom("teams").where("id", "=", "t8").execute();
    expect(await repo.find("x3")).toBeUndefined();
  });
});
