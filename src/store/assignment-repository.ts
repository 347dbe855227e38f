import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** A stored assignment; `exams` holds the one exam, or the path's codes in order. */
export interface StoredAssignment {
  id: string;
  teamId: string;
  /** null: the whole team. */
  userId: string | null;
  kind: "exam" | "path";
  exams: string[];
  targetDate: string;
  assignedBy: string;
  createdAt: string;
}

/** Assignments of exams and paths to teams and members; same on SQLite and PostgreSQL. */
export class AssignmentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores assignments made together (one per chosen member) all or nothing. */
  async create(assignments: readonly StoredAssignment[]): Promise<void> {
    if (assignments.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("assignments")
        .values(
          assignments.map((a) => ({
            id: a.id,
            team_id: a.teamId,
            user_id: a.userId,
            exam: a.kind === "exam" ? (a.exams[0] ?? null) : null,
            path: a.kind === "path" ? JSON.stringify(a.exams) : null,
            target_date: a.targetDate,
            assigned_by: a.assignedBy,
            created_at: a.createdAt,
          })),
        )
        .execute();
    });
  }

  async find(id: string): Promise<StoredAssignment | undefined> {
    const r = await this.db.selectFrom("assignments").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  /** A team's assignments, oldest first. */
  async listForTeam(teamId: string): Promise<StoredAssignment[]> {
    const rows = await this.db
      .selectFrom("assignments")
      .selectAll()
      .where("team_id", "=", teamId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  /** What a member of these teams was given: whole-team assignments and their own, soonest date first. */
  async listForMember(userId: string, teamIds: readonly string[]): Promise<StoredAssignment[]> {
    if (teamIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("assignments")
      .selectAll()
      .where("team_id", "in", [...teamIds])
      .where((eb) => eb.or([eb("user_id", "is", null), eb("user_id", "=", userId)]))
      .orderBy("target_date")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  /** Deletes one assignment of a team; false when the team has no such assignment. */
  async delete(teamId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom("assignments")
      .where("id", "=", id)
      .where("team_id", "=", teamId)
      .returning("id")
      .execute();
    // RETURNING, not numDeletedRows: PGlite's driver does not report affected rows.
    return r.length > 0;
  }

  /** Deletes a member's own assignments in a team (when they leave it). */
  async deleteForMember(teamId: string, userId: string): Promise<number> {
    const r = await this.db
      .deleteFrom("assignments")
      .where("team_id", "=", teamId)
      .where("user_id", "=", userId)
      .returning("id")
      .execute();
    return r.length;
  }
}

function fromRow(r: Database["assignments"]): StoredAssignment {
  const path = r.path === null ? null : (JSON.parse(r.path) as string[]);
  return {
    id: r.id,
    teamId: r.team_id,
    userId: r.user_id,
    kind: path ? "path" : "exam",
    exams: path ?? (r.exam ? [r.exam] : []),
    targetDate: r.target_date,
    assignedBy: r.assigned_by,
    createdAt: r.created_at,
  };
}
