// Reservation deposit (定金托管) notices through HTTP: the seller hears the item is held, the
// buyer hears of a no-show claim with the deadline to contest it, both hear of a hold that ran
// out and of a deposit settled to the seller — each once, however often the sweeps and the
// dispatcher run.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { dispatchOrderEvents } from '../chat/order-cards.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { moneySweeps } from '../orders/sweeps.ts';
import type { NotificationOut } from './schema.ts';

const t = await createTestApp();
const HOUR = 3_600_000;

const sweep = (name: string) => {
  const s = moneySweeps.find((x) => x.name === name);
  if (!s) throw new Error(`no sweep ${name}`);
  return s.run(t.deps);
};
const dispatch = () => Promise.all([dispatchOrderEvents(t.deps), dispatchOrderEvents(t.deps)]);

async function list(token: string) {
  const r = await t.req('GET', '/notifications?limit=100', { token });
  expect(r.status).toBe(200);
  return (r.json as { items: NotificationOut[] }).items;
}

/** A ¥30 pickup item reserved with a ¥9 deposit, its events dispatched. */
async function reserved() {
  const { seller, item } = await sellerWithItem(t);
  const buyer = await t.user({ prefix: 'r' });
  const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit: 900 });
  expect(o.status).toBe(201);
  const pay = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
  expect(pay.json.status).toBe('reserved');
  await t.gateway.settled(); // the deposit's callback, which locks the order, lands before any sweep
  await dispatch();
  await dispatch();
  return { seller, buyer, item, order: pay.json as { id: string; reservedUntil: string } };
}

describe('reservation deposit notices', () => {
  it('the deposit paid: the seller hears once that the item is held until reservedUntil; the buyer hears nothing', async () => {
    const { seller, buyer, item, order } = await reserved();
    const mine = await list(seller.token);
    expect(mine.map((e) => [e.type, e.orderId, e.item?.id])).toEqual([['order_reserved', order.id, item.id]]);
    expect(mine[0]?.data).toEqual({ role: 'seller', deposit: 900, reservedUntil: order.reservedUntil });
    expect(await list(buyer.token)).toEqual([]);
  });

  it('a no-show claim: the buyer hears once, with the deadline to open an after-sale case; the seller does not', async () => {
    const { seller, buyer, order } = await reserved();
    const r = await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    expect(r.status).toBe(200);
    await dispatch();
    await dispatch();
    const theirs = await list(buyer.token);
    expect(theirs.map((e) => [e.type, e.orderId])).toEqual([['order_no_show', order.id]]);
    expect(theirs[0]?.data).toEqual({ role: 'buyer', contestUntil: r.json.contestUntil });
    expect(new Date(r.json.contestUntil).getTime() - new Date(r.json.noShowAt).getTime()).toBe(24 * HOUR);
    expect((await list(seller.token)).map((e) => e.type)).toEqual(['order_reserved']);
  });

  it('the hold running out: buyer and seller hear once each, though the sweep and the dispatcher run twice', async () => {
    const { seller, buyer, order } = await reserved();
    t.clock.advance(48 * HOUR + 60_000);
    await Promise.all([sweep('reservations-expire'), sweep('reservations-expire')]);
    await dispatch();
    await sweep('reservations-expire');
    await dispatch();
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.cancelReason).toBe('reservation_expired');
    const theirs = await list(buyer.token);
    expect(theirs.map((e) => [e.type, e.orderId, e.data])).toEqual([['order_reservation_expired', order.id, { role: 'buyer' }]]);
    expect((await list(seller.token)).map((e) => [e.type, e.data])).toEqual([
      ['order_reservation_expired', { role: 'seller' }],
      ['order_reserved', { role: 'seller', deposit: 900, reservedUntil: order.reservedUntil }],
    ]);
  });

  it('an uncontested no-show: both hear once that the deposit went to the seller', async () => {
    const { seller, buyer, order } = await reserved();
    await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    await dispatch();
    t.clock.advance(23 * HOUR);
    await sweep('reservations-no-show');
    await dispatch();
    expect((await list(seller.token)).map((e) => e.type)).toEqual(['order_reserved']);
    t.clock.advance(HOUR + 60_000);
    await Promise.all([sweep('reservations-no-show'), sweep('reservations-no-show')]);
    await dispatch();
    await sweep('reservations-no-show');
    await dispatch();
    expect((await list(seller.token)).map((e) => [e.type, e.data])).toEqual([
      ['order_deposit_settled', { role: 'seller', amount: 900 }],
      ['order_reserved', { role: 'seller', deposit: 900, reservedUntil: order.reservedUntil }],
    ]);
    expect((await list(buyer.token)).map((e) => [e.type, e.data.role])).toEqual([
      ['order_deposit_settled', 'buyer'],
      ['order_no_show', 'buyer'],
    ]);
  });
});
