import { ForbiddenError, NotFoundError } from "../core/errors.js";

export type UserRole = "learner" | "lead" | "author" | "admin";
export const USER_ROLES = ["learner", "lead", "author", "admin"] as const satisfies readonly UserRole[];
export type TeamRole = "member" | "lead";

/** Who a request or a command acts for, resolved once at the edge and passed inward. */
export interface Actor {
  userId: string;
  /** The learner every record of this actor is stored under (the user's id; "local" in single-user mode). */
  learner: string;
  email: string | null;
  role: UserRole;
  teams: { id: string; name: string; role: TeamRole }[];
  mode: "single-user" | "multi-user";
}

/** The one learner of a database without accounts: it may do everything. */
export function localActor(learner = "local"): Actor {
  return { userId: learner, learner, email: null, role: "admin", teams: [], mode: "single-user" };
}

/**
 * What can be done. Learner records (attempts, plans, readiness, reviews, history) are read by their
 * owner, an admin, or a lead of a team the owner is in; only the owner changes them.
 */
export type Action =
  | "exam.list"
  | "attempt.create"
  | "attempt.list"
  | "attempt.read"
  | "attempt.write"
  | "learning.read"
  | "plan.create"
  | "plan.list"
  | "plan.read"
  | "account.read"
  | "account.update"
  | "invitation.create"
  | "user.manage"
  | "team.read"
  | "team.manage"
  | "team.dashboard"
  | "bank.stats";

/** What an action is about: a learner's record (its owner and the owner's teams), a team, an invitation. */
export interface Resource {
  /** The learner a record belongs to. */
  owner?: string;
  /** The teams the owner belongs to (ids). */
  ownerTeams?: readonly string[];
  /** A team the action is about. */
  teamId?: string | null;
  /** The role an invitation gives. */
  role?: UserRole;
}

const leads = (actor: Actor, teamId: string | null | undefined) =>
  teamId != null && actor.teams.some((t) => t.id === teamId && t.role === "lead");
const memberOf = (actor: Actor, teamId: string | null | undefined) =>
  teamId != null && actor.teams.some((t) => t.id === teamId);
const leadsOwner = (actor: Actor, r: Resource) => (r.ownerTeams ?? []).some((t) => leads(actor, t));

/** Whether the actor may do the action on the resource. */
export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  if (actor.mode === "single-user") return true;
  const own = resource.owner === undefined || resource.owner === actor.learner;
  switch (action) {
    case "exam.list":
    case "account.read":
    case "account.update":
      return true;
    case "attempt.create":
    case "attempt.list":
    case "attempt.write":
    case "plan.create":
    case "plan.list":
      return own;
    case "attempt.read":
    case "plan.read":
    case "learning.read":
      return own || actor.role === "admin" || leadsOwner(actor, resource);
    case "invitation.create":
      if (actor.role === "admin") return true;
      return resource.role === "learner" && leads(actor, resource.teamId);
    case "user.manage":
      return actor.role === "admin";
    case "team.read":
      return actor.role === "admin" || memberOf(actor, resource.teamId);
    case "team.manage":
    case "team.dashboard":
      return actor.role === "admin" || leads(actor, resource.teamId);
    case "bank.stats":
      return actor.role === "admin" || actor.role === "author";
  }
}

/** Whether a denied actor may know the resource exists: if not, the denial is a 404, not a 403. */
function mayKnow(actor: Actor, action: Action, resource: Resource): boolean {
  switch (action) {
    case "attempt.read":
    case "plan.read":
    case "learning.read":
      return false;
    case "attempt.write":
      // A lead who may read a member's attempt still may not answer it: that is a 403.
      return can(actor, "attempt.read", resource);
    case "team.read":
      return false;
    case "team.manage":
    case "team.dashboard":
      return memberOf(actor, resource.teamId);
    default:
      return true;
  }
}

/**
 * Throws unless the actor may do the action: 404 (`notFound`) where telling "forbidden" would reveal
 * that the resource exists, 403 `auth.forbidden` otherwise.
 */
export function authorize(
  actor: Actor,
  action: Action,
  resource: Resource = {},
  notFound: () => NotFoundError = () => new NotFoundError("api.not_found", "Nothing has this id."),
): void {
  if (can(actor, action, resource)) return;
  if (!mayKnow(actor, action, resource)) throw notFound();
  throw new ForbiddenError("auth.forbidden", forbiddenMessage(action));
}

function forbiddenMessage(action: Action): string {
  switch (action) {
    case "invitation.create":
      return "Only an admin, or a lead for the teams they lead (learners only), can invite people.";
    case "user.manage":
      return "Only an admin can manage accounts.";
    case "team.manage":
    case "team.dashboard":
      return "Only the team's leads and admins can do this.";
    case "bank.stats":
      return "Only authors and admins can see item statistics.";
    case "attempt.write":
      return "Only the learner who started this attempt can answer or submit it.";
    default:
      return "You may not do this.";
  }
}
