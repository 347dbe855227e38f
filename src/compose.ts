import { loadCoreContentFast } from "./content/content-snapshot.js";
import type { CoreContent } from "./content/load-content.js";
import { toIsoDate } from "./core/dates.js";

/** The one place where content, clock and (later) storage are wired together for the shells. */
export interface AppContext extends CoreContent {
  now: () => Date;
  today: () => string;
}

/** Builds the context the CLI and the server use; `now` can be fixed for tests. */
export async function createContext(
  options: { now?: () => Date; content?: CoreContent } = {},
): Promise<AppContext> {
  const content = options.content ?? (await loadCoreContentFast());
  const now = options.now ?? (() => new Date());
  return { ...content, now, today: () => toIsoDate(now()) };
}
