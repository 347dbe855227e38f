import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { DomainError } from "../core/errors.js";
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
export async function openStore(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE,
  options: { readOnly?: boolean } = {},
): Promise<Store> {
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
    // Reading never creates anything: a missing file is an error that names it.
    if (options.readOnly && file !== ":memory:" && !existsSync(file))
      throw new DomainError(
        "store.not_found",
        `There is no certpath database at ${file}. Check --db or DATABASE_URL; a database is created when you start your first exam (certpath exam CLF-C02).`,
      );
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
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (e) {
    await db.destroy().catch(() => {});
    throw store.dialect === "postgres" ? unreachable(url, e) : e;
  }
  return store;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
]);

/** A PostgreSQL server that cannot be reached becomes a message naming the host, not "unexpected error". */
function unreachable(url: string, e: unknown): unknown {
  const errors: { code?: string; message?: string }[] = [];
  // The driver's error may sit under `cause` (the migrator wraps it) or in `errors` (several addresses tried).
  const visit = (x: unknown, depth: number) => {
    if (!x || typeof x !== "object" || depth > 4) return;
    errors.push(x as { code?: string; message?: string });
    visit((x as { cause?: unknown }).cause, depth + 1);
    for (const y of (x as { errors?: unknown[] }).errors ?? []) visit(y, depth + 1);
  };
  visit(e, 0);
  const code = errors.map((x) => x?.code).find((c) => c && NETWORK_CODES.has(c));
  const auth = errors.find((x) => x?.code === "28P01" || x?.code === "3D000" || x?.code === "28000");
  let host = "the server";
  try {
    const u = new URL(url);
    host = `${u.hostname}:${u.port || "5432"}`;
  } catch {}
  if (code)
    return new DomainError(
      "store.unreachable",
      `Cannot connect to the PostgreSQL server at ${host} (${code}). Check that it is running and that --db or DATABASE_URL names the right host and port.`,
    );
  if (auth)
    return new DomainError(
      "store.unreachable",
      `The PostgreSQL server at ${host} refused the connection: ${auth.message}. Check the user, password and database name in --db or DATABASE_URL.`,
    );
  return e;
}
