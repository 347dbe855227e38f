import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openStore, type Store } from "../store/database.js";
import { startPostgres, type ThrowawayPostgres } from "./postgres.js";

/**
 * A store contract suite run over every dialect: SQLite in memory and on disk, PGlite, and a real
 * PostgreSQL server when its binaries are there (required with CERTPATH_REQUIRE_POSTGRES=1).
 */
export function eachDialect(
  title: string,
  body: (test: (name: string, fn: (store: Store) => Promise<void>) => void) => void,
): void {
  let pg: ThrowawayPostgres | undefined;
  const required = process.env.CERTPATH_REQUIRE_POSTGRES === "1";
  beforeAll(() => {
    pg = startPostgres();
    if (!pg && required)
      throw new Error("CERTPATH_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries were found");
  });
  afterAll(() => pg?.stop());
  const dialects: [string, () => string | undefined][] = [
    ["sqlite memory", () => ":memory:"],
    ["sqlite file", () => join(mkdtempSync(join(tmpdir(), "certpath-store-")), "test.db")],
    ["pglite", () => "pglite:"],
    ["postgresql server", () => pg?.url],
  ];
  describe.each(dialects)(`${title} on %s`, (name, url) => {
    let store: Store | undefined;
    beforeAll(async () => {
      const u = url();
      if (u) store = await openStore(u);
    });
    afterAll(async () => store?.close());
    body((title, fn) =>
      it(title, async (ctx) => {
        if (!store) {
          if (name === "postgresql server" && !required) return ctx.skip();
          throw new Error(`${name} is not available`);
        }
        await fn(store);
      }),
    );
  });
}
