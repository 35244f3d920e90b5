// Data access for 想要, view counts, seller stats and the tag page: plain functions, db first.
import { sql } from 'kysely';
import { compiled } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { Keyset } from '../../lib/pagination.ts';
import { CARD_COLUMNS, type CardRow } from '../feed/index.ts';
import type { ItemRow } from '../items/index.ts';

export type ItemStats = { viewCount: number; collectCount: number };

// The three reads beside every item detail are compiled once (db/compiled.ts).
const itemStats = compiled(
  { itemId: 'text' },
  (db, p) => db.selectFrom('itemStats').select(['viewCount', 'collectCount']).where('itemId', '=', p.text('itemId')),
  'item stats',
);
const collected = compiled(
  { userId: 'text', itemId: 'text' },
  (db, p) => db.selectFrom('itemCollects').select('itemId').where('userId', '=', p.text('userId')).where('itemId', '=', p.text('itemId')),
  'item collected by',
);
const noteShowing = compiled({ itemId: 'text' }, (db, p) =>
  db
    .selectFrom('noteItems')
    .innerJoin('notes', 'notes.id', 'noteItems.noteId')
    .innerJoin('users', 'users.id', 'notes.authorId')
    .select('notes.id')
    .where('noteItems.itemId', '=', p.text('itemId'))
    .where('notes.hiddenAt', 'is', null)
    .where('users.status', '=', 'active')
    .orderBy('notes.createdAt', 'desc')
    .limit(1),
  'note showing item',
);

export async function findItemStats(db: Executor, itemId: string): Promise<ItemStats> {
  const row = await itemStats.first(db, { itemId });
  return { viewCount: Number(row?.viewCount ?? 0), collectCount: Number(row?.collectCount ?? 0) };
}

export async function hasCollected(db: Executor, userId: string | null, itemId: string): Promise<boolean> {
  if (!userId) return false;
  return !!(await collected.first(db, { userId, itemId }));
}

/** Adds the 想要 row; true when it is new (the caller then counts it, in the same transaction). */
export async function insertCollect(db: Executor, userId: string, itemId: string): Promise<boolean> {
  const row = await db
    .insertInto('itemCollects')
    .values({ userId, itemId })
    .onConflict((oc) => oc.doNothing())
    .returning('itemId')
    .executeTakeFirst();
  return !!row;
}

export async function deleteCollect(db: Executor, userId: string, itemId: string): Promise<boolean> {
  const row = await db.deleteFrom('itemCollects').where('userId', '=', userId).where('itemId', '=', itemId).returning('itemId').executeTakeFirst();
  return !!row;
}

export async function bumpCollectCount(db: Executor, itemId: string, delta: 1 | -1): Promise<void> {
  await sql`
    INSERT INTO item_stats (item_id, collect_count) VALUES (${itemId}, ${Math.max(delta, 0)})
    ON CONFLICT (item_id) DO UPDATE SET collect_count = GREATEST(item_stats.collect_count + ${delta}, 0)`.execute(db);
}

/**
 * Counts one view unless this viewer was counted for this item today: the mark's insert is the
 * arbiter, and only a new mark bumps the counter (one statement, no read-then-write race).
 */
export async function markView(db: Executor, itemId: string, day: string, viewer: bigint): Promise<boolean> {
  const r = await sql<{ n: number }>`
    WITH mark AS (
      INSERT INTO item_view_marks (item_id, day, viewer) VALUES (${itemId}, ${day}::date, ${viewer.toString()}::bigint)
      ON CONFLICT DO NOTHING RETURNING item_id
    )
    INSERT INTO item_stats (item_id, view_count) SELECT item_id, 1 FROM mark
    ON CONFLICT (item_id) DO UPDATE SET view_count = item_stats.view_count + 1
    RETURNING 1 AS n`.execute(db);
  return r.rows.length > 0;
}

