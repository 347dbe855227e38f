import { NotFoundError } from "../core/errors.js";
import { type Action, type Actor, authorize } from "./policy.js";

export interface RecordAccessDeps {
  /** The learner an attempt belongs to; a cached owner other than `expected` is re-read. */
  attemptOwner: (id: string, expected: string) => Promise<string | undefined>;
  planOwner: (id: string) => Promise<string | undefined>;
  /** The ids of the teams a user belongs to. */
  teamsOf: (userId: string) => Promise<string[]>;
}

/** Applies the policy to learner records named by id (attempts, plans): finds the owner, then authorizes. */
export class RecordAccess {
  constructor(private readonly d: RecordAccessDeps) {}

  private async check(actor: Actor, action: Action, owner: string, notFound: () => NotFoundError) {
    // The owner's teams matter only to a lead looking at someone else's record.
    const ownerTeams =
      actor.mode === "multi-user" && owner !== actor.learner && actor.teams.some((t) => t.role === "lead")
        ? await this.d.teamsOf(owner)
        : [];
    authorize(actor, action, { owner, ownerTeams }, notFound);
  }

  /** Throws 404 `attempt.not_found` (or 403) unless the actor may read or change the attempt. */
  async attempt(actor: Actor, action: "attempt.read" | "attempt.write", id: string): Promise<string> {
    const notFound = () => new NotFoundError("attempt.not_found", `No attempt has the id "${id}".`);
    const owner = await this.d.attemptOwner(id, actor.learner);
    if (owner === undefined) throw notFound();
    await this.check(actor, action, owner, notFound);
    return owner;
  }

  /** Throws 404 `plan.not_found` unless the actor may read the plan; returns its owner. */
  async plan(actor: Actor, id: string): Promise<string> {
    const notFound = () => new NotFoundError("plan.not_found", `No plan has the id "${id}".`);
    const owner = await this.d.planOwner(id);
    if (owner === undefined) throw notFound();
    await this.check(actor, "plan.read", owner, notFound);
    return owner;
  }
}
