import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import { startPostgres, type ThrowawayPostgres } from "./postgres.js";

/**
 * The store contract's dialects: SQLite in memory and on disk, PGlite, and a real PostgreSQL server
 * (skipped when none is installed, unless CERTPATH_REQUIRE_POSTGRES=1). Call once per test file.
 */
export function storeDialects() {
  let pg: ThrowawayPostgres | undefined;
  const required = process.env.CERTPATH_REQUIRE_POSTGRES === "1";
  beforeAll(() => {
    pg = startPostgres();
    if (!pg && required)
      throw new Error("CERTPATH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries were found");
  }, 120_000);
  afterAll(() => pg?.stop());
  const dialects: [string, () => string | undefined][] = [
    ["sqlite memory", () => ":memory:"],
    ["sqlite file", () => join(mkdtempSync(join(tmpdir(), "certpath-store-")), "test.db")],
    ["pglite", () => "pglite:"],
    ["postgresql server", () => pg?.url],
  ];
  /** Opens the dialect's store for a describe block; `test` skips when the server is missing. */
  const open = (name: string, url: () => string | undefined, onOpen?: (store: Store) => void) => {
    const state = { store: undefined as Store | undefined };
    beforeAll(async () => {
      const u = url();
      if (u) state.store = await openStore(u);
      if (state.store) onOpen?.(state.store);
    }, 60_000);
    afterAll(async () => state.store?.close());
    const test = (title: string, fn: (store: Store) => Promise<void>) =>
      it(title, async (ctx) => {
        if (!state.store) {
          if (name === "postgresql server" && !required) return ctx.skip();
          throw new Error(`${name} is not available`);
        }
        await fn(state.store);
      });
    return test;
  };
  return { dialects, open };
}

/** A store contract suite: `body` registers its tests once, and they run over every dialect. */
export function eachDialect(
  title: string,
  body: (test: (name: string, fn: (store: Store) => Promise<void>) => void) => void,
): void {
  const { dialects, open } = storeDialects();
  describe.each(dialects)(`${title} on %s`, (name, url) => body(open(name, url)));
}
