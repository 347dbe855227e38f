import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { migrateToLatest } from "./migrations.js";
import type { Database } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable location, for logs. */
  location: string;
  close(): Promise<void>;
}

type SqliteDatabase = import("better-sqlite3").Database;

/**
 * Kysely prepares every query anew; preparing costs more than running these small statements. The
 * driver runs each statement to completion synchronously, so one prepared statement per SQL text can
 * be reused safely.
 */
function cachingStatements(sqlite: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, ReturnType<SqliteDatabase["prepare"]>>();
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === "prepare")
        return (sql: string) => {
          let stmt = cache.get(sql);
          if (!stmt) {
            stmt = target.prepare(sql);
            if (cache.size < 500) cache.set(sql, stmt);
          }
          return stmt;
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The default database: a SQLite file under ./data (created on first start). */
export const DEFAULT_DATABASE = "data/certpath.db";

/**
 * Opens a database by URL or path and migrates it: `postgres://…` → PostgreSQL, `pglite:` → an
 * in-memory PGlite (tests), `:memory:` → in-memory SQLite, anything else → a SQLite file.
 */
export async function openStore(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE): Promise<Store> {
  let store: Store;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    store = {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: "postgres",
      location: url.replace(/\/\/[^@]*@/, "//***@"),
      close: async () => {},
    };
  } else if (url.startsWith("pglite:")) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { KyselyPGlite } = await import("kysely-pglite");
    const pglite = new PGlite();
    store = {
      db: new Kysely<Database>({ dialect: new KyselyPGlite(pglite).dialect }),
      dialect: "postgres",
      location: "pglite (memory)",
      close: async () => {},
    };
  } else {
    const Sqlite = (await import("better-sqlite3")).default;
    const file = url === ":memory:" ? ":memory:" : resolve(url.replace(/^sqlite:(\/\/)?/, ""));
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Sqlite(file);
    // WAL: readers never block the writer. synchronous=NORMAL keeps every committed transaction across
    // a process crash (kill -9); only a power cut can lose the last ones.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    store = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) }),
      dialect: "sqlite",
      location: file,
      close: async () => {},
    };
  }
  const db = store.db;
  store.close = () => db.destroy();
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return store;
}
