// Which order events notify whom. Order events are already an outbox (chat/order-cards.ts
// dispatches each once, after its transaction, from every path: the buyer's pay, the gateway's
// callback, the sweeps); the dispatcher writes these notices in the transaction that marks the
// event dispatched, so each event notifies exactly once.
import type { Notice, NotificationType } from './service.ts';

export type OrderEvent = {
  type: string;
  orderId: string;
  buyerId: string;
  sellerId: string;
  itemId: string;
  actorId: string | null;
  data?: unknown;
};

/** Who hears of an event: the side that has to act next, or learns of money moving. */
const RULES: Record<string, { type: NotificationType; to: 'buyer' | 'seller' | 'other' | 'both' }> = {
  paid: { type: 'order_paid', to: 'seller' }, // 买家已付款，请发货
  shipped: { type: 'order_shipped', to: 'buyer' },
  delivered: { type: 'order_delivered', to: 'buyer' },
  completed: { type: 'order_completed', to: 'other' }, // confirmed by the buyer, or handed over by the seller
  auto_confirmed: { type: 'order_completed', to: 'both' },
  cancelled: { type: 'order_cancelled', to: 'other' },
  expired: { type: 'order_cancelled', to: 'buyer' },
};

export function orderEventNotices(e: OrderEvent): Notice[] {
  const rule = RULES[e.type];
  if (!rule) return [];
  const parties = [e.buyerId, e.sellerId];
  const to =
    rule.to === 'buyer' ? [e.buyerId]
    : rule.to === 'seller' ? [e.sellerId]
    : rule.to === 'both' ? parties
    : parties.filter((p) => p !== e.actorId);
  const reason = (e.data as { reason?: unknown } | null)?.reason;
  const data: Notice['data'] = {};
  if (e.type === 'auto_confirmed') data.auto = true;
  if (e.type === 'expired') data.reason = 'expired';
  else if (typeof reason === 'string') data.reason = reason.slice(0, 200);
  return to.map((recipientId) => ({
    recipientId,
    type: rule.type,
    actorId: e.actorId,
    orderId: e.orderId,
    itemId: e.itemId,
    data: { ...data, role: recipientId === e.sellerId ? 'seller' : 'buyer' },
  }));
}
