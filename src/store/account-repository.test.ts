import { describe, expect } from "vitest";
import { storeDialects } from "../test/store-dialects.js";
import { AccountRepository } from "./account-repository.js";
import type { Store } from "./database.js";

// One contract, every dialect: accounts, sessions, the sign-in limiter and invitations.
const { dialects, open } = storeDialects();

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
const user = (id: string, email: string, role: "learner" | "lead" | "admin" = "learner") => ({
  id,
  email,
  passwordHash: `$scrypt$ln=15,r=8,p=1$c2FsdA==$${id}`,
  role,
  now: at(0),
});

async function seedLocal(store: Store) {
  await store.db
    .insertInto("attempts")
    .values({
      id: "att-local",
      learner: "local",
      exam: "CLF-C02",
      mode: "practice",
      status: "in-progress",
      seed: "s",
      id_key: "k",
      started_at: at(0),
      ends_at: null,
      submitted_at: null,
      question_ids: "[]",
      option_order: "{}",
      prompt_order: "{}",
      notice: null,
      retake_of: null,
      result: null,
    })
    .execute();
  await store.db
    .insertInto("plans")
    .values({
      id: "plan-local",
      learner: "local",
      exams: "CLF-C02",
      target_date: "2027-01-01",
      request: "{}",
      plan: "{}",
      version: 1,
      created_at: at(0),
      updated_at: at(0),
    })
    .execute();
  await store.db
    .insertInto("answer_log")
    .values({
      attempt_id: "att-local",
      question_id: "q1",
      learner: "local",
      exam: "CLF-C02",
      mode: "practice",
      correct: 1,
      answered_at: at(0),
    })
    .execute();
  await store.db
    .insertInto("question_history")
    .values({
      learner: "local",
      question_id: "q1",
      exam: "CLF-C02",
      times_seen: 1,
      times_correct: 1,
      last_correct: 1,
      last_answered_at: at(0),
    })
    .execute();
}

