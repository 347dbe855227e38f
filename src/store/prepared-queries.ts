import { type Compilable, CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./schema.js";

const MARK = "\u0000certpath:";

/**
 * Hot queries compiled once and re-run with new parameters. Building and compiling a Kysely query
 * costs more than executing these small statements, so the answer-save path (the busiest of all)
 * compiles each query shape once: the builder is called with named placeholder values, and each
 * later run substitutes the real values in the same positions.
 */
export class PreparedQueries {
  private readonly cache = new Map<
    string,
    { sql: string; slots: ({ name: string } | { value: unknown })[] }
  >();

  constructor(private readonly db: Kysely<Database>) {}

  async run<R>(
    shape: string,
    build: (param: (name: string) => string) => Compilable<R>,
    values: Record<string, unknown>,
  ): Promise<{ rows: R[]; affected: bigint | undefined }> {
    let entry = this.cache.get(shape);
    if (!entry) {
      const compiled = build((name) => `${MARK}${name}`).compile();
      entry = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) =>
          typeof p === "string" && p.startsWith(MARK) ? { name: p.slice(MARK.length) } : { value: p },
        ),
      };
      this.cache.set(shape, entry);
    }
    const parameters = entry.slots.map((s) => ("name" in s ? values[s.name] : s.value));
    const result = await this.db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters));
    return { rows: result.rows, affected: result.numAffectedRows };
  }
}
