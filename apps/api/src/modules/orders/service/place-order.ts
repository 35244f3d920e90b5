// Placing an order: the item's terms are snapshotted and stock is taken by one guarded UPDATE
// in the same transaction — never read-then-write — so no interleaving of buyers can oversell.
import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { type Tx, withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { type Guard, noKey } from '../../../lib/idempotency.ts';
import { basisPointsHalfUp } from '../../../lib/money.ts';
import { mediaUrl } from '../../media/presenter.ts';
import { addEvent, type OrderRow } from '../repo.ts';
import { maxDeposit } from '../state.ts';

export type PlaceOrderInput = {
  itemId: string;
  quantity: number;
  delivery: 'pickup' | 'shipping' | 'online';
  address?: { name: string; phone: string; line: string };
  offerId?: string;
  /** Reservation deposit (定金托管), fen: pickup only, 1 … 30% of the total. */
  deposit?: number;
};

export async function placeOrder(deps: Deps, buyerId: string, input: PlaceOrderInput, guard: Guard<OrderRow> = noKey()) {
  // Terms are read before the transaction and the stock take is guarded by the item's version:
  // the row lock is then held only for the decrement and two inserts, which is what bounds a
  // flash sale's throughput. An edit in between makes the take miss, and we read again.
  for (let attempt = 0; ; attempt++) {
    const terms = await readTerms(deps, buyerId, input);
    try {
      return await withTx(deps.db, async (tx) => {
        await guard.claim(tx);
        const order = await takeAndInsert(tx, deps, buyerId, input, terms);
        await guard.record(tx, order); // the key commits with the stock taken, or not at all
        return order;
      });
    } catch (err) {
      if (!(err instanceof TermsChanged)) throw err;
      if (attempt >= 3) throw conflict('item_changed', 'The seller is editing this item; try again.');
    }
  }
}

/** Thrown inside the transaction so that everything it did (an offer marked used) rolls back. */
class TermsChanged extends Error {}

type Terms = NonNullable<Awaited<ReturnType<typeof findTerms>>> & { coverId: string | null };

const findTerms = (deps: Deps, itemId: string) =>
  deps.db
    .selectFrom('items')
    .select(['id', 'sellerId', 'status', 'available', 'title', 'price', 'shippingFee', 'delivery', 'condition', 'category', 'version', 'locationLabel'])
    .where('id', '=', itemId)
    .where('hiddenAt', 'is', null) // hidden by a moderator: not for sale
    .executeTakeFirst();

async function readTerms(deps: Deps, buyerId: string, input: PlaceOrderInput): Promise<Terms> {
  const item = await findTerms(deps, input.itemId);
  if (!item) throw notFound('item');
  if (item.sellerId === buyerId) throw forbidden('own_item', 'You cannot buy your own item.');
  if (item.status === 'withdrawn') throw conflict('item_withdrawn', 'The seller has withdrawn this item.');
  if (input.deposit !== undefined && input.delivery !== 'pickup') {
    throw unprocessable('invalid_deposit', 'A reservation deposit is for pickup deals only.', {
      errors: [{ path: 'deposit', message: 'pickup only' }],
    });
  }
  if (input.delivery === 'shipping' && !input.address) {
    throw unprocessable('address_required', 'Shipping needs an address.', { errors: [{ path: 'address', message: 'required for shipping' }] });
  }
  if (!item.delivery.includes(input.delivery)) {
    throw unprocessable('delivery_not_offered', `The seller does not offer ${input.delivery} for this item.`, {
      errors: [{ path: 'delivery', message: `one of ${item.delivery.join(', ')}` }],
    });
  }
  // Sold out already: answer now instead of queueing on the row lock (the guarded take below
  // stays the only judge when stock is left).
  if (item.available < input.quantity) throw conflict('out_of_stock', `Fewer than ${input.quantity} left.`, { requested: input.quantity });
  const cover = await deps.db
    .selectFrom('itemImages').select('mediaId').where('itemId', '=', input.itemId).orderBy('position').limit(1).executeTakeFirst();
  return { ...item, coverId: cover?.mediaId ?? null };
}

async function takeAndInsert(tx: Tx, deps: Deps, buyerId: string, input: PlaceOrderInput, terms: Terms) {
  const now = deps.clock.now();
  const agreed = input.offerId ? await useOffer(tx, input.offerId, buyerId, input.itemId, input.quantity, now) : null;
  // The guarded take: succeeds only if enough units are left and the terms are the ones read.
  const taken = await tx
    .updateTable('items')
    .set({ available: sql`available - ${input.quantity}` })
    .where('id', '=', input.itemId)
    .where('available', '>=', input.quantity)
    .where('withdrawnAt', 'is', null)
    .where('version', '=', terms.version)
    .returning('version')
    .executeTakeFirst();
  if (!taken) {
    const now2 = await tx.selectFrom('items').select(['available', 'version', 'withdrawnAt']).where('id', '=', input.itemId).executeTakeFirstOrThrow();
    if (now2.version !== terms.version) throw new TermsChanged();
    if (now2.withdrawnAt) throw conflict('item_withdrawn', 'The seller has withdrawn this item.');
    throw conflict('out_of_stock', `Fewer than ${input.quantity} left.`, { requested: input.quantity });
  }
  const unitPrice = agreed ?? terms.price;
  const itemTotal = unitPrice * input.quantity;
  // Shipping is charged once per order, whatever the quantity.
  const shippingFee = input.delivery === 'shipping' ? terms.shippingFee : 0;
  const total = itemTotal + shippingFee;
  const fee = basisPointsHalfUp(total, deps.config.feeBps);
  const depositCap = maxDeposit(total, deps.config.depositMaxPercent);
  if (input.deposit !== undefined && (input.deposit < 1 || input.deposit > depositCap)) {
    // Thrown inside the transaction: the stock taken above goes back with the rollback.
    throw unprocessable('invalid_deposit', `A deposit is 1 fen … ${deps.config.depositMaxPercent}% of the total (${depositCap} fen).`, {
      errors: [{ path: 'deposit', message: `1 … ${depositCap}` }],
      max: depositCap,
    });
  }
  const order = await tx
    .insertInto('orders')
    .values({
      itemId: input.itemId,
      buyerId,
      sellerId: terms.sellerId,
      offerId: input.offerId ?? null,
      quantity: input.quantity,
      unitPrice,
      itemTotal,
      shippingFee,
      total,
      fee,
      sellerProceeds: total - fee,
      feeBps: deps.config.feeBps,
      deposit: input.deposit ?? null,
      delivery: input.delivery,
      address: input.delivery === 'shipping' ? JSON.stringify(input.address) : null,
      itemSnapshot: JSON.stringify({
        title: terms.title,
        coverUrl: terms.coverId ? mediaUrl(terms.coverId, 'card') : null,
        condition: terms.condition,
        category: terms.category,
        version: terms.version,
        listPrice: terms.price,
        // Where a pickup happens, as the seller described it when the order was placed.
        location: terms.locationLabel || null,
      }),
      status: 'pending_payment',
      pickupCode: input.delivery === 'pickup' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null,
      expiresAt: new Date(now.getTime() + deps.config.paymentExpiryMinutes * 60_000),
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(tx, order.id, 'placed', buyerId);
  return order;
}

/** An accepted offer lets its buyer order this item at the agreed price, once, until it lapses. */
async function useOffer(
  tx: Tx,
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
