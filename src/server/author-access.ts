import type { Context } from "hono";
import type { Actor } from "../app/import-service.js";
import { actorOf } from "./actor-middleware.js";

/**
 * The actor of an import or export request, through the policy: authors and admins (everyone in
 * single-user mode); others get 403 auth.forbidden. Jobs belong to the actor's learner id.
 */
export function authorActor(c: Context, action: "bank.import" | "bank.export" = "bank.import"): Actor {
  const actor = actorOf(c, action);
  return { id: actor.learner, role: actor.role };
}
