import type { CompiledQuery, Compilable, Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

type Db = Kysely<DB> | Transaction<DB>;

/** A stand-in value the query is built with; replaced by the caller's value at each run. */
class Param {
  public constructor(public readonly name: string) {}
}

/** Marks a parameter of a precompiled query (typed as the value it stands for). */
export function param<T>(name: string): T {
  return new Param(name) as unknown as T;
}

/**
 * A hot query built and compiled once per database, then run with new parameters through Kysely's
 * own executeQuery (same connection, transaction and driver). Building and compiling cost more than
 * running a one-row lookup: about 1,6× a raw prepared statement, against about 1,1× like this. The
 * compiled SQL is kept per dialect adapter, since another dialect (the server mode) writes other SQL.
 */
export function precompile<R, P extends Record<string, unknown> = Record<string, unknown>>(
  build: (db: Kysely<DB>) => Compilable<R>,
) {
  const cache = new WeakMap<object, CompiledQuery<R>>();
  const compiled = (db: Db): CompiledQuery<R> => {
    // Keyed by the dialect's adapter: a database and its transactions share it (and write the same SQL).
    const key = db.getExecutor().adapter;
    let c = cache.get(key);
    if (!c) {
      c = build(db).compile();
      cache.set(key, c);
    }
    return c;
  };
  const bind = (c: CompiledQuery<R>, values: P): CompiledQuery<R> => ({
    ...c,
    parameters: c.parameters.map((p) => (p instanceof Param ? values[p.name] : p)),
  });
  return {
    async execute(db: Db, values: P): Promise<R[]> {
      return (await db.executeQuery(bind(compiled(db), values))).rows;
    },
    async executeTakeFirst(db: Db, values: P): Promise<R | undefined> {
      return (await db.executeQuery(bind(compiled(db), values))).rows[0];
    },
  };
}
