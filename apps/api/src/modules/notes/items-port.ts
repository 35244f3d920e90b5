// Where notes meet items (quick sell): attaching one's own items to a note or a comment (借楼),
// and live cards for a whole page of notes or comments in one batched query each.
import { sql } from 'kysely';
import { compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import { type ItemCard, findItemCards, findNoteItemCards } from '../items/cards.ts';

export type ItemCardOut = ItemCard;

/** Only the member's own items, and not withdrawn ones; locked (FOR SHARE) until the write commits. */
export async function checkAttachableItems(db: Executor, userId: string, itemIds: readonly string[], path: string) {
  if (!itemIds.length) return;
  const rows = await db
    .selectFrom('items').select(['id', 'sellerId', 'status']).where('id', 'in', [...itemIds]).forShare().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [i, id] of itemIds.entries()) {
    const row = byId.get(id);
    const at = itemIds.length > 1 || path.endsWith('s') ? `${path}.${i}` : path;
    if (!row) throw notFound('item');
    if (row.sellerId !== userId) throw forbidden('not_item_owner', 'You can only attach your own items.', { errors: [{ path: at, message: 'not your item' }] });
    if (row.status === 'withdrawn') {
      throw unprocessable('item_withdrawn', 'A withdrawn item cannot be attached; relist it first.', { errors: [{ path: at, message: 'withdrawn' }] });
    }
  }
}

/** Live cards of each note's items, in order; one statement for the whole page (findNoteItemCards). */
export async function itemCardsByNote(db: Executor, noteIds: readonly string[], _viewerId: string | null): Promise<Map<string, ItemCardOut[]>> {
  const out = new Map<string, ItemCardOut[]>();
  for (const { noteId, card } of await findNoteItemCards(db, noteIds)) out.set(noteId, [...(out.get(noteId) ?? []), card]);
  return out;
}

export async function itemCardsById(db: Executor, itemIds: readonly string[], _viewerId: string | null): Promise<Map<string, ItemCardOut>> {
  return findItemCards(db, itemIds);
}

export type StallSort = 'newest' | 'price_asc' | 'price_desc';

type StallRow = { commentId: string; itemId: string; authorId: string; price: number; createdAt: Date };
type StallShape = `${StallSort}${'' | '+'}`;

// One statement per sort and first/next page, compiled once (db/compiled.ts).
const stallPage = compiledShapes(
  { noteId: 'text', at: 'date', price: 'int', id: 'text', take: 'int' },
  (_db, p, shape: StallShape) => {
    const sort = shape.replace('+', '');
    const order = sort === 'newest' ? sql`c.created_at DESC, c.id DESC` : sort === 'price_asc' ? sql`i.price ASC, c.id ASC` : sql`i.price DESC, c.id DESC`;
    const key = sort === 'newest' ? sql`c.created_at` : sql`i.price`;
    const cmp = sort === 'price_asc' ? sql`>` : sql`<`;
    const afterValue = sort === 'newest' ? p.date('at') : p.int('price');
    return sql<StallRow>`
      SELECT c.id AS "commentId", c.item_id AS "itemId", c.author_id AS "authorId", i.price, c.created_at AS "createdAt"
      FROM comments c JOIN items i ON i.id = c.item_id
      WHERE c.note_id = ${p.text('noteId')} AND c.item_id IS NOT NULL AND c.deleted_at IS NULL
        ${shape.endsWith('+') ? sql`AND (${key}, c.id) ${cmp} (${afterValue}, ${p.text('id')})` : sql``}
      ORDER BY ${order}
      LIMIT ${p.int('take')}`;
  },
  'stall grid',
);

/**
 * The stall grid: every item offered in a note's visible comments, one keyset-paged query on
 * the partial index comments_items, sorted by when it was offered or by price.
 */
export function stallItemsPage(db: Executor, noteId: string, sort: StallSort, after: [number | string, string] | null, limit: number): Promise<StallRow[]> {
  if (!after) return stallPage(sort).all(db, { noteId, take: limit + 1 });
  const key = sort === 'newest' ? { at: new Date(after[0]) } : { price: Number(after[0]) };
  return stallPage(`${sort}+`).all(db, { noteId, ...key, id: after[1], take: limit + 1 });
}

/** The note's attached items, in order (positions 0–8). */
export async function replaceNoteItems(db: Executor, noteId: string, itemIds: readonly string[]) {
  await db.deleteFrom('noteItems').where('noteId', '=', noteId).execute();
  if (itemIds.length) {
    await db.insertInto('noteItems').values([...new Set(itemIds)].map((itemId, position) => ({ noteId, itemId, position }))).execute();
  }
}
