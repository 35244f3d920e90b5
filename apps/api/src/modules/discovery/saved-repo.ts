// Saved searches: rows, and the ones a new item meets (words as a stored tsquery against the
// item's search_vector, price and category in SQL; delivery, condition, free and radius are
// checked on the few rows that come back, in alerts.ts). What they met waits in saved_search_hits
// for the alert job (saved-alerts.ts).
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

export const ALERT_EVERY_MS = 3_600_000;

export type SavedValues = {
  userId: string;
  params: Record<string, string>;
  label: string;
  query: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  category: string | null;
};

export async function insertSaved(db: Executor, v: SavedValues) {
  const row = await db
    .insertInto('savedSearches')
    .values({ ...v, params: JSON.stringify(v.params) })
    .onConflict((oc) => oc.columns(['userId', 'params']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? db.selectFrom('savedSearches').selectAll().where('userId', '=', v.userId).where('params', '=', JSON.stringify(v.params)).executeTakeFirstOrThrow();
}

export type SavedRow = Awaited<ReturnType<typeof insertSaved>>;

export function savedOf(db: Executor, userId: string) {
  return db.selectFrom('savedSearches').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(100).execute();
}

export async function countSaved(db: Executor, userId: string): Promise<number> {
  const r = await db.selectFrom('savedSearches').select((eb) => eb.fn.countAll<string>().as('n')).where('userId', '=', userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteSaved(db: Executor, userId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('savedSearches').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export type ItemForAlert = { id: string; sellerId: string; price: number; category: string; delivery: string[]; condition: string; lat: number | null; lng: number | null };

/** Saved searches (of active members other than the seller) whose words, price and category an on-sale item meets. */
export async function savedMatchingItem(db: Executor, itemId: string): Promise<{ item: ItemForAlert | null; saved: SavedRow[] }> {
  const item = await db
    .selectFrom('items')
    .select(['id', 'sellerId', 'price', 'category', 'delivery', 'condition', 'lat', 'lng'])
    .where('id', '=', itemId)
    .where('status', '=', 'on_sale')
    .where('hiddenAt', 'is', null)
    .executeTakeFirst();
  if (!item) return { item: null, saved: [] };
  const r = await sql<SavedRow>`
    SELECT s.* FROM items i
    JOIN saved_searches s ON s.user_id <> i.seller_id
      AND (s.min_price IS NULL OR i.price >= s.min_price)
      AND (s.max_price IS NULL OR i.price <= s.max_price)
      AND (s.category IS NULL OR s.category = i.category)
      AND (s.query IS NULL OR i.search_vector @@ s.query::tsquery)
    JOIN users u ON u.id = s.user_id AND u.status = 'active'
    WHERE i.id = ${itemId}
    LIMIT 2000`.execute(db);
  return { item: { ...item, price: Number(item.price) } as ItemForAlert, saved: r.rows };
}

/** Remembers the items these saved searches met, for the alert job (a repeat changes nothing). */
export async function addHits(db: Executor, ids: string[], itemId: string, now: Date) {
  if (!ids.length) return;
  await db
    .insertInto('savedSearchHits')
    .values(ids.map((savedSearchId) => ({ savedSearchId, itemId, createdAt: now })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Saved searches with untold hits whose last alert is at least ALERT_EVERY_MS old. */
export async function dueSavedSearches(db: Executor, now: Date, limit: number): Promise<string[]> {
  const before = new Date(now.getTime() - ALERT_EVERY_MS);
  const r = await sql<{ id: string }>`
    SELECT s.id FROM saved_searches s
    WHERE (s.last_alert_at IS NULL OR s.last_alert_at <= ${before})
      AND EXISTS (SELECT 1 FROM saved_search_hits h WHERE h.saved_search_id = s.id)
    ORDER BY s.last_alert_at NULLS FIRST, s.id
    LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

/**
 * Takes one due saved search (row lock, SKIP LOCKED: two job runs never tell it twice) and its
 * hits, deleted as they are read; comes back with the hits still on sale, newest first.
 */
export async function takeDueHits(db: Executor, id: string, now: Date) {
  const before = new Date(now.getTime() - ALERT_EVERY_MS);
  const s = await sql<{ id: string; userId: string; label: string }>`
    SELECT s.id, s.user_id AS "userId", s.label FROM saved_searches s
    WHERE s.id = ${id} AND (s.last_alert_at IS NULL OR s.last_alert_at <= ${before})
    FOR UPDATE SKIP LOCKED`.execute(db);
  const saved = s.rows[0];
  if (!saved) return null;
  const hits = await sql<{ itemId: string; sellerId: string }>`
    WITH gone AS (DELETE FROM saved_search_hits WHERE saved_search_id = ${id} RETURNING item_id, created_at)
    SELECT i.id AS "itemId", i.seller_id AS "sellerId" FROM gone g
    JOIN items i ON i.id = g.item_id AND i.status = 'on_sale' AND i.hidden_at IS NULL
    JOIN users u ON u.id = i.seller_id AND u.status = 'active'
    ORDER BY g.created_at DESC, i.id DESC`.execute(db);
  return { saved, live: hits.rows };
}

export const markAlerted = (db: Executor, id: string, now: Date) =>
  db.updateTable('savedSearches').set({ lastAlertAt: now, pendingCount: 0 }).where('id', '=', id).execute();

/** Untold hits still on sale, per saved search (the "new" count on 我). */
export async function liveHitCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const r = await sql<{ id: string; n: string }>`
    SELECT h.saved_search_id AS id, count(*) AS n FROM saved_search_hits h
    JOIN items i ON i.id = h.item_id AND i.status = 'on_sale' AND i.hidden_at IS NULL
    WHERE h.saved_search_id = ANY(${ids}::text[]) GROUP BY h.saved_search_id`.execute(db);
  return new Map(r.rows.map((x) => [x.id, Number(x.n)]));
}

/** Members who collected a note that carries the item (note_items_item → note_collects_note), or want the item. */
export async function collectorsOfItem(db: Executor, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('noteItems')
    .innerJoin('noteCollects', 'noteCollects.noteId', 'noteItems.noteId')
    .select('noteCollects.userId')
    .where('noteItems.itemId', '=', itemId)
    // …and the members who pressed 想要 on the item itself (item_collects_item, modules/engagement).
    .union((eb) => eb.selectFrom('itemCollects').select('itemCollects.userId').where('itemCollects.itemId', '=', itemId))
    .limit(5000)
    .execute();
  return rows.map((r) => r.userId);
}
