import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/**
 * Sign-in failures per key ("email:<email>", "ip:<address>") in the database, so the limit holds
 * whichever server a request lands on.
 */
export class SignInLimitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  // Sign-in rate limit --------------------------------------------------------------------------------

  /** When the key is locked out, until when; undefined when it is not. */
  async lockedUntil(key: string, now: string): Promise<string | undefined> {
    const r = await this.db
      .selectFrom("sign_in_attempts")
      .select("locked_until")
      .where("key", "=", key)
      .executeTakeFirst();
    return r?.locked_until && r.locked_until > now ? r.locked_until : undefined;
  }

  /**
   * Counts one failure of the key in the window that started after `windowStart` (an older window starts
   * over), and locks the key until `lockUntil` once `max` failures are reached. Atomic per key.
   */
  async recordFailure(
    key: string,
    now: string,
    windowStart: string,
    max: number,
    lockUntil: string,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("sign_in_attempts")
        .values({ key, failures: 1, window_start: now, locked_until: null })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when("sign_in_attempts.window_start", "<", windowStart)
              .then(1)
              .else(eb("sign_in_attempts.failures", "+", 1))
              .end(),
            window_start: eb
              .case()
              .when("sign_in_attempts.window_start", "<", windowStart)
              .then(now)
              .else(eb.ref("sign_in_attempts.window_start"))
              .end(),
          })),
        )
        .execute();
      const r = await trx
        .selectFrom("sign_in_attempts")
        .select("failures")
        .where("key", "=", key)
        .executeTakeFirstOrThrow();
      const failures = Number(r.failures);
      if (failures >= max)
        await trx
          .updateTable("sign_in_attempts")
          .set({ locked_until: lockUntil, failures: 0, window_start: now })
          .where("key", "=", key)
          .execute();
      return failures;
    });
  }

  /** Drops counters whose window ended before `before` and that lock nothing at `now` (housekeeping). */
  async deleteStaleFailures(before: string, now: string): Promise<void> {
    await this.db
      .deleteFrom("sign_in_attempts")
      .where("window_start", "<", before)
      .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<=", now)]))
      .execute();
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom("sign_in_attempts").where("key", "=", key).execute();
  }
}
