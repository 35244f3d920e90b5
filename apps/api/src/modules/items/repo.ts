// Data access for items: plain functions taking the pool or a transaction first.
import { type Selectable, type Updateable, sql } from 'kysely';
import { compiled, compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { Items } from '../../db/types.ts';

/** An item as the app reads it: every column but the search vector, which only search reads (in SQL). */
export type ItemRow = Omit<Selectable<Items>, 'searchVector'>;
// `select *` sent each row's tsvector (hundreds of bytes of lexemes) to be parsed and dropped.
export const ITEM_COLUMNS = [
  'id', 'sellerId', 'title', 'description', 'price', 'floorPrice', 'quantity', 'available', 'delivery', 'shippingFee', 'category',
  'condition', 'lat', 'lng', 'locationLabel', 'status', 'hosting', 'version', 'hiddenAt', 'withdrawnAt', 'createdAt', 'updatedAt',
] as const satisfies readonly (keyof ItemRow)[];
// Every column of ItemRow is in the list (a new column breaks the type check here until added).
const allColumns: Record<Exclude<keyof ItemRow, (typeof ITEM_COLUMNS)[number]>, never> = {};
void allColumns;
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
  db.insertInto('items').values(v).returning(ITEM_COLUMNS).executeTakeFirstOrThrow();

// The statements of the read paths are compiled once (db/compiled.ts): an array goes as one
// parameter (`= any($1)`), which PostgreSQL plans like the IN list it replaces.
const anyOf = (ids: string[]) => sql<string>`any(${ids})`;

const itemById = compiled({ id: 'text' }, (db, p) => db.selectFrom('items').select(ITEM_COLUMNS).where('id', '=', p.text('id')), 'item by id');

export const findItem = (db: Executor, id: string) => itemById.first(db, { id });

/** Locks the row for an edit: stock moves by orders wait until the edit commits. */
export const findItemForUpdate = (db: Executor, id: string) =>
  db.selectFrom('items').select(ITEM_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();

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
const heldUnits = compiled(
  { ids: 'texts' },
  (db, p) =>
    db
      .selectFrom('orders')
      .select(['itemId', (eb) => eb.fn.sum<string>('quantity').as('units')])
      .where('itemId', '=', anyOf(p.texts('ids')))
      .where('status', 'in', HOLDING)
      .groupBy('itemId'),
  'held units',
);

export async function findHeldUnits(db: Executor, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await heldUnits.all(db, { ids: [...new Set(itemIds)] });
  return new Map(rows.map((r) => [r.itemId, Number(r.units)]));
}

/** The same for one card query: a correlated count by orders_item (see findHeldUnits). */
export const heldUnitsSql = sql<number>`(SELECT coalesce(sum(o.quantity), 0)::int FROM orders o WHERE o.item_id = items.id AND o.status IN ('pending_payment', 'reserved'))`;

const imagesOf = compiled(
  { ids: 'texts' },
  (db, p) =>
    db
      .selectFrom('itemImages')
      .innerJoin('media', 'media.id', 'itemImages.mediaId')
      .select(['itemImages.itemId', 'itemImages.position', 'itemImages.mediaId', 'media.width', 'media.height'])
      .where('itemImages.itemId', '=', anyOf(p.texts('ids')))
      .orderBy('itemImages.itemId')
      .orderBy('itemImages.position'),
  'item images',
);

/** Photos of any number of items in one query, in display order. */
export async function findImages(db: Executor, itemIds: readonly string[]): Promise<Map<string, ImageRow[]>> {
  const out = new Map<string, ImageRow[]>();
  if (itemIds.length === 0) return out;
  const rows = await imagesOf.all(db, { ids: [...itemIds] });
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

const sellerById = compiled({ id: 'text' }, (db, p) => sellerQuery(db).where('users.id', '=', p.text('id')), 'seller by id');
const sellerOfItem = compiled(
  { itemId: 'text' },
  (db, p) => sellerQuery(db).where('users.id', '=', (eb) => eb.selectFrom('items').select('items.sellerId').where('items.id', '=', p.text('itemId'))),
  'seller of item',
);
const sellersByIds = compiled({ ids: 'texts' }, (db, p) => sellerQuery(db).where('users.id', '=', anyOf(p.texts('ids'))), 'sellers by ids');

export const findSeller = (db: Executor, id: string) => sellerById.first(db, { id });
export type SellerRow = NonNullable<Awaited<ReturnType<typeof findSeller>>>;
/** The seller of an item, by the item's id (a primary-key subquery): no need to read the item first. */
export const findSellerOfItem = (db: Executor, itemId: string) => sellerOfItem.first(db, { itemId });

export async function findSellers(db: Executor, ids: readonly string[]): Promise<Map<string, SellerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await sellersByIds.all(db, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which states a list shows: all, one (`=`), or several (`= any`, one array parameter). */
export type StatusFilter = null | { eq: string } | { any: string[] };

/**
 * One seller's items, newest first, keyset-paged on (created_at, id). Served by
 * items_seller_status_created for one state and items_seller_created otherwise (EXPLAIN in
 * items-lists.test.ts).
 */
export function sellerItemsQuery(
  db: Executor,
  q: { sellerId: string; status: StatusFilter; after: { at: Date; id: string } | null; take: number },
) {
  let query = db.selectFrom('items').select(ITEM_COLUMNS).where('sellerId', '=', q.sellerId);
  if (q.status && 'eq' in q.status) query = query.where('status', '=', q.status.eq);
  else if (q.status) query = query.where('status', '=', anyOf(q.status.any));
  const after = q.after;
  if (after) query = query.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after.at, after.id)));
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.take);
}

type ListShape = 'all' | 'one' | 'many' | 'all+' | 'one+' | 'many+';

const sellerItems = compiledShapes(
  { sellerId: 'text', status: 'text', statuses: 'texts', at: 'date', id: 'text', take: 'int' },
  (db, p, shape: ListShape) =>
    sellerItemsQuery(db, {
      sellerId: p.text('sellerId'),
      status: shape.startsWith('all') ? null : shape.startsWith('one') ? { eq: p.text('status') } : { any: p.texts('statuses') },
      after: shape.endsWith('+') ? { at: p.date('at'), id: p.text('id') } : null,
      take: p.int('take'),
    }),
  "a seller's items",
);

const SHAPES: Record<'all' | 'one' | 'many', [ListShape, ListShape]> = { all: ['all', 'all+'], one: ['one', 'one+'], many: ['many', 'many+'] };

/** `statuses` null: every state. Reads limit + 1 rows (the extra one says there is a next page). */
export function listSellerItems(
  db: Executor,
  q: { sellerId: string; statuses: readonly string[] | null; after: ListKey | null; limit: number },
) {
  const [first, next] = SHAPES[q.statuses === null ? 'all' : q.statuses.length === 1 ? 'one' : 'many'];
  return sellerItems(q.after ? next : first).all(db, {
    sellerId: q.sellerId,
    status: q.statuses?.[0],
    statuses: q.statuses ? [...q.statuses] : [],
    ...(q.after ? { at: new Date(q.after.createdAt), id: q.after.id } : {}),
    take: q.limit + 1,
  });
}