export async function pruneViewMarks(db: Executor, before: string): Promise<number> {
  const r = await db.deleteFrom('itemViewMarks').where('day', '<', sql<Date>`${before}::date`).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The newest visible note that carries the item as a card (note_items_item). */
export async function noteOfItem(db: Executor, itemId: string): Promise<string | null> {
  return (await noteShowing.first(db, { itemId }))?.id ?? null;
}

/** Notes with a tag, newest first: note_tags_page walks (tag, created_at DESC, note_id DESC). */
export function notesWithTag(db: Executor, tag: string, after: Keyset | null, take: number): Promise<CardRow[]> {
  let q = db
    .selectFrom('noteTags')
    .innerJoin('notes', 'notes.id', 'noteTags.noteId')
    .select(CARD_COLUMNS)
    .where('noteTags.tag', '=', tag);
  if (after) q = q.where((eb) => eb(eb.refTuple('noteTags.createdAt', 'noteTags.noteId'), '<', eb.tuple(after.at, after.id)));
  return q.orderBy('noteTags.createdAt', 'desc').orderBy('noteTags.noteId', 'desc').limit(take).execute();
}

/**
 * On-sale items carried by notes with the tag, newest listing first. The tag's notes come from
 * note_tags, their cards from note_items, then the items by primary key; the sort is over the
 * tag's items only (bounded by the notes of one tag × 9 cards).
 */
export function itemsWithTag(db: Executor, tag: string, after: Keyset | null, take: number): Promise<ItemRow[]> {
  let q = db
    .selectFrom('items')
    .selectAll('items')
    .where('items.status', '=', 'on_sale')
    .where('items.hiddenAt', 'is', null)
    .where('items.id', 'in', (eb) =>
      eb.selectFrom('noteTags').innerJoin('noteItems', 'noteItems.noteId', 'noteTags.noteId').select('noteItems.itemId').where('noteTags.tag', '=', tag),
    );
  if (after) q = q.where((eb) => eb(eb.refTuple('items.createdAt', 'items.id'), '<', eb.tuple(after.at, after.id)));
  return q.orderBy('items.createdAt', 'desc').orderBy('items.id', 'desc').limit(take).execute() as Promise<ItemRow[]>;
}

export type SellerStatsRow = { itemsSold: number; conversations: number; answered: number; medianSeconds: number | null };

/**
 * The seller's trade and chat record. Conversations counted: those whose first message written
 * by a person (not the system, not an automatic reply) came from the other member within the
 * window. Answered: the seller wrote (not automatically) within 24 h of that message. The
 * median is over every such conversation the seller answered at all.
 */
export async function sellerStatsRow(db: Executor, sellerId: string, since: Date): Promise<SellerStatsRow> {
  const [sold, chat] = await Promise.all([
    sql<{ n: string | null }>`
      SELECT sum(quantity) AS n FROM orders WHERE seller_id = ${sellerId} AND status = 'completed'`.execute(db),
    sql<{ total: string; answered: string; median: number | null }>`
      WITH firsts AS (
        SELECT cm.conversation_id, f.id AS first_id, f.created_at AS first_at
        FROM conversation_members cm
        CROSS JOIN LATERAL (
          SELECT m.id, m.sender_id, m.created_at FROM messages m
          WHERE m.conversation_id = cm.conversation_id AND m.sender_id IS NOT NULL AND NOT m.auto_reply
          ORDER BY m.id ASC LIMIT 1
        ) f
        WHERE cm.user_id = ${sellerId} AND f.sender_id <> ${sellerId} AND f.created_at >= ${since}
      ), replies AS (
        SELECT f.first_at, (
          SELECT min(m.created_at) FROM messages m
          WHERE m.conversation_id = f.conversation_id AND m.sender_id = ${sellerId} AND NOT m.auto_reply AND m.id > f.first_id
        ) AS reply_at
        FROM firsts f
      )
      SELECT count(*) AS total,
        count(*) FILTER (WHERE reply_at <= first_at + interval '24 hours') AS answered,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM reply_at - first_at))
          FILTER (WHERE reply_at IS NOT NULL) AS median
      FROM replies`.execute(db),
  ]);
  const c = chat.rows[0];
  return {
    itemsSold: Number(sold.rows[0]?.n ?? 0),
    conversations: Number(c?.total ?? 0),
    answered: Number(c?.answered ?? 0),
    medianSeconds: c?.median === null || c?.median === undefined ? null : Number(c.median),
  };
}
