// Read use cases: one item, a seller's lists. Rows are hydrated in batches (photos in one
// query, sellers in one) and presented; no per-row queries.
import type { ItemStatus } from '@jishi/shared';
import type { Executor } from '../../db/index.ts';
import { badRequest, forbidden, notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { DEFAULT_LIMIT, decodeCursor, type Page, toPage } from '../../lib/pagination.ts';
import { type ItemJson, presentItem, presentSeller, type Viewer } from './presenter.ts';
import { findHeldUnits, findImages, findItem, findSeller, findSellerOfItem, findSellers, type ItemRow, listSellerItems } from './repo.ts';
import { maySeeHidden } from '../admin/restrictions.ts';

const PUBLIC_STATUSES: ItemStatus[] = ['on_sale', 'sold_out'];

/** Presents rows with their photos and sellers: two queries for any number of rows. */
export async function hydrateItems(db: Executor, rows: ItemRow[], viewer: Viewer, now: Date, keepHidden = false): Promise<ItemJson[]> {
  const [images, sellers, held] = await Promise.all([
    findImages(db, rows.map((r) => r.id)),
    findSellers(db, rows.map((r) => r.sellerId)),
    findHeldUnits(db, rows.map((r) => r.id)),
  ]);
  return rows.flatMap((r) => {
    const s = sellers.get(r.sellerId);
    // Hidden by a moderator: out of every list; the seller's own writes still answer (presentOne).
    if (!s || (r.hiddenAt && !keepHidden)) return [];
    return [presentItem(r, { seller: presentSeller(s, now), images: images.get(r.id) ?? [], viewer, held: held.get(r.id) })];
  });
}

export async function presentOne(deps: Deps, row: ItemRow, viewer: Viewer = null): Promise<ItemJson> {
  const [item] = await hydrateItems(deps.db, [row], viewer, deps.clock.now(), true);
  if (!item) throw notFound('item');
  return item;
}

/** Public: any state, but nothing of a banned seller, and a hidden item only to its seller and operators. */
export async function getItem(deps: Deps, id: string, viewer: Viewer, viewerId: string | null = null): Promise<ItemJson> {
  // One round trip: the item, its seller (found by the item's id), photos and held units side by
  // side — three had to wait for each other (item → seller → photos).
  const [row, seller, images, held] = await Promise.all([
    findItem(deps.db, id),
    findSellerOfItem(deps.db, id),
    findImages(deps.db, [id]),
    findHeldUnits(deps.db, [id]),
  ]);
  if (!row) throw notFound('item');
  if (seller?.status !== 'active') throw notFound('item');
  if (row.hiddenAt && !(await maySeeHidden(deps.db, viewerId, row.sellerId))) throw notFound('item');
  return presentItem(row, {
    seller: presentSeller(seller, deps.clock.now()),
    images: images.get(row.id) ?? [],
    viewer,
    held: held.get(row.id),
  });
}

function afterKey(cursor: string | undefined) {
  const key = decodeCursor(cursor, 2);
  if (!key) return null;
  const [createdAt, id] = key;
  if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt))) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  return { createdAt, id };
}

/**
 * A seller's items, newest first. `statuses` null lists every state (the seller's own "my
 * items"); withdrawn items are visible to their seller only.
 */
export async function listItemsOf(
  deps: Deps,
  q: { sellerId: string; viewerId: string | null; status?: ItemStatus; publicDefault: boolean; cursor?: string; limit?: number },
): Promise<Page<ItemJson>> {
  const statuses = q.status ? [q.status] : q.publicDefault ? PUBLIC_STATUSES : null;
  const limit = q.limit ?? DEFAULT_LIMIT;
  const forbiddenStatus = q.status === 'withdrawn' && q.viewerId !== q.sellerId;
  let after: ReturnType<typeof afterKey> = null;
  let badCursor: unknown = null;
  try {
    after = afterKey(q.cursor);
  } catch (err) {
    badCursor = err;
  }
  // The seller and the page side by side (they do not depend on each other); the answers are
  // checked in the same order as before: unknown seller, withdrawn for others, bad cursor.
  const [seller, rows] = await Promise.all([
    findSeller(deps.db, q.sellerId),
    forbiddenStatus || badCursor ? [] : listSellerItems(deps.db, { sellerId: q.sellerId, statuses, after, limit }),
  ]);
  if (seller?.status !== 'active') throw notFound('user');
  if (forbiddenStatus) throw forbidden('not_item_owner', 'Withdrawn items are visible to their seller only.');
  if (badCursor) throw badCursor;
  const page = toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id], (r) => r);
  const ids = page.items.map((r) => r.id);
  const [images, held] = await Promise.all([findImages(deps.db, ids), findHeldUnits(deps.db, ids)]);
  const presentedSeller = presentSeller(seller, deps.clock.now());
  return {
    items: page.items
      .filter((r) => !r.hiddenAt || q.viewerId === q.sellerId)
      .map((r) => presentItem(r, { seller: presentedSeller, images: images.get(r.id) ?? [], viewer: null, held: held.get(r.id) })),
    nextCursor: page.nextCursor,
  };
}
