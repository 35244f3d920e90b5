// Offers (议价, SPEC C3): a buyer offers a lower price; the seller accepts, declines or counters;
// an accepted offer lets that buyer order at the agreed price for 24 hours. A private floor
// price declines lowballs (刀客) at once, and each buyer has a few offers per item per day.
import type { Selectable } from 'kysely';
import type { Tx } from '../../db/index.ts';
import { withNotifications } from '../notifications/service.ts';
import type { Offers } from '../../db/types.ts';
import { conflict, forbidden, notFound, tooManyRequests, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { publishMessage } from '../chat/publish.ts';
import { blockState } from '../chat/index.ts';
import { postOfferCard } from './card.ts';

export type OfferRow = Selectable<Offers>;
// How long an accepted offer's price holds (24 h) and offers per buyer, item and day (3): the
// settings offerValidHours and offersPerDay (modules/admin/rules.ts).

/**
 * An offer, and its card in the pair's conversation (issue 15): made on the item page or in the
 * chat (`conversationId`), the seller finds it where they talk. A lowball the floor declined
 * from the item page posts no card (it never bothers the seller); typed in the chat it does,
 * since the buyer wrote it there. The card is pushed after commit; the answer is the offer.
 */
export async function makeOffer(deps: Deps, buyerId: string, itemId: string, price: number, opts: { conversationId?: string } = {}) {
  const { offer, card } = await placeOffer(deps, buyerId, itemId, price, opts);
  if (card) await publishMessage(deps, card, [offer.buyerId, offer.sellerId]);
  return Object.assign(offer, { card });
}

async function placeOffer(deps: Deps, buyerId: string, itemId: string, price: number, opts: { conversationId?: string }) {
  const now = deps.clock.now();
  return withNotifications(deps, async (tx, notify) => {
    // Locking the item serializes one buyer's concurrent offers, so the daily limit holds.
    const item = await tx.selectFrom('items').select(['id', 'sellerId', 'price', 'status', 'floorPrice']).where('id', '=', itemId).forUpdate().executeTakeFirst();
    if (!item) throw notFound('item');
    if (item.sellerId === buyerId) throw forbidden('own_item', 'You cannot make an offer on your own item.');
    if (item.status !== 'on_sale') throw conflict('item_unavailable', 'This item is not on sale.');
    // The card lands in the seller's chat: the blocks that stop a message stop an offer.
    const blocks = await blockState(tx, buyerId, item.sellerId);
    if (blocks.byPeer) throw forbidden('blocked', 'This member does not accept messages from you.');
    if (blocks.byMe) throw forbidden('you_blocked', 'You blocked this member; unblock them to make an offer.');
    if (price >= item.price) {
      throw unprocessable('offer_not_lower', 'An offer is below the asking price; at the asking price, just buy it.', {
        errors: [{ path: 'price', message: `below ${item.price}` }],
      });
    }
    const recent = await tx.selectFrom('offers').select(['id', 'status', 'createdAt']).where('itemId', '=', itemId).where('buyerId', '=', buyerId)
      .where('createdAt', '>', new Date(now.getTime() - 86_400_000)).orderBy('createdAt').execute();
    if (recent.some((o) => o.status === 'pending' || o.status === 'countered')) {
      throw conflict('offer_pending', 'You already have an open offer on this item.');
    }
    const perDay = deps.config.offersPerDay;
    if (recent.length >= perDay) {
      const retry = Math.ceil(((recent[0] as { createdAt: Date }).createdAt.getTime() + 86_400_000 - now.getTime()) / 1000);
      throw tooManyRequests('too_many_offers', Math.max(1, retry), `At most ${perDay} offers per item a day.`);
    }
    // Below the seller's floor: declined on the spot. The buyer never learns the floor itself.
    const lowball = item.floorPrice !== null && price < item.floorPrice;
    const offer = await tx
      .insertInto('offers')
      .values({
        itemId, buyerId, sellerId: item.sellerId, price,
        status: lowball ? 'declined' : 'pending',
        decidedBy: lowball ? 'floor' : null,
        createdAt: now, updatedAt: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // A lowball declined by the floor never bothers the seller.
    if (!lowball) await notify({ recipientId: item.sellerId, type: 'offer_received', actorId: buyerId, offerId: offer.id, itemId, data: { price } });
    const card = !lowball || opts.conversationId ? await postOfferCard(tx, offer, opts.conversationId) : null;
    return { offer, card };
  });
}

type Decision = 'accept' | 'decline' | 'counter' | 'withdraw';

export async function decideOffer(deps: Deps, userId: string, offerId: string, decision: Decision, counterPrice?: number) {
  const now = deps.clock.now();
  return withNotifications(deps, async (tx, notify) => {
    const o = await decideLocked(tx, userId, offerId, decision, counterPrice, now, deps.config.offerValidHours * 3_600_000);
    // The other side hears the answer: the buyer of the seller's, the seller of the buyer's.
    await notify({
      recipientId: o.sellerId === userId ? o.buyerId : o.sellerId, type: 'offer_answered', actorId: userId, offerId: o.id, itemId: o.itemId,
      data: { status: o.status, price: o.agreedPrice ?? o.counterPrice ?? o.price },
    });
    return o;
  });
}

async function decideLocked(tx: Tx, userId: string, offerId: string, decision: Decision, counterPrice: number | undefined, now: Date, validMs: number) {
  const o = await tx.selectFrom('offers').selectAll().where('id', '=', offerId).forUpdate().executeTakeFirst();
  if (!o || (o.buyerId !== userId && o.sellerId !== userId)) throw notFound('offer');
  const role = o.sellerId === userId ? 'seller' : 'buyer';
  // Whose turn it is: the seller answers a pending offer, the buyer answers a counter.
  const turn = o.status === 'pending' ? 'seller' : o.status === 'countered' ? 'buyer' : null;
  if (decision === 'withdraw') {
    if (role !== 'buyer') throw forbidden('not_allowed', 'Only the buyer can withdraw an offer.');
    if (!turn) throw conflict('invalid_state', `The offer is ${o.status}.`, { offerStatus: o.status });
    return update(tx, o.id, { status: 'withdrawn', decidedBy: 'buyer' }, now);
  }
  if (!turn) throw conflict('invalid_state', `The offer is already ${o.status}.`, { offerStatus: o.status });
  if (turn !== role) throw forbidden('not_your_turn', `It is the ${turn}'s turn to answer.`);
  if (decision === 'decline') return update(tx, o.id, { status: 'declined', decidedBy: role }, now);
  if (decision === 'accept') {
    const agreed = o.status === 'countered' ? (o.counterPrice as number) : o.price;
    return update(tx, o.id, { status: 'accepted', decidedBy: role, agreedPrice: agreed, validUntil: new Date(now.getTime() + validMs) }, now);
  }
  if (role !== 'seller') throw forbidden('not_allowed', 'Only the seller can counter.');
  const item = await tx.selectFrom('items').select('price').where('id', '=', o.itemId).executeTakeFirstOrThrow();
  if (counterPrice === undefined || counterPrice <= o.price || counterPrice > item.price) {
    throw unprocessable('invalid_counter', 'A counter-offer is above the offer and at most the asking price.', {
      errors: [{ path: 'price', message: `between ${o.price + 1} and ${item.price}` }],
    });
  }
  return update(tx, o.id, { status: 'countered', counterPrice, decidedBy: 'seller' }, now);
}

function update(tx: Tx, id: string, set: Partial<OfferRow>, now: Date) {
  return tx.updateTable('offers').set({ ...set, updatedAt: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function setFloorPrice(deps: Deps, userId: string, itemId: string, floorPrice: number | null) {
  const item = await deps.db.selectFrom('items').select(['sellerId', 'price']).where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('item');
  if (item.sellerId !== userId) throw forbidden('not_item_owner', 'Only the seller sets the floor price.');
  if (floorPrice !== null && floorPrice > item.price) {
    throw unprocessable('floor_above_price', 'The floor price is at most the asking price.', { errors: [{ path: 'floorPrice', message: `at most ${item.price}` }] });
  }
  await deps.db.updateTable('items').set({ floorPrice }).where('id', '=', itemId).execute();
  return { itemId, floorPrice };
}
