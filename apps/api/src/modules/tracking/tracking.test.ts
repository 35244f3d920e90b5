// Parcel tracking over HTTP (issue 15 item 11): the sandbox carrier advances a shipped parcel
// with the test clock (揽收 → 运输中 → 派送中 → 已签收), some parcels are held up a day, a number
// the carrier cannot know says not_found; buyer and seller only; the order's own rules stay.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { type Carrier, CarrierError, SANDBOX_DELAY_MS, SANDBOX_DELIVERED_AFTER_MS, sandboxDelays } from './carrier.ts';
import { trackOrder } from './service.ts';

const t = await createTestApp();
const HOUR = 3_600_000;

/** Tracking numbers the sandbox treats one way or the other (deterministic per number). */
function numberWhere(delayed: boolean, from = 0) {
  for (let i = from; i < from + 1000; i++) {
    const n = `SF${String(1_300_000_000 + i)}`;
    if (sandboxDelays(n) === delayed) return n;
  }
  throw new Error('no such number');
}

async function shippedOrder(trackingNumber: string) {
  const { seller, item } = await sellerWithItem(t);
  const buyer = await t.user();
  const o = (await placeOrder(t, buyer.token, item.id)).json;
  expect((await t.req('POST', `/orders/${o.id}/pay`, { token: buyer.token })).status).toBe(200);
  const tracking = () => t.req('GET', `/orders/${o.id}/tracking`, { token: buyer.token });
  expectProblem(await tracking(), 409, 'not_shipped');
  const s = await t.req('POST', `/orders/${o.id}/ship`, {
    token: seller.token,
    body: { carrier: '顺丰', trackingNumber },
  });
  expect(s.status, s.text).toBe(200);
  return { id: o.id as string, buyer, seller, tracking };
}

describe('GET /orders/:id/tracking', () => {
  it('advances with the clock: pending, 揽收, 运输中, 派送中, 已签收 — and the order is not confirmed by it', async () => {
    const { id, seller, tracking } = await shippedOrder(numberWhere(false));
    let r = await tracking();
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ orderId: id, carrier: '顺丰', status: 'pending', delayed: false, events: [] });
    t.clock.advance(3 * HOUR);
    r = await tracking();
    expect(r.json.status).toBe('collected');
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual(['collected']);
    t.clock.advance(20 * HOUR);
    r = await tracking();
    expect(r.json.status).toBe('in_transit');
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual(['arrived', 'departed', 'collected']);
    t.clock.advance(8 * HOUR);
    expect((await tracking()).json.status).toBe('out_for_delivery');
    t.clock.advance(4 * HOUR);
    r = await tracking();
    expect(r.json.status).toBe('delivered');
    expect(r.json.events).toHaveLength(5);
    // Newest first, times in order, cities named.
    const times = r.json.events.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(r.json.events[0]).toMatchObject({ type: 'delivered', stage: 'delivered', location: expect.any(String) });
    // The seller reads the same parcel; SPEC C4's rules stand: still shipped, auto-confirm as before.
    const s = await t.req('GET', `/orders/${id}/tracking`, { token: seller.token });
    expect(s.json.events).toEqual(r.json.events);
    expect((await t.req('GET', `/orders/${id}`, { token: seller.token })).json.status).toBe('shipped');
    t.clock.advance(-(35 * HOUR));
  });

  it('a held-up parcel says so and arrives a day later', async () => {
    const { tracking } = await shippedOrder(numberWhere(true));
    t.clock.advance(15 * HOUR);
    let r = await tracking();
    expect(r.json).toMatchObject({ status: 'in_transit', delayed: true });
    expect(r.json.events[0].type).toBe('delayed');
    t.clock.advance(SANDBOX_DELIVERED_AFTER_MS - 15 * HOUR + HOUR);
    expect((await tracking()).json.status).toBe('in_transit');
    t.clock.advance(SANDBOX_DELAY_MS);
    r = await tracking();
    expect(r.json).toMatchObject({ status: 'delivered', delayed: false });
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual([
      'delivered',
      'out_for_delivery',
      'arrived',
      'delayed',
      'departed',
      'collected',
    ]);
    t.clock.advance(-(SANDBOX_DELIVERED_AFTER_MS + SANDBOX_DELAY_MS + HOUR));
  });

  it('a number the carrier cannot know is not_found, never an error page', async () => {
    const { tracking } = await shippedOrder('SF0001');
    t.clock.advance(40 * HOUR);
    const r = await tracking();
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'not_found', events: [], trackingNumber: 'SF0001' });
    t.clock.advance(-40 * HOUR);
  });

  it('is for the buyer and the seller only', async () => {
    const { id } = await shippedOrder(numberWhere(false, 500));
    const stranger = await t.user();
    expectProblem(await t.req('GET', `/orders/${id}/tracking`, { token: stranger.token }), 404, 'not_found');
    expect((await t.req('GET', `/orders/${id}/tracking`)).status).toBe(401);
    expectProblem(await t.req('GET', '/orders/0000000000000000/tracking', { token: stranger.token }), 404, 'not_found');
  });

  it('a carrier that does not answer is 503 carrier_unavailable with Retry-After, never a 500', async () => {
    const { id, buyer } = await shippedOrder(numberWhere(false, 700));
    const down: Carrier = {
      track: async () => {
        throw new CarrierError('unavailable');
      },
    };
    await expect(trackOrder({ ...t.deps, carrier: down }, buyer.id, id)).rejects.toMatchObject({
      status: 503,
      code: 'carrier_unavailable',
      headers: { 'Retry-After': '60' },
    });
  });
});
