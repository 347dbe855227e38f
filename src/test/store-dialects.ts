import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import { startPostgres, type ThrowawayPostgres } from "./postgres.js";

/**
 * The store contract suite's dialects: SQLite in memory and on disk, PGlite, and a real PostgreSQL server
 * (skipped when no server binaries are installed, unless CERTPATH_REQUIRE_POSTGRES=1).
 */
export function storeDialects(): [string, () => string | undefined][] {
  let pg: ThrowawayPostgres | undefined;
  const required = process.env.CERTPATH_REQUIRE_POSTGRES === "1";
  beforeAll(() => {
    pg = startPostgres();
    if (!pg && required)
      throw new Error("CERTPATH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries were found");
  });
  afterAll(() => pg?.stop());
  return [
    ["sqlite memory", () => ":memory:"],
    ["sqlite file", () => join(mkdtempSync(join(tmpdir(), "certpath-store-")), "test.db")],
    ["pglite", () => "pglite:"],
    ["postgresql server", () => pg?.url],
  ];
}

/** Opens the dialect's store for a describe block; `test` skips a missing PostgreSQL server unless required. */
export function useStore(name: string, url: () => string | undefined) {
  const box: { store?: Store } = {};
  beforeAll(async () => {
    const u = url();
    if (u) box.store = await openStore(u);
  });
  afterAll(async () => box.store?.close());
  const test = (title: string, fn: (store: Store) => Promise<void>) =>
    it(title, async (ctx) => {
      if (!box.store) {
        if (name === "postgresql server" && process.env.CERTPATH_REQUIRE_POSTGRES !== "1") return ctx.skip();
        throw new Error(`${name} is not available`);
      }
      await fn(box.store);
    });
  return { test };
}
