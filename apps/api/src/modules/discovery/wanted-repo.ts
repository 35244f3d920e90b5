// Wanted (求购) requests and their matches. A request's words are stored as a tsquery, so both
// directions are one statement each:
//   new item → requests: `item.search_vector @@ request.query` over the open requests of the
//     last WANTED_OPEN_DAYS, with the price and category checked first (cheap) — a sequential
//     walk of wanted_requests_recent's range; the cost is the number of open requests, not items.
//   new request → items: the search module's item query (GIN items_search, items on sale only).
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';

/** A wanted request stays open this long (a note or a comment older than this asks no more). */
export const WANTED_OPEN_DAYS = 60;

export type WantedValues = {
  authorId: string;
  noteId: string;
  commentId: string | null;
  title: string;
  category: string | null;
  maxPrice: number | null;
  query: string;
  createdAt?: Date;
};

export async function insertWanted(db: Executor, v: WantedValues) {
  return db
    .insertInto('wantedRequests')
    .values({ ...v, ...(v.createdAt ? { createdAt: v.createdAt } : {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type WantedRow = Awaited<ReturnType<typeof insertWanted>>;

/** The request of a wanted note (comment_id NULL) or of a comment. */
export function wantedOf(db: Executor, where: { noteId: string } | { commentId: string }) {
  let q = db.selectFrom('wantedRequests').selectAll();
  q = 'commentId' in where ? q.where('commentId', '=', where.commentId) : q.where('noteId', '=', where.noteId).where('commentId', 'is', null);
  return q.executeTakeFirst();
}

/** Every live request of a note: its own (a wanted note) and its comments' (not deleted). */
export function wantedOfNote(db: Executor, noteId: string) {
  return db
    .selectFrom('wantedRequests as w')
    .leftJoin('comments as c', 'c.id', 'w.commentId')
    .selectAll('w')
    .where('w.noteId', '=', noteId)
    .where((eb) => eb.or([eb('w.commentId', 'is', null), eb('c.deletedAt', 'is', null)]))
    .orderBy('w.createdAt', 'asc')
    .limit(50)
    .execute();
}

/**
 * Open requests an item meets: its words (the item's stored search_vector against each
 * request's tsquery), category when the request names one, and price at or under the maximum.
 * Never the seller's own requests; a hidden note, a deleted comment or a banned author's
 * request asks no more. The item must be on sale and not hidden.
 */
export async function requestsMatchingItem(db: Executor, itemId: string, now: Date): Promise<WantedRow[]> {
  const since = new Date(now.getTime() - WANTED_OPEN_DAYS * 86_400_000);
  const r = await sql<WantedRow>`
    SELECT w.id, w.author_id, w.note_id, w.comment_id, w.title, w.category, w.max_price, w.query, w.created_at
    FROM items i
    JOIN wanted_requests w ON w.created_at >= ${since}
      AND w.author_id <> i.seller_id
      AND (w.max_price IS NULL OR w.max_price >= i.price)
      AND (w.category IS NULL OR w.category = i.category)
      AND i.search_vector @@ w.query::tsquery
    JOIN notes n ON n.id = w.note_id AND n.hidden_at IS NULL
    JOIN users u ON u.id = w.author_id AND u.status = 'active'
    LEFT JOIN comments c ON c.id = w.comment_id
    WHERE i.id = ${itemId} AND i.status = 'on_sale' AND i.hidden_at IS NULL
      AND (w.comment_id IS NULL OR c.deleted_at IS NULL)
    ORDER BY w.created_at DESC
    LIMIT 500`.execute(db);
  return r.rows;
}

/** Claims (request, item) pairs not told yet; returns the request ids newly claimed. */
export async function claimNotified(db: Executor, itemId: string, requestIds: string[]): Promise<Set<string>> {
  if (!requestIds.length) return new Set();
  const rows = await db
    .insertInto('wantedNotified')
    .values(requestIds.map((requestId) => ({ requestId, itemId })))
    .onConflict((oc) => oc.doNothing())
    .returning('requestId')
    .execute();
  return new Set(rows.map((r) => r.requestId));
}
