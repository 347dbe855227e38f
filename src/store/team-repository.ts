import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

export interface TeamRecord {
  id: string;
  name: string;
  /** Service slugs (content/services.yaml). */
  stack: string[];
  createdAt: string;
}

export interface TeamMember {
  userId: string;
  email: string;
  role: "member" | "lead";
}

/** Teams as the team features read them (names, stacks, members with emails); same on SQLite and PostgreSQL. */
export class TeamRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every team, by name (admins); `ids` narrows it to those teams. */
  async list(ids?: readonly string[]): Promise<TeamRecord[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("teams")
      .select(["id", "name", "stack", "created_at"])
      .$if(ids !== undefined, (q) => q.where("id", "in", [...(ids ?? [])]))
      .orderBy("name")
      .execute();
    return rows.map(toTeam);
  }

  async find(id: string): Promise<TeamRecord | undefined> {
    const r = await this.db
      .selectFrom("teams")
      .select(["id", "name", "stack", "created_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? toTeam(r) : undefined;
  }

  /** The team's members with their emails: leads first, then by email. */
  async members(teamId: string): Promise<TeamMember[]> {
    const rows = await this.db
      .selectFrom("team_members")
      .innerJoin("users", "users.id", "team_members.user_id")
      .select(["users.id", "users.email", "team_members.role"])
      .where("team_members.team_id", "=", teamId)
      .orderBy("users.email")
      .execute();
    const members = rows.map(
      (r) => ({ userId: r.id, email: r.email, role: r.role === "lead" ? "lead" : "member" }) as const,
    );
    return [...members.filter((m) => m.role === "lead"), ...members.filter((m) => m.role !== "lead")];
  }

  /** Replaces the team's stack; false when there is no such team. */
  async setStack(teamId: string, stack: readonly string[]): Promise<boolean> {
    const r = await this.db
      .updateTable("teams")
      .set({ stack: JSON.stringify(stack) })
      .where("id", "=", teamId)
      .returning("id")
      .execute();
    return r.length > 0;
  }

  /** Emails of users by id (assigned_by), for display. */
  async emails(userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("users")
      .select(["id", "email"])
      .where("id", "in", [...new Set(userIds)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.email]));
  }
}

function toTeam(r: { id: string; name: string; stack: string; created_at: string }): TeamRecord {
  let stack: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.stack);
    if (Array.isArray(parsed)) stack = parsed.filter((s): s is string => typeof s === "string");
  } catch {}
  return { id: r.id, name: r.name, stack, createdAt: r.created_at };
}
