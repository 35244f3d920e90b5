// Order events are the outbox of order cards: every status change of an order is posted as a
// system message in the buyer–seller conversation, after its transaction committed, once —
// several processes may dispatch at the same time; SKIP LOCKED gives each event to one.
import { withNotifications } from '../notifications/service.ts';
import { orderEventNotices } from '../notifications/order-events.ts';
import type { Deps } from '../../lib/http.ts';
import { presentMessages } from './presenter.ts';
import { findOrCreateConversation, insertMessage } from './repo.ts';

const CARD_EVENTS = new Set([
  'placed', 'paid', 'shipped', 'delivered', 'completed', 'auto_confirmed', 'cancelled', 'expired', 'refunded',
  // After-sale steps (modules/aftersale mirrors each case event on the order as after_sale_<type>).
  'after_sale_opened', 'after_sale_accepted', 'after_sale_rejected', 'after_sale_return_shipped', 'after_sale_received',
  'after_sale_escalated', 'after_sale_referred', 'after_sale_withdrawn', 'after_sale_released',
]);

export async function dispatchOrderEvents(deps: Deps, limit = 100): Promise<number> {
  const posted: { users: string[]; conversationId: string; messageId: string }[] = [];
  const n = await withNotifications(deps, async (tx, notify) => {
    const events = await tx
      .selectFrom('orderEvents').innerJoin('orders', 'orders.id', 'orderEvents.orderId')
      .select(['orderEvents.id', 'orderEvents.type', 'orderEvents.orderId', 'orderEvents.actorId', 'orderEvents.data', 'orders.buyerId', 'orders.sellerId', 'orders.itemId'])
      .where('orderEvents.dispatchedAt', 'is', null)
      .orderBy('orderEvents.id').limit(limit).forUpdate('orderEvents').skipLocked().execute();
    for (const e of events) {
      for (const notice of orderEventNotices(e)) await notify(notice);
      if (CARD_EVENTS.has(e.type)) {
        const { conversation } = await findOrCreateConversation(tx, e.buyerId, e.sellerId, e.itemId);
        const m = await insertMessage(tx, { conversationId: conversation.id, senderId: null, actorId: e.actorId, kind: 'order', orderId: e.orderId, orderStatus: e.type });
        posted.push({ users: [e.buyerId, e.sellerId], conversationId: conversation.id, messageId: m.id });
      }
    }
    if (events.length) {
      await tx.updateTable('orderEvents').set({ dispatchedAt: deps.clock.now() }).where('id', 'in', events.map((e) => e.id)).execute();
    }
    return events.length;
  });
  for (const p of posted) {
    const row = await deps.db.selectFrom('messages').selectAll().where('id', '=', p.messageId).executeTakeFirstOrThrow();
    for (const u of p.users) {
      const [message] = await presentMessages(deps.db, [row], u, deps.clock.now());
      await deps.hub.publish(deps.db, [u], { type: 'message', conversationId: p.conversationId, message });
      await deps.hub.publish(deps.db, [u], { type: 'order', orderId: row.orderId, status: message?.order?.status, event: row.orderStatus });
    }
  }
  return n;
}

/** Polls the outbox every second; cheap on the partial index when there is nothing to do. */
export function startOrderCardDispatcher(deps: Deps) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await dispatchOrderEvents(deps)) > 0) {}
    } catch (err) {
      deps.log.warn({ err }, 'order card dispatch failed; will retry');
    } finally {
      running = false;
    }
  }, 1000);
  return () => clearInterval(timer);
}
