// Items use cases. Each write runs in one transaction here: a refused request leaves nothing
// behind (no item without its photos, no half-applied edit).
import { DEFAULT_CATEGORY, type TermsError } from '@jishi/shared';
import { type Tx, withTx } from '../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable, validationFailed } from '../../lib/errors.ts';
import { coarseLocation } from '../../lib/geo.ts';
import type { Deps } from '../../lib/http.ts';
import type { ItemCreateInput, ItemPatchInput } from './schema.ts';
import { ownPhotoIds } from '../media/service.ts';
import { assertCanList } from '../trust/pro-seller.ts';
import { indexItem } from '../search/indexer.ts';
import { findItemForUpdate, insertItem, type ItemRow, replaceImages, setItemHosting, updateItem } from './repo.ts';
import { availableAfterQuantityEdit, createTermsErrors, patchedShippingFee, patchTermsErrors, takenUnits } from './terms.ts';

function refuseTerms(errors: TermsError[]) {
  if (errors.length) throw validationFailed(errors);
}

/** Photos must be the seller's own uploads: nobody lists an item with someone else's pictures. */
async function checkPhotos(tx: Tx, sellerId: string, imageIds: readonly string[]) {
  const owned = await ownPhotoIds(tx, sellerId, imageIds);
  const errors = imageIds.flatMap((id, i) =>
    owned.has(id) ? [] : [{ path: `imageIds.${i}`, message: 'not a photo you uploaded' }],
  );
  if (errors.length) throw unprocessable('invalid_media', 'Some photos are not ones you uploaded.', { errors });
}

const locationColumns = (l: ItemCreateInput['location']) => {
  if (!l) return { lat: null, lng: null, locationLabel: '' };
  const c = coarseLocation(l);
  return { lat: c.lat, lng: c.lng, locationLabel: c.label };
};

/** Quick-sell eligibility is checked by the route (requireQuickSell) before the body is read. */
export async function createItem(deps: Deps, sellerId: string, input: ItemCreateInput): Promise<ItemRow> {
  refuseTerms(createTermsErrors(input, deps.config.quickSellPriceCap));
  const ships = input.delivery.includes('shipping');
  const quantity = input.quantity ?? 1;
  const now = deps.clock.now();
  await assertCanList(deps, sellerId);
  return withTx(deps.db, async (tx) => {
    if (input.imageIds?.length) await checkPhotos(tx, sellerId, input.imageIds);
    const row = await insertItem(tx, {
      sellerId,
      title: input.title,
      description: input.description ?? '',
      price: input.price,
      quantity,
      available: quantity,
      delivery: input.delivery,
      shippingFee: ships ? (input.shippingFee ?? 0) : 0,
      category: input.category ?? DEFAULT_CATEGORY,
      condition: input.condition ?? null,
      ...locationColumns(input.location),
      createdAt: now,
      updatedAt: now,
    });
    if (input.imageIds?.length) await replaceImages(tx, row.id, input.imageIds);
    await indexItem(tx, row);
    return row;
  });
}

/** Loads the seller's own item, locked. 404 unknown, 403 someone else's. */
async function lockOwnItem(tx: Tx, sellerId: string, id: string): Promise<ItemRow> {
  const row = await findItemForUpdate(tx, id);
  if (!row) throw notFound('item');
  if (row.sellerId !== sellerId) throw forbidden('not_item_owner', 'Only the seller can change this item.');
  return row;
}

export async function editItem(deps: Deps, sellerId: string, id: string, input: ItemPatchInput): Promise<ItemRow> {
  const { hosting, ...patch } = input;
  return withTx(deps.db, async (tx) => {
    const cur = await lockOwnItem(tx, sellerId, id);
    // Smart hosting is how the seller answers, not a term of sale: switching it alone neither
    // bumps the version (an order placed meanwhile stays valid) nor needs the item on sale.
    if (hosting !== undefined && Object.keys(patch).length === 0) {
      if (hosting === cur.hosting) return cur;
      return setItemHosting(tx, id, hosting);
    }
    // A withdrawn item goes back on sale only through POST /items/:id/relist, never as a side
    // effect of an edit: relisting is a decision the seller makes on purpose.
    if (cur.status === 'withdrawn') {
      throw conflict('item_withdrawn', 'This item is withdrawn. Relist it before editing.');
    }
    if (Object.keys(patch).length === 0) return cur;
    refuseTerms(patchTermsErrors(cur, patch, deps.config.quickSellPriceCap));
    if (patch.imageIds?.length) await checkPhotos(tx, sellerId, patch.imageIds);
    // A price cut below the private floor would silently decline every offer: say so instead.
    if (patch.price !== undefined && cur.floorPrice !== null && patch.price < cur.floorPrice) {
      throw unprocessable('price_below_floor', 'The new price is below your floor price; lower or clear the floor price first.', {
        errors: [{ path: 'price', message: `at least the floor price ${cur.floorPrice}` }],
      });
    }
    let available: number | undefined;
    if (patch.quantity !== undefined) {
      const next = availableAfterQuantityEdit(cur, patch.quantity);
      if (next === null) {
        const taken = takenUnits(cur);
        throw conflict('quantity_below_reserved', `${taken} units are already reserved or sold; quantity cannot go below that.`, {
          reserved: taken,
          errors: [{ path: 'quantity', message: `at least ${taken} (already reserved or sold)` }],
        });
      }
      available = next;
    }
    const row = await updateItem(tx, id, {
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.price !== undefined && { price: patch.price }),
      ...(patch.quantity !== undefined && { quantity: patch.quantity, available }),
      ...(patch.delivery !== undefined && { delivery: patch.delivery }),
      shippingFee: patchedShippingFee(cur, patch) ?? cur.shippingFee,
      ...(patch.category !== undefined && { category: patch.category }),
      ...(patch.condition !== undefined && { condition: patch.condition }),
      ...(patch.location !== undefined && locationColumns(patch.location)),
      ...(hosting !== undefined && { hosting }),
      updatedAt: deps.clock.now(),
    });
    if (patch.imageIds !== undefined) await replaceImages(tx, id, patch.imageIds);
    await indexItem(tx, row);
    return row;
  });
}

/** Idempotent: withdrawing a withdrawn item returns it unchanged. */
export async function withdrawItem(deps: Deps, sellerId: string, id: string): Promise<ItemRow> {
  return withTx(deps.db, async (tx) => {
    const cur = await lockOwnItem(tx, sellerId, id);
    if (cur.withdrawnAt) return cur;
    const now = deps.clock.now();
    return updateItem(tx, id, { withdrawnAt: now, updatedAt: now });
  });
}

/** Back on sale (or sold out, if no stock is left). Idempotent for an item not withdrawn. */
export async function relistItem(deps: Deps, sellerId: string, id: string): Promise<ItemRow> {
  return withTx(deps.db, async (tx) => {
    const cur = await lockOwnItem(tx, sellerId, id);
    if (!cur.withdrawnAt) return cur;
    return updateItem(tx, id, { withdrawnAt: null, updatedAt: deps.clock.now() });
  });
}
