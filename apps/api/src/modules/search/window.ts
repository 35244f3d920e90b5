// The recency window of relevance search (repo.ts itemCandidates, migration 0032): the created_at
// of the kth newest item on sale. Any instant gives the same results (the window and the rest
// split the matches exactly); a good one lets a common word's newest matches come from the
// window alone. Read from items_on_sale_latest without touching a row (index-only, ~3–6 ms for
// k = 25,000 at 1M) and remembered for a while per database: the listings added meanwhile only
// widen the window.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

const REMEMBER_MS = 30_000;
type Known = { since: string | null; at: number; pending: Promise<string | null> | null };
const known = new WeakMap<object, Map<number, Known>>();

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
