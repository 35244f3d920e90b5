// Live item cards for notes, comments, chat and the batch endpoint: what a card shows (price,
// stock, state, cover) read fresh in one query however many ids are asked for. Items of
// banned sellers are left out; withdrawn and sold-out items are included with their state so a
// card in an old note says so instead of vanishing.
import type { DeliveryMethod, ItemCondition, ItemStatus } from '@jishi/shared';
import { sql } from 'kysely';
import { compiled } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import { mediaUrl } from '../media/presenter.ts';
import { heldUnitsSql } from './repo.ts';

export type ItemCard = {
  id: string;
  sellerId: string;
  title: string;
  price: number;
  available: number;
  /** Units held by orders not paid yet: they come back if the order lapses (repo.ts). */
  held: number;
  quantity: number;
  status: ItemStatus;
  free: boolean;
  delivery: DeliveryMethod[];
  shippingFee: number;
  coverUrl: string | null;
  coverThumbUrl: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  condition: ItemCondition | null;
  category: string;
};

export { ItemCardSchema } from './schema.ts';

/** Cards by id in one query; unknown ids (and items of banned sellers) are absent from the map. */
export async function findItemCards(db: Executor, ids: readonly string[]): Promise<Map<string, ItemCard>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await cardsById.all(db, { ids: unique });
  return new Map(rows.map((r) => [r.id, toCard(r)]));
}

/** By primary key, with the cover from item_images' (item_id, position) key: no sort, no scan. */
export function itemCardsQuery(db: Executor, ids: string[]) {
  return cardsBase(db).where('items.id', '=', sql<string>`any(${ids})`);
}

/** itemCardsQuery compiled once (db/compiled.ts): the ids go as one array parameter. */
const cardsById = compiled({ ids: 'texts' }, (db, p) => itemCardsQuery(db, p.texts('ids')), 'item cards by id');

const cardsOfNotes = compiled(
  { noteIds: 'texts' },
  (db, p) =>
    cardsBase(db)
      .innerJoin('noteItems', 'noteItems.itemId', 'items.id')
      .select('noteItems.noteId')
      .where('noteItems.noteId', '=', sql<string>`any(${p.texts('noteIds')})`)
      .orderBy('noteItems.noteId')
      .orderBy('noteItems.position'),
  'item cards of notes',
);

/**
 * The cards of the items attached to a page of notes, with their note, in (note, position)
 * order: one statement (note_items' primary key, then as above) where a look-up of the links
 * followed by a look-up of the cards took two round trips one after the other.
 */
export async function findNoteItemCards(db: Executor, noteIds: readonly string[]): Promise<{ noteId: string; card: ItemCard }[]> {
  if (noteIds.length === 0) return [];
  const rows = await cardsOfNotes.all(db, { noteIds: [...new Set(noteIds)] });
  return rows.map((r) => ({ noteId: r.noteId, card: toCard(r) }));
}

/** A card's columns: items joined to their (active) seller and cover; the caller says which items. */
function cardsBase(db: Executor) {
  return db
    .selectFrom('items')
    .innerJoin('users', 'users.id', 'items.sellerId')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('itemImages')
          .innerJoin('media', 'media.id', 'itemImages.mediaId')
          .select(['itemImages.mediaId', 'media.width', 'media.height'])
          .whereRef('itemImages.itemId', '=', 'items.id')
          .orderBy('itemImages.position')
          .limit(1)
          .as('cover'),
      (join) => join.onTrue(),
    )
    .select([
      'items.id',
      'items.sellerId',
      'items.title',
      'items.price',
      'items.available',
      'items.quantity',
      'items.status',
      'items.delivery',
      'items.shippingFee',
      'items.condition',
      'items.category',
      heldUnitsSql.as('held'),
      'cover.mediaId as coverId',
      'cover.width as coverWidth',
      'cover.height as coverHeight',
    ])
    .where('items.hiddenAt', 'is', null)
    .where('users.status', '=', 'active');
}

type CardRow = Awaited<ReturnType<ReturnType<typeof itemCardsQuery>['execute']>>[number];

function toCard(r: CardRow): ItemCard {
  return {
    id: r.id,
    sellerId: r.sellerId,
    title: r.title,
    price: r.price,
    available: r.available,
    held: r.held,
    quantity: r.quantity,
    status: r.status as ItemStatus,
    free: r.price === 0,
    delivery: r.delivery as DeliveryMethod[], // the column's CHECK admits only these
    shippingFee: r.shippingFee,
    coverUrl: r.coverId ? mediaUrl(r.coverId, 'card') : null,
    coverThumbUrl: r.coverId ? mediaUrl(r.coverId, 'thumb') : null,
    coverWidth: r.coverWidth ?? null,
    coverHeight: r.coverHeight ?? null,
    condition: r.condition as ItemCondition | null,
    category: r.category,
  };
}
