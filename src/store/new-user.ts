import type { Transaction } from "kysely";
import type { Database, UserRole } from "./schema.js";

/** The learner of every record made before accounts existed (single-user mode). */
const LOCAL = "local";
/**
 * Every table whose rows belong to a learner: the first account adopts the local learner's rows. A new
 * table keyed by learner is added here.
 */
export const LEARNER_TABLES = [
  "attempts",
  "answer_log",
  "question_history",
  "plans",
  "item_reports",
] as const;

export type NewUser = { id: string; email: string; passwordHash: string; role: UserRole; now: string };

/** Inserts a user; the first one adopts every record of the local learner. */
export async function insertUser(trx: Transaction<Database>, user: NewUser) {
  const first = (await trx.selectFrom("users").select("id").limit(1).executeTakeFirst()) === undefined;
  await trx
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      password_hash: user.passwordHash,
      role: user.role,
      created_at: user.now,
      password_changed_at: user.now,
    })
    .execute();
  return { first, adopted: first ? await adoptLocal(trx, user.id) : 0 };
}

/** Gives the local learner's records to the first account. */
async function adoptLocal(trx: Transaction<Database>, userId: string): Promise<number> {
  let n = 0;
  for (const table of LEARNER_TABLES) {
    const r = await trx
      .updateTable(table)
      .set({ learner: userId })
      .where("learner", "=", LOCAL)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows ?? 0);
  }
  return n;
}
