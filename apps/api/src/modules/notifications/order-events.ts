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
  // The reservation deposit (定金托管).
  reserved: { type: 'order_reserved', to: 'seller' }, // 买家已付定金，商品为其保留至 reservedUntil
  no_show: { type: 'order_no_show', to: 'buyer' }, // 卖家说你没来；contestUntil 前可申请售后
  reservation_expired: { type: 'order_reservation_expired', to: 'both' }, // 定金全额退回
  deposit_settled: { type: 'order_deposit_settled', to: 'both' }, // 未到场，定金归卖家
};

/** Facts an event carries that its text needs (an amount in fen, a deadline), copied when well-formed. */
const FACTS: Record<string, Record<string, 'number' | 'string'>> = {
  reserved: { deposit: 'number', reservedUntil: 'string' },
  no_show: { contestUntil: 'string' },
  deposit_settled: { amount: 'number' },
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
  const given = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
  const data: Notice['data'] = {};
  if (e.type === 'auto_confirmed') data.auto = true;
  if (e.type === 'expired') data.reason = 'expired';
  // A reservation running out carries its own name as the reason; the type already says it.
  else if (typeof given.reason === 'string' && e.type !== 'reservation_expired') data.reason = given.reason.slice(0, 200);
  for (const [key, kind] of Object.entries(FACTS[e.type] ?? {})) {
    const v = given[key];
    if (typeof v === 'number' && kind === 'number' && Number.isSafeInteger(v)) data[key] = v;
    if (typeof v === 'string' && kind === 'string' && v.length <= 40) data[key] = v;
  }
  return to.map((recipientId) => ({
    recipientId,
    type: rule.type,
    actorId: e.actorId,
    orderId: e.orderId,
    itemId: e.itemId,
    data: { ...data, role: recipientId === e.sellerId ? 'seller' : 'buyer' },
  }));
}
