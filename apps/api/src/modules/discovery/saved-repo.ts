// Saved searches: rows, and the ones a new item meets (words as a stored tsquery against the
// item's search_vector, price and category in SQL; delivery, condition, free and radius are
// checked on the few rows that come back, in alerts.ts).
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

/**
 * Takes the alert slot of these saved searches whose last alert is an hour old (one statement,
 * so two items at once never alert twice); each comes back with the matches counted meanwhile.
 */
export async function claimAlerts(db: Executor, ids: string[], now: Date): Promise<(SavedRow & { waited: number })[]> {
  if (!ids.length) return [];
  const before = new Date(now.getTime() - ALERT_EVERY_MS);
  const r = await sql<SavedRow & { waited: number }>`
    UPDATE saved_searches s SET last_alert_at = ${now}, pending_count = 0
    FROM (SELECT id, pending_count FROM saved_searches WHERE id = ANY(${ids}::text[]) FOR UPDATE) o
    WHERE s.id = o.id AND (s.last_alert_at IS NULL OR s.last_alert_at <= ${before})
    RETURNING s.*, o.pending_count AS waited`.execute(db);
  return r.rows;
}

/** The rest wait for the next alert: counted, told with it. */
export async function addPending(db: Executor, ids: string[]) {
  if (!ids.length) return;
  await db.updateTable('savedSearches').set((eb) => ({ pendingCount: eb('pendingCount', '+', 1) })).where('id', 'in', ids).execute();
}

/** Members who collected a note that carries the item (note_items_item → note_collects_note). */
export async function collectorsOfItem(db: Executor, itemId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('noteItems')
    .innerJoin('noteCollects', 'noteCollects.noteId', 'noteItems.noteId')
    .select('noteCollects.userId')
    .distinct()
    .where('noteItems.itemId', '=', itemId)
    .limit(5000)
    .execute();
  return rows.map((r) => r.userId);
}
