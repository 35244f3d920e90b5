// Issue 15 item 4: unread is what the other side or the system did for me. A buyer who pays,
// confirms and reviews does not come back to a pile of unread cards of their own steps.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { expireDueOrders } from '../orders/service/cancel.ts';
import { dispatchOrderEvents } from './order-cards.ts';

const t = await createTestApp();

const unread = async (token: string) => {
  const r = await t.req('GET', '/conversations', { token });
  return { total: r.json.unreadTotal as number, conv: r.json.items[0] as { id: string; unreadCount: number } | undefined };
};

describe('unread counts and the actor of a card', () => {
  it("a party's own order steps are not unread for them; the other side's and the system's are", async () => {
    const { seller, item } = await sellerWithItem(t, { price: 3000, quantity: 2 });
    const buyer = await t.user();
    const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'online', address: undefined })).json;
    await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    await t.gateway.settled();
    await dispatchOrderEvents(t.deps);
    // placed and paid: the buyer's own steps.
    expect((await unread(buyer.token)).total).toBe(0);
    expect((await unread(seller.token)).total).toBe(2);
    const cards = (await t.req('GET', `/conversations/${(await unread(buyer.token)).conv?.id}/messages`, { token: buyer.token })).json.items;
    expect(cards.map((m: { kind: string; senderId: string | null; actorId: string | null; order: { event: string } }) => [m.order.event, m.senderId, m.actorId])).toEqual([
      ['paid', null, buyer.id],
      ['placed', null, buyer.id],
    ]);

    await t.req('POST', `/orders/${order.id}/deliver`, { token: seller.token, body: { message: '已发送到你的邮箱' } });
    await t.req('POST', `/orders/${order.id}/confirm`, { token: buyer.token });
    await dispatchOrderEvents(t.deps);
    // The seller's delivery is the buyer's one unread; the buyer's confirmation the seller's third.
    expect((await unread(buyer.token)).total).toBe(1);
    expect((await unread(seller.token)).total).toBe(3);

    // What the system does on its own (an unpaid order expiring) is unread for both.
    await t.req('POST', `/conversations/${(await unread(buyer.token)).conv?.id}/read`, { token: buyer.token });
    await t.req('POST', `/conversations/${(await unread(seller.token)).conv?.id}/read`, { token: seller.token });
    await placeOrder(t, buyer.token, item.id, { delivery: 'online', address: undefined });
    await dispatchOrderEvents(t.deps);
    expect((await unread(buyer.token)).total).toBe(0);
    expect((await unread(seller.token)).total).toBe(1);
    t.clock.advance(16 * 60_000);
    expect(await expireDueOrders(t.deps)).toBe(1);
    t.clock.advance(-16 * 60_000);
    await dispatchOrderEvents(t.deps);
    expect((await unread(buyer.token)).total).toBe(1);
    expect((await unread(seller.token)).total).toBe(2);
  });

  it('my messages and my offers are never unread for me', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } });
    const conv = (await unread(buyer.token)).conv as { id: string };
    await t.req('POST', `/conversations/${conv.id}/messages`, { token: buyer.token, body: { text: '诚心要' } });
    expect((await unread(buyer.token)).total).toBe(0);
    expect((await unread(seller.token)).total).toBe(2);
  });
});
