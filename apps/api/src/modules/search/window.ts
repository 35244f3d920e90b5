// The recency window of relevance search (repo.ts itemCandidates, migration 0032): the created_at
// of the kth newest item on sale. Any instant gives the same results (the window and the rest
// split the matches exactly); a good one lets a common word's newest matches come from the
// window alone. Read from items_on_sale_latest without touching a row (index-only, ~3–6 ms for
// k = 25,000 at 1M) and remembered for a while per database: the listings added meanwhile only
// widen the window.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

const REMEMBER_MS = 30_000;
type Known = { since: string | null; at: number; pending: Promise<string | null> | null };
const known = new WeakMap<object, Map<number, Known>>();

// Searches whose window came up short (fewer than n matches in it: a restrictive filter, words
// that rarely meet) pay the window's bitmap and then the full one; for the next REMEMBER_MS the
// same search goes to the full path at once (same results either way).
const shortLately = new Map<string, number>();
export function windowSkipped(key: string): boolean {
  const until = shortLately.get(key);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  shortLately.delete(key);
  return false;
}
export function windowWasShort(key: string) {
  if (shortLately.size >= 4_096) shortLately.clear();
  shortLately.set(key, Date.now() + REMEMBER_MS);
}

/** UTC wall time as text (what `created_at AT TIME ZONE 'UTC'` compares with); null: fewer than k on sale, or k = 0. */
export async function recentSince(db: Executor, k: number): Promise<string | null> {
  if (k <= 0) return null;
  const byK = known.get(db) ?? new Map<number, Known>();
  known.set(db, byK);
  const e = byK.get(k) ?? { since: null, at: 0, pending: null };
  byK.set(k, e);
  if (Date.now() - e.at < REMEMBER_MS) return e.since;
  if (e.pending) return e.pending;
  e.pending = sql<{ since: string }>`
    SELECT (created_at AT TIME ZONE 'UTC')::text AS since FROM items WHERE status = 'on_sale'
    ORDER BY created_at DESC, id DESC OFFSET ${k - 1} LIMIT 1`
    .execute(db)
    .then((r) => {
      e.since = r.rows[0]?.since ?? null;
      e.at = Date.now();
      return e.since;
    })
    .finally(() => {
      e.pending = null;
    });
  return e.pending;
}

/**
 * The newest n matches (`newestIds`: the plain query of their ids), with their columns and
 * vectors. With `since` (recentSince above), the matches newer than it come from the GIN bitmap
 * ANDed with the BRIN range of recent times (migration 0032), reading only the rows of the
 * window; the older ones are read only when the window has fewer than n (a one-time filter: the
 * branch is never started otherwise). The two ranges split the matches exactly (`>=` / `<` the
 * same instant) and every match in the window is newer than every match outside it, so the
 * result is the newest n matches whatever `since` is — a stale one only moves the split.
 * `IS TRUE` (created_at is never null): the older range is a filter, never an index condition —
 * ANDed with the BRIN range of nearly the whole table it made every page of the matches lossy
 * and rechecked (自行车 in a category without any: 15 → 41 ms).
 */
export function itemCandidates(p: {
  cond: RawBuilder<unknown>;
  n: number;
  since: string | null;
  newestIds: RawBuilder<unknown>;
  columns: RawBuilder<unknown>;
}) {
  const { cond, n, since, newestIds } = p;
  const cols = sql`${p.columns}, i.search_vector`;
  const order = sql`ORDER BY i.created_at + interval '0 ms' DESC, i.id DESC`;
  if (!since) return sql`WITH c AS (SELECT ${cols} FROM (${newestIds}) o JOIN items i ON i.id = o.id)`;
  const age = sql`(i.created_at AT TIME ZONE 'UTC')`;
  return sql`WITH w AS MATERIALIZED (
      SELECT ${cols} FROM items i WHERE ${cond} AND ${age} >= ${since}::timestamp ${order} LIMIT ${n}
    ), c AS (
      SELECT * FROM w
      UNION ALL
      SELECT ${cols} FROM (
        SELECT i.id FROM items i WHERE (SELECT count(*) FROM w) < ${n} AND ${cond} AND (${age} < ${since}::timestamp) IS TRUE
        ${order} LIMIT ${n} - (SELECT count(*) FROM w)
      ) o JOIN items i ON i.id = o.id
    )`;
}
