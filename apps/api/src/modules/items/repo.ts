// Data access for items: plain functions taking the pool or a transaction first.
import { type Selectable, type Updateable, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Items } from '../../db/types.ts';

export type ItemRow = Selectable<Items>;
export type ItemValues = {
  sellerId: string;
  title: string;
  description: string;
  price: number;
  quantity: number;
  available: number;
  delivery: string[];
  shippingFee: number;
  category: string;
  condition: string | null;
  lat: number | null;
  lng: number | null;
  locationLabel: string;
  withdrawnAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
export type ImageRow = { itemId: string; position: number; mediaId: string; width: number; height: number };
export type ListKey = { createdAt: string; id: string };

export const insertItem = (db: Executor, v: ItemValues) =>
  db.insertInto('items').values(v).returningAll().executeTakeFirstOrThrow();

export const findItem = (db: Executor, id: string) =>
  db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();

/** Locks the row for an edit: stock moves by orders wait until the edit commits. */
export const findItemForUpdate = (db: Executor, id: string) =>
  db.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Every seller edit bumps version and updated_at (stock moves by orders do not). */
export const updateItem = (db: Executor, id: string, patch: Updateable<Omit<Items, 'status' | 'id' | 'version'>>) =>
  db
    .updateTable('items')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

/** Smart hosting on or off: not a term of sale, so no version bump. */
export const setItemHosting = (db: Executor, id: string, hosting: boolean) =>
  db.updateTable('items').set({ hosting }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export async function replaceImages(db: Executor, itemId: string, mediaIds: readonly string[]) {
  await db.deleteFrom('itemImages').where('itemId', '=', itemId).execute();
  if (mediaIds.length === 0) return;
  await db
    .insertInto('itemImages')
    .values(mediaIds.map((mediaId, position) => ({ itemId, position, mediaId })))
    .execute();
}

// Orders in these states hold stock that comes back if they lapse or are cancelled.
const HOLDING = ['pending_payment', 'reserved'];

/**
 * Units of each item held by orders not paid in full yet, in one query (orders_item). The
 * generated `status` says sold_out as soon as `available` is 0, held or sold alike; this is
 * how a page tells "ordered, not paid yet" (which may come back) from sold.
 */
export async function findHeldUnits(db: Executor, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders')
    .select(['itemId', (eb) => eb.fn.sum<string>('quantity').as('units')])
    .where('itemId', 'in', [...new Set(itemIds)])
    .where('status', 'in', HOLDING)
    .groupBy('itemId')
    .execute();
  return new Map(rows.map((r) => [r.itemId, Number(r.units)]));
}

/** The same for one card query: a correlated count by orders_item (see findHeldUnits). */
export const heldUnitsSql = sql<number>`(SELECT coalesce(sum(o.quantity), 0)::int FROM orders o WHERE o.item_id = items.id AND o.status IN ('pending_payment', 'reserved'))`;

/** Photos of any number of items in one query, in display order. */
export async function findImages(db: Executor, itemIds: readonly string[]): Promise<Map<string, ImageRow[]>> {
  const out = new Map<string, ImageRow[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('itemImages')
    .innerJoin('media', 'media.id', 'itemImages.mediaId')
    .select(['itemImages.itemId', 'itemImages.position', 'itemImages.mediaId', 'media.width', 'media.height'])
    .where('itemImages.itemId', 'in', [...itemIds])
    .orderBy('itemImages.itemId')
    .orderBy('itemImages.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.itemId) ?? [];
    list.push(r);
    out.set(r.itemId, list);
  }
  return out;
}

// The stored credit score rides along (one primary-key join); never recomputed for a card.
const sellerQuery = (db: Executor) =>
  db
    .selectFrom('users')
    .leftJoin('creditScores', 'creditScores.userId', 'users.id')
    .select(['users.id', 'users.displayName', 'users.avatarId', 'users.createdAt', 'users.verifiedAt', 'users.status', 'creditScores.score as creditScore',
      'creditScores.ratingAverage', 'creditScores.ratingCount']);

export const findSeller = (db: Executor, id: string) => sellerQuery(db).where('users.id', '=', id).executeTakeFirst();
export type SellerRow = NonNullable<Awaited<ReturnType<typeof findSeller>>>;
/** The seller of an item, by the item's id (a primary-key subquery): no need to read the item first. */
export const findSellerOfItem = (db: Executor, itemId: string) =>
  sellerQuery(db)
    .where('users.id', '=', (eb) => eb.selectFrom('items').select('items.sellerId').where('items.id', '=', itemId))
    .executeTakeFirst();

export async function findSellers(db: Executor, ids: readonly string[]): Promise<Map<string, SellerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sellerQuery(db).where('users.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * One seller's items, newest first, keyset-paged on (created_at, id). Served by
 * items_seller_status_created for one state and items_seller_created otherwise (EXPLAIN in
 * items-lists.test.ts).
 */
export function sellerItemsQuery(
  db: Executor,
  q: { sellerId: string; statuses: readonly string[] | null; after: ListKey | null; limit: number },
) {
  let query = db.selectFrom('items').selectAll().where('sellerId', '=', q.sellerId);
  if (q.statuses?.length === 1) query = query.where('status', '=', q.statuses[0] as string);
  else if (q.statuses) query = query.where('status', 'in', [...q.statuses]);
  if (q.after) {
    const { createdAt, id } = q.after;
    query = query.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(new Date(createdAt), id)));
  }
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.limit + 1);
}

export const listSellerItems = (db: Executor, q: Parameters<typeof sellerItemsQuery>[1]) =>
  sellerItemsQuery(db, q).execute();
