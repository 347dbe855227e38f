import type { Kysely, Transaction } from "kysely";
import { InvitationRepository } from "./invitation-repository.js";
import { insertUser, type NewUser } from "./new-user.js";
import type { Database, TeamRole, UserRole } from "./schema.js";
import { SignInLimitRepository } from "./sign-in-limit-repository.js";

/** A user as stored, without the password hash. */
export interface StoredUser {
  id: string;
  email: string;
  role: UserRole;
  createdAt: string;
  passwordChangedAt: string;
}

export interface TeamMembership {
  id: string;
  name: string;
  role: TeamRole;
}

export interface StoredSession {
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

const userColumns = ["id", "email", "role", "created_at", "password_changed_at"] as const;
const toUser = (r: {
  id: string;
  email: string;
  role: string;
  created_at: string;
  password_changed_at: string;
}): StoredUser => ({
  id: r.id,
  email: r.email,
  role: r.role as UserRole,
  createdAt: r.created_at,
  passwordChangedAt: r.password_changed_at,
});

/** Users, sessions, teams, invitations and the sign-in limiter's counters; same on SQLite and PostgreSQL. */
export class AccountRepository {
  /** The sign-in limiter's counters. */
  readonly limits: SignInLimitRepository;
  /** Invitations by link. */
  readonly invitations: InvitationRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.limits = new SignInLimitRepository(db);
    this.invitations = new InvitationRepository(db);
  }

  /** Whether any account exists (multi-user mode). */
  async hasUsers(): Promise<boolean> {
    const row = await this.db.selectFrom("users").select("id").limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Creates a user (and, with `team`, the team when missing and the membership). The first user adopts
   * every record of the local learner, in the same transaction. Returns whether the user was the first.
   */
  async createUser(
    user: NewUser,
    team?: { newId: string; name: string; role: TeamRole },
  ): Promise<{ first: boolean; adopted: number; teamId: string | null }> {
    return this.db.transaction().execute(async (trx) => {
      const { first, adopted } = await insertUser(trx, user);
      let teamId: string | null = null;
      if (team) {
        teamId = await ensureTeam(trx, team.newId, team.name, user.now);
        await trx
          .insertInto("team_members")
          .values({ team_id: teamId, user_id: user.id, role: team.role })
          .onConflict((oc) => oc.columns(["team_id", "user_id"]).doUpdateSet({ role: team.role }))
          .execute();
      }
      return { first, adopted, teamId };
    });
  }

  async findUserByEmail(email: string): Promise<(StoredUser & { passwordHash: string }) | undefined> {
    const r = await this.db
      .selectFrom("users")
      .select([...userColumns, "password_hash"])
      .where("email", "=", email)
      .executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
  }

  async findUserById(id: string): Promise<(StoredUser & { passwordHash: string }) | undefined> {
    const r = await this.db
      .selectFrom("users")
      .select([...userColumns, "password_hash"])
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? { ...toUser(r), passwordHash: r.password_hash } : undefined;
  }

  /** Every user with their teams, by email. */
  async listUsers(): Promise<(StoredUser & { teams: TeamMembership[] })[]> {
    const users = await this.db.selectFrom("users").select(userColumns).orderBy("email").execute();
    const members = await this.db
      .selectFrom("team_members")
      .innerJoin("teams", "teams.id", "team_members.team_id")
      .select(["team_members.user_id", "teams.id", "teams.name", "team_members.role"])
      .orderBy("teams.name")
      .execute();
    return users.map((u) => ({
      ...toUser(u),
      teams: members
        .filter((m) => m.user_id === u.id)
        .map((m) => ({ id: m.id, name: m.name, role: m.role as TeamRole })),
    }));
  }

  /** Removes a user with their sessions and memberships; their learning records stay. False when unknown. */
  async removeUser(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
      await trx.deleteFrom("team_members").where("user_id", "=", id).execute();
      const gone = await trx.deleteFrom("users").where("id", "=", id).returning("id").execute();
      return gone.length > 0;
    });
  }

  /** Replaces the password hash and signs out every session of the user but `keep` (a session id hash). */
  async changePassword(userId: string, passwordHash: string, now: string, keep?: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({ password_hash: passwordHash, password_changed_at: now })
        .where("id", "=", userId)
        .execute();
      await trx
        .deleteFrom("sessions")
        .where("user_id", "=", userId)
        .$if(keep !== undefined, (q) => q.where("id_hash", "!=", keep as string))
        .execute();
    });
  }

  /** The teams a user belongs to, by name. */
  async teamsOf(userId: string): Promise<TeamMembership[]> {
    const rows = await this.db
      .selectFrom("team_members")
      .innerJoin("teams", "teams.id", "team_members.team_id")
      .select(["teams.id", "teams.name", "team_members.role"])
      .where("team_members.user_id", "=", userId)
      .orderBy("teams.name")
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as TeamRole }));
  }

  async findTeam(id: string): Promise<{ id: string; name: string } | undefined> {
    return this.db.selectFrom("teams").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
  }

  // Sessions ------------------------------------------------------------------------------------------

  async createSession(idHash: string, userId: string, now: string, expiresAt: string): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({ id_hash: idHash, user_id: userId, created_at: now, expires_at: expiresAt, last_seen_at: now })
      .execute();
  }

  /** A session still valid at `now`, with its user; undefined when unknown, expired or signed out. */
  async findSession(
    idHash: string,
    now: string,
  ): Promise<{ session: StoredSession; user: StoredUser } | undefined> {
    const r = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.user_id",
        "sessions.created_at as session_created_at",
        "sessions.expires_at",
        "sessions.last_seen_at",
        "users.id",
        "users.email",
        "users.role",
        "users.created_at",
        "users.password_changed_at",
      ])
      .where("sessions.id_hash", "=", idHash)
      .where("sessions.expires_at", ">", now)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      session: {
        userId: r.user_id,
        createdAt: r.session_created_at,
        expiresAt: r.expires_at,
        lastSeenAt: r.last_seen_at,
      },
      user: toUser(r),
    };
  }

  /** Records activity and slides the expiry. */
  async touchSession(idHash: string, now: string, expiresAt: string): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where("id_hash", "=", idHash)
      .execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }

  /** Signs a user out everywhere. */
  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  /** Drops expired sessions (housekeeping; an expired session is refused anyway). */
  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  }

  async countSessions(userId: string): Promise<number> {
    const r = await this.db
      .selectFrom("sessions")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

async function ensureTeam(trx: Transaction<Database>, newId: string, name: string, now: string) {
  const found = await trx.selectFrom("teams").select("id").where("name", "=", name).executeTakeFirst();
  if (found) return found.id;
  await trx.insertInto("teams").values({ id: newId, name, created_at: now }).execute();
  return newId;
}
