// The pool, the Kysely instance and the one way to run a transaction.
import { Kysely, PostgresDialect, type Transaction, type UnknownRow } from 'kysely';
import pg from 'pg';
import { FastCamelCasePlugin } from './camel-case.ts';
import { PreparingClient } from './prepared.ts';
import { installRowShapes } from './row-shape.ts';
import type { DB } from './types.ts';

// int8 (count(*), bigint money columns) as number: money is fen and stays far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// Each result's empty row from a cache of column lists (db/row-shape.ts).
installRowShapes();

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;

export type Database = { db: Db; pool: pg.Pool; close(): Promise<void> };

/** Runs one statement on the pool, outside any transaction; rows camelCased as Kysely's would be. */
export type PoolRunner = (sql: string, parameters: readonly unknown[]) => Promise<UnknownRow[]>;
const poolRunners = new WeakMap<Executor, PoolRunner>();

/**
 * The pool runner of a Kysely instance made by openDatabase; undefined for a transaction or any
 * other instance. Compiled statements (db/compiled.ts) run through it: to a statement that is
 * already compiled, Kysely's executor adds only a connection wrapper, a few promises and an async
 * plugin pass. With the header reads of lib/http.ts, leaving it out took an item's page (six
 * statements) from 0.52–0.64 to 0.43–0.54 ms of API CPU (bench/README.md, seventh session).
 */
export function poolRunner(db: Executor): PoolRunner | undefined {
  return poolRunners.get(db);
}

export function openDatabase(url: string, { max = 20, onError = (_e: Error) => {} } = {}): Database {
  // Statements marked /*prepared:<name>*/ run as named prepared statements (db/prepared.ts).
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, Client: PreparingClient });
  // Without a listener, a connection killed by the server (shutdown, restart) crashes the process.
  pool.on('error', onError);
  const camelCase = new FastCamelCasePlugin();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [camelCase] });
  poolRunners.set(db, (text, parameters) =>
    new Promise((resolve, reject) => {
      pool.query(text, parameters as unknown[], (err, r) => (err ? reject(err) : resolve(camelCase.mapRows(r.rows))));
    }),
  );
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Runs fn in a transaction; the service that calls it owns the unit of work. */
export function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** True for a PostgreSQL unique-violation on the named constraint (or any, when omitted). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}
