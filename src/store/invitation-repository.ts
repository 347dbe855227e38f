import type { Kysely } from "kysely";
import { insertUser, type NewUser } from "./new-user.js";
import type { Database, UserRole } from "./schema.js";

export interface StoredInvitation {
  email: string;
  role: UserRole;
  teamId: string | null;
  teamName: string | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** Invitations by link: stored by the token's hash, accepted once. */
export class InvitationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createInvitation(inv: {
    tokenHash: string;
    email: string;
    role: UserRole;
    teamId: string | null;
    invitedBy: string;
    now: string;
    expiresAt: string;
  }): Promise<void> {
    await this.db
      .insertInto("invitations")
      .values({
        token_hash: inv.tokenHash,
        email: inv.email,
        role: inv.role,
        team_id: inv.teamId,
        invited_by: inv.invitedBy,
        created_at: inv.now,
        expires_at: inv.expiresAt,
        accepted_at: null,
      })
      .execute();
  }

  async findInvitation(tokenHash: string): Promise<StoredInvitation | undefined> {
    const r = await this.db
      .selectFrom("invitations")
      .leftJoin("teams", "teams.id", "invitations.team_id")
      .select([
        "invitations.email",
        "invitations.role",
        "invitations.team_id",
        "teams.name as team_name",
        "invitations.invited_by",
        "invitations.created_at",
        "invitations.expires_at",
        "invitations.accepted_at",
      ])
      .where("invitations.token_hash", "=", tokenHash)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      email: r.email,
      role: r.role as UserRole,
      teamId: r.team_id,
      teamName: r.team_name ?? null,
      invitedBy: r.invited_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      acceptedAt: r.accepted_at,
    };
  }

  /**
   * Accepts an invitation once: marks it used and creates the user with their membership in one
   * transaction (a lead invited into a team leads it, as with `users add --team`). False when it was already used or has expired (a racing accept lost).
   */
  async acceptInvitation(tokenHash: string, user: NewUser, teamId: string | null): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("invitations")
        .set({ accepted_at: user.now })
        .where("token_hash", "=", tokenHash)
        .where("accepted_at", "is", null)
        .where("expires_at", ">", user.now)
        .returning("token_hash")
        .execute();
      if (used.length === 0) return false;
      await insertUser(trx, user);
      if (teamId)
        await trx
          .insertInto("team_members")
          .values({ team_id: teamId, user_id: user.id, role: user.role === "lead" ? "lead" : "member" })
          .execute();
      return true;
    });
  }
}
