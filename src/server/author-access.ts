import type { Context } from "hono";
import { LOCAL_LEARNER } from "../app/exam-service.js";
import type { Actor } from "../app/import-service.js";

/**
 * The actor of an author-only request (import/export). Single-user mode (no accounts): the local user
 * may do everything. The one call that the accounts policy (src/app/policy.ts) replaces.
 */
export function authorActor(_c: Context): Actor {
  return { id: LOCAL_LEARNER, role: "admin" };
}
