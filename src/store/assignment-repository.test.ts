import { describe, expect } from "vitest";
import { storeDialects } from "../test/store-dialects.js";
import { AssignmentRepository, type StoredAssignment } from "./assignment-repository.js";

const { dialects, open } = storeDialects();

const a = (id: string, over: Partial<StoredAssignment> = {}): StoredAssignment => ({
  id,
  teamId: "t1",
  userId: null,
  kind: "exam",
  exams: ["SAA-C03"],
  targetDate: "2027-03-01",
  assignedBy: "lead",
  createdAt: `2026-11-30T09:00:0${id.length % 10}.000Z`,
  ...over,
});

describe.each(dialects)("assignment repository on %s", (name, url) => {
  const test = open(name, url);

  test("stores exams and paths and reads them back exactly", async (store) => {
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
    const repo = new AssignmentRepository(store.db);
    await repo.create([a("d1", { teamId: "t4" }), a("d2", { teamId: "t4", userId: "u1" })]);
    expect(await repo.delete("t5", "d1")).toBe(false);
    expect(await repo.delete("t4", "d1")).toBe(true);
    expect(await repo.delete("t4", "d1")).toBe(false);
    expect(await repo.deleteForMember("t4", "u1")).toBe(1);
    expect(await repo.listForTeam("t4")).toEqual([]);
    // A duplicate id fails the whole batch: nothing of it is stored.
    await expect(repo.create([a("d3", { teamId: "t6" }), a("d3", { teamId: "t6" })])).rejects.toThrow();
    expect(await repo.listForTeam("t6")).toEqual([]);
  });
});
