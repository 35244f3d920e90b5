// Placing an order: the item's terms are snapshotted and stock is taken by one guarded UPDATE
// in the same transaction — never read-then-write — so no interleaving of buyers can oversell.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { basisPointsHalfUp } from '../../../lib/money.ts';
import { mediaUrl } from '../../media/presenter.ts';
import { addEvent } from '../repo.ts';
import { UNPAID_TTL_MS } from '../state.ts';

export type PlaceOrderInput = {
  itemId: string;
  quantity: number;
  delivery: 'pickup' | 'shipping' | 'online';
  address?: { name: string; phone: string; line: string };
  offerId?: string;
};

export async function placeOrder(deps: Deps, buyerId: string, input: PlaceOrderInput) {
  const now = deps.clock.now();
  return withTx(deps.db, async (tx) => {
    const item = await tx.selectFrom('items').select(['id', 'sellerId', 'status']).where('id', '=', input.itemId).executeTakeFirst();
    if (!item) throw notFound('item');
    if (item.sellerId === buyerId) throw forbidden('own_item', 'You cannot buy your own item.');
    if (item.status === 'withdrawn') throw conflict('item_withdrawn', 'The seller has withdrawn this item.');
    if (input.delivery === 'shipping' && !input.address) {
      throw unprocessable('address_required', 'Shipping needs an address.', { errors: [{ path: 'address', message: 'required for shipping' }] });
    }
    const agreed = input.offerId ? await useOffer(tx, input.offerId, buyerId, input.itemId, input.quantity, now) : null;

    // The guarded take: succeeds only if enough units are left, under the row lock it takes.
    const taken = await tx
      .updateTable('items')
      .set({ available: sql`available - ${input.quantity}` })
      .where('id', '=', input.itemId)
      .where('available', '>=', input.quantity)
      .where('withdrawnAt', 'is', null)
      .returning(['title', 'price', 'shippingFee', 'delivery', 'condition', 'category', 'version'])
      .executeTakeFirst();
    if (!taken) throw conflict('out_of_stock', `Fewer than ${input.quantity} left.`, { requested: input.quantity });
    if (!taken.delivery.includes(input.delivery)) {
      throw unprocessable('delivery_not_offered', `The seller does not offer ${input.delivery} for this item.`, {
        errors: [{ path: 'delivery', message: `one of ${taken.delivery.join(', ')}` }],
      });
    }
    const unitPrice = agreed ?? taken.price;
    const itemTotal = unitPrice * input.quantity;
    // Shipping is charged once per order, whatever the quantity.
    const shippingFee = input.delivery === 'shipping' ? taken.shippingFee : 0;
    const total = itemTotal + shippingFee;
    const fee = basisPointsHalfUp(total, deps.config.feeBps);
    const cover = await tx
      .selectFrom('itemImages').select('mediaId').where('itemId', '=', input.itemId).orderBy('position').limit(1)
      .executeTakeFirst();
    const order = await tx
      .insertInto('orders')
      .values({
        itemId: input.itemId,
        buyerId,
        sellerId: item.sellerId,
        offerId: input.offerId ?? null,
        quantity: input.quantity,
        unitPrice,
        itemTotal,
        shippingFee,
        total,
        fee,
        sellerProceeds: total - fee,
        feeBps: deps.config.feeBps,
        delivery: input.delivery,
        address: input.delivery === 'shipping' ? JSON.stringify(input.address) : null,
        itemSnapshot: JSON.stringify({
          title: taken.title,
          coverUrl: cover ? mediaUrl(cover.mediaId, 'card') : null,
          condition: taken.condition,
          category: taken.category,
          version: taken.version,
          listPrice: taken.price,
        }),
        status: 'pending_payment',
        pickupCode: input.delivery === 'pickup' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null,
        expiresAt: new Date(now.getTime() + UNPAID_TTL_MS),
        createdAt: now,
        updatedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await addEvent(tx, order.id, 'placed', buyerId);
    return order;
  });
}

/** An accepted offer lets its buyer order this item at the agreed price, once, until it lapses. */
async function useOffer(
  tx: Parameters<Parameters<typeof withTx>[1]>[0],
  offerId: string,
  buyerId: string,
  itemId: string,
  quantity: number,
  now: Date,
): Promise<number> {
  const offer = await tx.selectFrom('offers').selectAll().where('id', '=', offerId).forUpdate().executeTakeFirst();
  if (!offer || offer.buyerId !== buyerId || offer.itemId !== itemId) throw notFound('offer');
  if (offer.status !== 'accepted' || offer.agreedPrice === null) {
    throw conflict('offer_not_accepted', 'This offer has not been accepted (or was already used).');
  }
  if (!offer.validUntil || offer.validUntil <= now) throw conflict('offer_expired', 'This offer has lapsed.');
  if (quantity !== 1) throw unprocessable('offer_quantity', 'An offer is for one unit.', { errors: [{ path: 'quantity', message: 'must be 1 with an offer' }] });
  await tx.updateTable('offers').set({ status: 'used', updatedAt: now }).where('id', '=', offerId).execute();
  return offer.agreedPrice;
}
