// Which rows a request changed: a row-level trigger on every table of the test database (never
// a migration — this exists only in the safety suites' own cloned database) appends one line per
// inserted, updated or deleted row to safety_changes. A rolled-back transaction leaves no line,
// so what is counted is exactly what a request committed.
import { sql } from 'kysely';
import type { T } from './world.ts';

/**
 * Tables a refused request may legitimately write, each with its reason. Everything else must
 * stay untouched by a 4xx answer.
 */
export const MAY_CHANGE_ON_REFUSAL: Record<string, string> = {
  rate_counters: 'rate-limit buckets count refused attempts on purpose (failed sign-ins, wrong pickup codes, registrations per address)',
  idempotency_keys: 'a refusal is the stored answer of its Idempotency-Key and replays (API.md, issue 9 hole 5)',
};

export type Change = { tbl: string; op: string; n: number };

export async function installChangeTracking(t: T) {
  await sql`CREATE TABLE IF NOT EXISTS safety_changes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`.execute(t.db);
  await sql`CREATE OR REPLACE FUNCTION safety_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO safety_changes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`.execute(t.db);
  const tables = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'safety_changes'`.execute(t.db);
  for (const { name } of tables.rows) {
    await sql`DROP TRIGGER IF EXISTS safety_track ON ${sql.table(name)}`.execute(t.db);
    await sql`CREATE TRIGGER safety_track AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(name)} FOR EACH ROW EXECUTE FUNCTION safety_track()`.execute(t.db);
  }
  let mark = 0;
  return {
    tables: tables.rows.map((r) => r.name),
    /** Forgets everything so far: the next `since()` reports only what comes after. */
    async reset() {
      const r = await sql<{ m: string | null }>`SELECT max(id)::text AS m FROM safety_changes`.execute(t.db);
      mark = Number(r.rows[0]?.m ?? 0);
    },
    /** Rows changed since the last reset, by table and operation, outside the allowed tables. */
    async since(allowed: Record<string, string> = MAY_CHANGE_ON_REFUSAL): Promise<Change[]> {
      const r = await sql<{ tbl: string; op: string; n: number; m: string }>`
        SELECT tbl, op, count(*)::int AS n, max(id)::text AS m FROM safety_changes WHERE id > ${mark} GROUP BY 1, 2`.execute(t.db);
      for (const row of r.rows) mark = Math.max(mark, Number(row.m));
      return r.rows.filter((x) => !(x.tbl in allowed)).map(({ tbl, op, n }) => ({ tbl, op, n }));
    },
  };
}

export type ChangeTracker = Awaited<ReturnType<typeof installChangeTracking>>;
