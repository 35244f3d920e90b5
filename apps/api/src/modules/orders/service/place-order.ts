// Placing an order: the item's terms are snapshotted and stock is taken by one guarded UPDATE
// in the same statement as the order's insert — never read-then-write — so no interleaving of
// buyers can oversell.
import { randomInt } from 'node:crypto';
import { type Executor, type Tx, withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import type { Guard } from '../../../lib/idempotency.ts';
import { basisPointsHalfUp } from '../../../lib/money.ts';
import type { OrderRow } from '../repo.ts';
import { maxDeposit } from '../state.ts';
import { type Money, readTerms, recentTerms, rememberTerms, type Terms, takeAndInsert } from './take-order.ts';

export type PlaceOrderInput = {
  itemId: string;
  quantity: number;
  delivery: 'pickup' | 'shipping' | 'online';
  address?: { name: string; phone: string; line: string };
  offerId?: string;
  /** Reservation deposit (定金托管), fen: pickup only, 1 … 30% of the total. */
  deposit?: number;
};

/** The order placed and its first timeline event, so the answer needs no read-back. */
export type Placed = { order: OrderRow; events: EventRow[] };
type EventRow = { orderId: string; type: string; actorId: string | null; data: unknown; createdAt: Date };

export async function placeOrder(deps: Deps, buyerId: string, input: PlaceOrderInput): Promise<OrderRow> {
  return (await placeOrderWithEvents(deps, buyerId, input)).order;
}

/**
 * Without an Idempotency-Key (`guard` undefined) and without an offer, an order is two round
 * trips: the session, and ONE statement that takes the stock and inserts the order and its event
 * (take-order.ts) — the item's row lock is held for that statement only, which is what bounds a
 * flash sale. The terms it prices the order on are the ones read within the last moment by this
 * process (or read now); the take is guarded by their version. With a key or an offer the same
 * statement runs in a transaction that also claims the key and records the answer (or uses the offer).
 */
export async function placeOrderWithEvents(deps: Deps, buyerId: string, input: PlaceOrderInput, guard?: Guard<Placed>): Promise<Placed> {
  let terms = recentTerms(deps.db, input.itemId);
  let fresh = false;
  if (!terms) [terms, fresh] = [await readTerms(deps.db, input.itemId), true];
  for (let attempt = 0; ; attempt++) {
    if (!terms) throw notFound('item');
    rememberTerms(deps.db, terms);
    try {
      check(terms, buyerId, input);
    } catch (err) {
      // Remembered terms only ever lead to the guarded take: a refusal (withdrawn, hidden, a
      // delivery no longer offered…) is said only on terms read now, never on a remembered guess.
      if (fresh) throw err;
      [terms, fresh] = [await readTerms(deps.db, input.itemId), true];
      continue;
    }
    // Sold out when just read: answer now instead of queueing on the row lock (the guarded take
    // stays the only judge when stock is left; remembered stock is not trusted).
    if (fresh && terms.available < input.quantity) throw outOfStock(input);
    const known: Terms = terms;
    try {
      if (!guard && !input.offerId) return await take(deps.db, deps, buyerId, input, known, null);
      return await withTx(deps.db, async (tx) => {
        await guard?.claim(tx);
        const agreed = input.offerId ? await useOffer(tx, input.offerId, buyerId, input.itemId, input.quantity, deps.clock.now()) : null;
        const placed = await take(tx, deps, buyerId, input, known, agreed);
        await guard?.record(tx, placed); // the key commits with the stock taken, or not at all
        return placed;
      });
    } catch (err) {
      if (!(err instanceof TermsChanged)) throw err;
      if (attempt >= 3) throw conflict('item_changed', 'The seller is editing this item; try again.');
      [terms, fresh] = [err.terms, true];
    }
  }
}

/** Thrown inside the transaction so that everything it did (an offer marked used) rolls back. */
class TermsChanged extends Error {
  constructor(readonly terms: Terms | undefined) {
    super('terms changed');
  }
}

const outOfStock = (input: PlaceOrderInput) => conflict('out_of_stock', `Fewer than ${input.quantity} left.`, { requested: input.quantity });

function check(item: Terms, buyerId: string, input: PlaceOrderInput) {
  if (item.hidden) throw notFound('item'); // hidden by a moderator: not for sale
  if (item.sellerId === buyerId) throw forbidden('own_item', 'You cannot buy your own item.');
  if (item.withdrawn) throw conflict('item_withdrawn', 'The seller has withdrawn this item.');
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
}

/** The money of the order, from the terms (the take checks they still hold) or an accepted offer. */
function priced(deps: Deps, input: PlaceOrderInput, terms: Terms, agreed: number | null): Money {
  const unitPrice = agreed ?? terms.price;
  const itemTotal = unitPrice * input.quantity;
  // Shipping is charged once per order, whatever the quantity.
  const shippingFee = input.delivery === 'shipping' ? terms.shippingFee : 0;
  const total = itemTotal + shippingFee;
  const depositCap = maxDeposit(total, deps.config.depositMaxPercent);
  if (input.deposit !== undefined && (input.deposit < 1 || input.deposit > depositCap)) {
    // Before the take (inside the transaction with an offer: the offer's use rolls back).
    throw unprocessable('invalid_deposit', `A deposit is 1 fen … ${deps.config.depositMaxPercent}% of the total (${depositCap} fen).`, {
      errors: [{ path: 'deposit', message: `1 … ${depositCap}` }],
      max: depositCap,
    });
  }
  return { unitPrice, itemTotal, shippingFee, total, fee: basisPointsHalfUp(total, deps.config.feeBps) };
}

async function take(db: Executor, deps: Deps, buyerId: string, input: PlaceOrderInput, terms: Terms, agreed: number | null): Promise<Placed> {
  const now = deps.clock.now();
  const { order, seen } = await takeAndInsert(db, terms, priced(deps, input, terms, agreed), {
    ...input,
    buyerId,
    feeBps: deps.config.feeBps,
    now,
    expiresAt: new Date(now.getTime() + deps.config.paymentExpiryMinutes * 60_000),
    pickupCode: input.delivery === 'pickup' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null,
  });
  if (order) {
    const { placedAt, ...row } = order;
    return { order: row, events: [{ orderId: row.id, type: 'placed', actorId: buyerId, data: {}, createdAt: placedAt }] };
  }
  // Missed. What the statement saw says why, unless it saw the take succeed-able (it waited on
  // the row lock and someone changed the item meanwhile): then read the item as it is now.
  let now2 = seen;
  if (now2 && now2.version === terms.version && !now2.withdrawn && !now2.hidden && now2.available >= input.quantity) now2 = await readTerms(db, input.itemId);
  if (!now2 || now2.version !== terms.version || now2.hidden) throw new TermsChanged(now2);
  if (now2.withdrawn) throw conflict('item_withdrawn', 'The seller has withdrawn this item.');
  if (now2.available < input.quantity) throw outOfStock(input);
  throw new TermsChanged(now2); // stock came back meanwhile (a cancellation): try again
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