describe.each(dialects)("account repository on %s", (name, url) => {
  const test = open(name, url);
  const repo = (s: Store) => new AccountRepository(s.db);

  test("the first account adopts every record of the local learner; later accounts adopt nothing", async (s) => {
    await seedLocal(s);
    expect(await repo(s).hasUsers()).toBe(false);
    const first = await repo(s).createUser(user("u-ana", "ana@example.org", "admin"));
    expect(first.first).toBe(true);
    expect(await repo(s).hasUsers()).toBe(true);
    for (const table of ["attempts", "plans", "answer_log", "question_history"] as const) {
      const rows = await s.db.selectFrom(table).select("learner").execute();
      expect(
        rows.map((r) => r.learner),
        table,
      ).toEqual(["u-ana"]);
    }
    const second = await repo(s).createUser(user("u-bo", "bo@example.org"));
    expect(second).toMatchObject({ first: false, adopted: 0 });
    await expect(repo(s).createUser(user("u-x", "ana@example.org"))).rejects.toThrow();
  });

  test("a team is created when missing and reused by name; a lead leads it", async (s) => {
    const a = await repo(s).createUser(user("u-li", "li@example.org", "lead"), {
      newId: "t-1",
      name: "Platform",
      role: "lead",
    });
    const b = await repo(s).createUser(user("u-mo", "mo@example.org"), {
      newId: "t-2",
      name: "Platform",
      role: "member",
    });
    expect([a.teamId, b.teamId]).toEqual(["t-1", "t-1"]);
    expect(await repo(s).teamsOf("u-li")).toEqual([{ id: "t-1", name: "Platform", role: "lead" }]);
    expect(await repo(s).teamsOf("u-mo")).toEqual([{ id: "t-1", name: "Platform", role: "member" }]);
    const listed = await repo(s).listUsers();
    expect(listed.find((u) => u.email === "mo@example.org")?.teams).toEqual([
      { id: "t-1", name: "Platform", role: "member" },
    ]);
  });

  test("sessions: found until they expire or are deleted, one user or everywhere", async (s) => {
    await repo(s).createSession("h1", "u-bo", at(0), at(30));
    await repo(s).createSession("h2", "u-bo", at(0), at(30));
    await repo(s).createSession("h3", "u-ana", at(0), at(30));
    const found = await repo(s).findSession("h1", at(1));
    expect(found?.user).toMatchObject({ id: "u-bo", email: "bo@example.org", role: "learner" });
    expect(found?.session).toMatchObject({ expiresAt: at(30), lastSeenAt: at(0) });
    expect(await repo(s).findSession("h1", at(30))).toBeUndefined();
    await repo(s).touchSession("h1", at(20), at(50));
    expect((await repo(s).findSession("h1", at(40)))?.session.lastSeenAt).toBe(at(20));
    await repo(s).deleteSession("h1");
    expect(await repo(s).findSession("h1", at(21))).toBeUndefined();
    await repo(s).deleteSessionsOf("u-bo");
    expect(await repo(s).findSession("h2", at(21))).toBeUndefined();
    expect(await repo(s).findSession("h3", at(21))).toBeDefined();
  });

  test("a password change keeps only the session that made it", async (s) => {
    await repo(s).createSession("p1", "u-ana", at(0), at(30));
    await repo(s).createSession("p2", "u-ana", at(0), at(30));
    await repo(s).changePassword("u-ana", "$scrypt$new", at(5), "p1");
    expect(await repo(s).findSession("p1", at(6))).toBeDefined();
    expect(await repo(s).findSession("p2", at(6))).toBeUndefined();
    expect(await repo(s).findSession("h3", at(6))).toBeUndefined();
    expect((await repo(s).findUserById("u-ana"))?.passwordHash).toBe("$scrypt$new");
  });

  test("sign-in failures count per key in a window, lock at the limit, and clear", async (s) => {
    const fail = (m: number) => repo(s).limits.recordFailure("email:x", at(m), at(m - 15), 3, at(m + 15));
    expect(await fail(1)).toBe(1);
    expect(await fail(2)).toBe(2);
    expect(await repo(s).limits.lockedUntil("email:x", at(2))).toBeUndefined();
    expect(await fail(3)).toBe(3);
    expect(await repo(s).limits.lockedUntil("email:x", at(4))).toBe(at(18));
    expect(await repo(s).limits.lockedUntil("email:x", at(18))).toBeUndefined();
    // A failure after the window starts a new count.
    expect(await fail(40)).toBe(1);
    await repo(s).limits.clearFailures("email:x");
    expect(await fail(41)).toBe(1);
    // Housekeeping keeps a counter in its window and a lock still running.
    await repo(s).limits.recordFailure("email:y", at(41), at(26), 1, at(59));
    await repo(s).limits.deleteStaleFailures(at(30), at(43));
    expect(await fail(44)).toBe(2);
    // An old window goes, unless it still locks its key.
    await repo(s).limits.deleteStaleFailures(at(50), at(52));
    expect(await repo(s).limits.lockedUntil("email:y", at(52))).toBe(at(59));
    expect(await fail(53)).toBe(1);
  });

  test("an invitation is accepted once, before it expires, creating the member", async (s) => {
    const inv = {
      tokenHash: "th1",
      email: "new@example.org",
      role: "learner" as const,
      teamId: "t-1",
      invitedBy: "u-li",
      now: at(0),
      expiresAt: at(50),
    };
    await repo(s).invitations.createInvitation(inv);
    expect(await repo(s).invitations.findInvitation("th1")).toMatchObject({
      email: "new@example.org",
      teamName: "Platform",
      acceptedAt: null,
    });
    const accept = (id: string) =>
      repo(s).invitations.acceptInvitation("th1", { ...user(id, "new@example.org"), now: at(10) }, "t-1");
    expect(await accept("u-new")).toBe(true);
    expect(await accept("u-new2")).toBe(false);
    expect(await repo(s).teamsOf("u-new")).toEqual([{ id: "t-1", name: "Platform", role: "member" }]);
    await repo(s).invitations.createInvitation({ ...inv, tokenHash: "th2", email: "late@example.org" });
    expect(
      await repo(s).invitations.acceptInvitation(
        "th2",
        { ...user("u-late", "late@example.org"), now: at(50) },
        null,
      ),
    ).toBe(false);
  });

  test("removing a user ends their sessions and memberships but keeps their records", async (s) => {
    await repo(s).createSession("r1", "u-mo", at(0), at(30));
    expect(await repo(s).removeUser("u-mo")).toBe(true);
    expect(await repo(s).removeUser("u-mo")).toBe(false);
    expect(await repo(s).findSession("r1", at(1))).toBeUndefined();
    expect(await repo(s).teamsOf("u-mo")).toEqual([]);
    expect(await s.db.selectFrom("attempts").select("learner").execute()).toEqual([{ learner: "u-ana" }]);
  });
});
