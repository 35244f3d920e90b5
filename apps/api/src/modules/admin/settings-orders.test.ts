// Settings of the order rules, changed through PATCH /admin/settings and in effect at once,
// without a restart: the payment deadline, the auto-confirm delays, the deposit cap, the
// pickup-code tries, offers per day, an accepted offer's validity and the no-show contest window.
// A timing already written on an order (its payment deadline, its auto-confirm date, its no-show
// contest deadline) keeps the value it was created with.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { expireDueOrders } from '../orders/service/cancel.ts';
import { settleNoShows } from '../orders/service/deposit.ts';
import { autoConfirmDue } from '../orders/service/fulfil.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { changeSettings, staff } from './fixtures.ts';

const t = await createTestApp({ LOG_LEVEL: 'error' });
const admin = await staff(t, 'admin');
const MIN = 60_000;
const DAY = 86_400_000;
let moved = 0;
const advance = (ms: number) => {
  moved += ms;
  t.clock.advance(ms);
};
afterEach(() => {
  t.clock.advance(-moved);
  moved = 0;
});

const get = async (token: string, id: string) => (await t.req('GET', `/orders/${id}`, { token })).json;
const at = (iso: string) => new Date(iso).getTime();

describe('order settings take effect without a restart', () => {
  it('paymentExpiryMinutes: new orders get the new deadline, an order placed before keeps 15 min', async () => {
    const { item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const before = await placeOrder(t, buyer.token, item.id);
    expect(at(before.json.expiresAt) - at(before.json.createdAt)).toBe(15 * MIN);
    await changeSettings(t, admin, { paymentExpiryMinutes: 60 });
    const after = await placeOrder(t, buyer.token, item.id);
    expect(at(after.json.expiresAt) - at(after.json.createdAt)).toBe(60 * MIN);
    advance(16 * MIN);
    expect(await expireDueOrders(t.deps)).toBe(1);
    expect((await get(buyer.token, before.json.id)).status).toBe('cancelled');
    expect((await get(buyer.token, after.json.id)).status).toBe('pending_payment');
    expect((await t.req('POST', `/orders/${after.json.id}/pay`, { token: buyer.token })).json.status).toBe('paid');
    await changeSettings(t, admin, { paymentExpiryMinutes: null });
  });

  it('autoConfirmShippingDays / autoConfirmOnlineDays: a shipment after the change gets the new date, one shipped before keeps its own', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const pay = async (over: Record<string, unknown> = {}) => {
      const o = await placeOrder(t, buyer.token, item.id, over);
      return (await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).json;
    };
    const ship = (id: string) => t.req('POST', `/orders/${id}/ship`, { token: seller.token, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } });
    const from = (iso: string) => at(iso) - t.clock.now().getTime();
    const a = await pay();
    const shippedA = (await ship(a.id)).json;
    expect(from(shippedA.autoConfirmAt)).toBeGreaterThan(10 * DAY - MIN);
    await changeSettings(t, admin, { autoConfirmShippingDays: 2, autoConfirmOnlineDays: 1 });
    const b = await pay();
    const shippedB = (await ship(b.id)).json;
    expect(from(shippedB.autoConfirmAt)).toBeGreaterThan(2 * DAY - MIN);
    expect(from(shippedB.autoConfirmAt)).toBeLessThanOrEqual(2 * DAY);
    const c = await pay({ delivery: 'online', address: undefined });
    const deliveredC = (await t.req('POST', `/orders/${c.id}/deliver`, { token: seller.token })).json;
    expect(deliveredC.status).toBe('delivered');
    expect(from(deliveredC.autoConfirmAt)).toBeGreaterThan(DAY - MIN);
    expect(from(deliveredC.autoConfirmAt)).toBeLessThanOrEqual(DAY);
    advance(2 * DAY + MIN);
    expect(await autoConfirmDue(t.deps)).toBe(2);
    expect((await get(buyer.token, b.id)).status).toBe('completed');
    expect((await get(buyer.token, c.id)).status).toBe('completed');
    expect((await get(buyer.token, a.id)).status).toBe('shipped'); // scheduled before the change: still 10 days
    advance(8 * DAY);
    expect(await autoConfirmDue(t.deps)).toBe(1);
    expect((await get(buyer.token, a.id)).status).toBe('completed');
    await changeSettings(t, admin, { autoConfirmShippingDays: null, autoConfirmOnlineDays: null });
  });

  it('depositMaxPercent: a deposit above 30% is refused until the cap is raised', async () => {
    const { item } = await sellerWithItem(t, { price: 10_000, quantity: 3 });
    const buyer = await t.user();
    const reserve = (deposit: number) => t.req('POST', '/orders', { token: buyer.token, body: { itemId: item.id, delivery: 'pickup', deposit } });
    const refused = await reserve(3500);
    expectProblem(refused, 422, 'invalid_deposit');
    expect(refused.json.max).toBe(3000);
    await changeSettings(t, admin, { depositMaxPercent: 50 });
    const ok = await reserve(3500);
    expect(ok.status, ok.text).toBe(201);
    const over = await reserve(5001);
    expectProblem(over, 422, 'invalid_deposit');
    expect(over.json.max).toBe(5000);
    await changeSettings(t, admin, { depositMaxPercent: null });
  });

  it('pickupCodeTries / pickupCodeLockMinutes: the lock comes after the set number of wrong codes', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    const paid = (await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).json;
    await changeSettings(t, admin, { pickupCodeTries: 2, pickupCodeLockMinutes: 5 });
    const wrong = paid.pickupCode === '000000' ? '111111' : '000000';
    const hand = (code: string) => t.req('POST', `/orders/${paid.id}/handover`, { token: seller.token, body: { pickupCode: code } });
    expectProblem(await hand(wrong), 422, 'invalid_pickup_code');
    expectProblem(await hand(wrong), 422, 'invalid_pickup_code');
    const locked = await hand(paid.pickupCode);
    expectProblem(locked, 429, 'rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(5 * 60);
    advance(5 * MIN + 1000);
    expect((await hand(paid.pickupCode)).json.status).toBe('completed');
    await changeSettings(t, admin, { pickupCodeTries: null, pickupCodeLockMinutes: null });
  });

  it('offersPerDay and offerValidHours', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 5000 });
    const buyer = await t.user();
    await changeSettings(t, admin, { offersPerDay: 1, offerValidHours: 2 });
    const first = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4000 } });
    expect(first.status, first.text).toBe(201);
    expect((await t.req('POST', `/offers/${first.json.id}/withdraw`, { token: buyer.token })).status).toBe(200);
    expectProblem(await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4100 } }), 429, 'too_many_offers');
    await changeSettings(t, admin, { offersPerDay: 2 });
    const second = await t.req('POST', `/items/${item.id}/offers`, { token: buyer.token, body: { price: 4100 } });
    expect(second.status).toBe(201);
    const accepted = await t.req('POST', `/offers/${second.json.id}/accept`, { token: seller.token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(at(accepted.json.validUntil) - t.clock.now().getTime()).toBeGreaterThan(2 * 3_600_000 - MIN);
    expect(at(accepted.json.validUntil) - t.clock.now().getTime()).toBeLessThanOrEqual(2 * 3_600_000);
    await changeSettings(t, admin, { offersPerDay: null, offerValidHours: null });
  });

  it('noShowContestHours: bounded; a change applies to no-shows recorded after it, each contest checked against its own deadline', async () => {
    const HOUR = 3_600_000;
    const patch = (body: Record<string, unknown>) => t.req('PATCH', '/admin/settings', { token: admin.token, body: { reason: '调整申诉时限', ...body } });
    for (const bad of [0, 721, 1.5]) {
      const r = await patch({ noShowContestHours: bad });
      expectProblem(r, 422, 'invalid_setting');
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain('noShowContestHours');
    }
    const { seller, item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const reserve = async () => {
      const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit: 100 });
      const paid = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
      expect(paid.json.status).toBe('reserved');
      await t.gateway.settled(); // the deposit's callback locks the order; a sweep would skip it
      return paid.json.id as string;
    };
    const noShow = async (id: string) => {
      const r = await t.req('POST', `/orders/${id}/no-show`, { token: seller.token });
      expect(r.status, r.text).toBe(200);
      return at(r.json.contestUntil) - at(r.json.noShowAt);
    };
    const contest = (id: string) =>
      t.req('POST', `/orders/${id}/after-sale`, { token: buyer.token, body: { reason: 'not_received', description: '我按时到了约定地点，卖家没来' } });
    const [before, after, late] = [await reserve(), await reserve(), await reserve()];
    expect(await noShow(before)).toBe(24 * HOUR); // the environment's default
    await changeSettings(t, admin, { noShowContestHours: 2 });
    expect(await noShow(after)).toBe(2 * HOUR);
    expect((await get(buyer.token, before)).contestUntil).toBe(new Date(at((await get(buyer.token, before)).noShowAt) + 24 * HOUR).toISOString());
    await changeSettings(t, admin, { noShowContestHours: 48 });
    expect(await noShow(late)).toBe(48 * HOUR);
    advance(2 * HOUR + MIN);
    // Past its own 2 h deadline: refused with the after-sale window's code; the earlier claim keeps its 24 h.
    expectProblem(await contest(after), 409, 'window_passed');
    expect((await contest(before)).status).toBe(201);
    expect((await get(buyer.token, before)).status).toBe('refunding');
    advance(22 * HOUR);
    expect(await settleNoShows(t.deps)).toBe(1); // only `after`: `late` has 48 h, `before` is contested
    expect((await get(buyer.token, after)).cancelReason).toBe('no_show');
    expect((await get(buyer.token, late)).status).toBe('reserved');
    expect((await contest(late)).status).toBe(201);
    await changeSettings(t, admin, { noShowContestHours: null });
  });
});
