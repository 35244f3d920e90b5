// Messages carry live cards: an item card shows today's price and stock, an offer card its
// current state, an order card the order's current status — hydrated in batches, never N+1.
import type { OrderStatus } from '@jishi/shared';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Messages } from '../../db/types.ts';
import { type ItemCard, findItemCards } from '../items/cards.ts';
import { mediaUrl } from '../media/presenter.ts';
import { presentOffer } from '../offers/presenter.ts';

export type MessageRow = Selectable<Messages>;

export async function presentMessages(db: Executor, rows: MessageRow[], viewerId: string, now: Date) {
  const ids = (k: 'itemId' | 'mediaId' | 'offerId' | 'orderId') => [...new Set(rows.map((r) => r[k]).filter((v): v is string => !!v))];
  const offerIds = ids('offerId');
  const orderIds = ids('orderId');
  const mediaIds = ids('mediaId');
  const [offers, orders, media] = await Promise.all([
    offerIds.length ? db.selectFrom('offers').selectAll().where('id', 'in', offerIds).execute() : [],
    orderIds.length
      ? db.selectFrom('orders').select(['id', 'status', 'total', 'itemId', 'itemSnapshot', 'buyerId', 'sellerId']).where('id', 'in', orderIds).execute()
      : [],
    mediaIds.length ? db.selectFrom('media').select(['id', 'width', 'height']).where('id', 'in', mediaIds).execute() : [],
  ]);
  const cards = await findItemCards(db, [...new Set([...ids('itemId'), ...offers.map((o) => o.itemId)])]);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const mediaById = new Map(media.map((m) => [m.id, m]));
  return rows.map((m) => {
    const offer = m.offerId ? offerById.get(m.offerId) : undefined;
    const order = m.orderId ? orderById.get(m.orderId) : undefined;
    const photo = m.mediaId ? mediaById.get(m.mediaId) : undefined;
    const card = m.itemId ? cards.get(m.itemId) : undefined;
    const offerCard = offer ? cards.get(offer.itemId) : undefined;
    return presentOne(m, viewerId, now, { offer, order, photo, card, offerCard });
  });
}

type Live = {
  offer?: Parameters<typeof presentOffer>[0];
  order?: { id: string; status: string; total: number; itemSnapshot: unknown; buyerId: string; sellerId: string | null };
  photo?: { id: string; width: number; height: number };
  card?: ItemCard;
  offerCard?: ItemCard;
};

/** A message that cites nothing (no item, photo, offer or order) reads the same for everyone and needs no read: presented at once. */
export const citesNothing = (m: MessageRow) => !m.itemId && !m.mediaId && !m.offerId && !m.orderId && m.kind !== 'item';

/** presentMessages of such a message, without its (empty) reads: the same object. */
export function presentPlain(m: MessageRow) {
  return presentOne(m, '', new Date(0), {});
}

function presentOne(m: MessageRow, viewerId: string, now: Date, { offer, order, photo, card, offerCard }: Live) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    senderId: m.senderId,
    // Whose act this is (issue 15): the sender, or the member whose step a system card tells.
    actorId: m.senderId ?? m.actorId ?? null,
    kind: m.kind as 'text' | 'photo' | 'item' | 'offer' | 'order',
    ...(m.text !== null ? { text: m.text } : {}),
    ...(m.kind === 'item' ? { item: card ?? null } : {}),
    ...(photo ? { photo: { url: mediaUrl(photo.id, 'card'), width: photo.width, height: photo.height } } : {}),
    ...(offer
      ? { offer: presentOffer(offer, viewerId, now, offerCard ? { title: offerCard.title, price: offerCard.price, coverUrl: offerCard.coverUrl } : undefined) }
      : {}),
    ...(order
      ? {
          order: {
            id: order.id,
            event: m.orderStatus,
            status: order.status as OrderStatus, // the column's CHECK admits only these
            total: order.total,
            itemTitle: (order.itemSnapshot as { title?: string }).title ?? '',
            role: order.buyerId === viewerId ? ('buyer' as const) : order.sellerId === viewerId ? ('seller' as const) : null,
          },
        }
      : {}),
    warnings: m.warnings,
    autoReply: m.autoReply,
    // API.md "Smart assistance": an answer smart hosting sent for the seller.
    automatic: m.autoReply,
    createdAt: m.createdAt.toISOString(),
  };
}

export type MessageOut = Awaited<ReturnType<typeof presentMessages>>[number];
