import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { PLATFORM_FEES, escrowAccount } from '../ledger/accounts.ts';
import { ADDRESS, accountBalance, expectLedgerOk, placeOrder, sellerWithItem, wallet } from './fixtures.ts';
import { expireDueOrders } from './service/cancel.ts';
import { autoConfirmDue } from './service/fulfil.ts';

const t = await createTestApp();
const DAY = 86_400_000;

describe('a shipped order, end to end', () => {
  it('places, pays into escrow, ships, confirms and settles total − fee to the seller', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const placed = await placeOrder(t, buyer.token, item.id);
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({
      status: 'pending_payment', quantity: 1, unitPrice: 3000, itemTotal: 3000, shippingFee: 600,
      total: 3600, fee: 22, sellerProceeds: 3578, delivery: 'shipping', address: ADDRESS, actions: ['pay', 'cancel'],
    });
    expect(placed.json).not.toHaveProperty('pickupCode');
    const id = placed.json.id;
    expect((await t.req('GET', `/items/${item.id}`)).json).toMatchObject({ available: 0, status: 'sold_out' });

    const paid = await t.req('POST', `/orders/${id}/pay`, { token: buyer.token });
    expect(paid.status).toBe(200);
    expect(paid.json.status).toBe('paid');
    expect(await accountBalance(t, escrowAccount(id))).toBe(3600);
    expect(await wallet(t, seller.token)).toEqual({ available: 0, pending: 3578, withdrawn: 0, processing: 0 });

    expectProblem(await t.req('POST', `/orders/${id}/ship`, { token: buyer.token, body: { carrier: 'SF', trackingNumber: 'SF0001' } }), 403, 'not_allowed');
    const shipped = await t.req('POST', `/orders/${id}/ship`, { token: seller.token, body: { carrier: '顺丰', trackingNumber: 'SF1234567890' } });
    expect(shipped.json).toMatchObject({ status: 'shipped', carrier: '顺丰', trackingNumber: 'SF1234567890' });
    expect(new Date(shipped.json.autoConfirmAt).getTime() - Date.now()).toBeGreaterThan(9.9 * DAY);
    expectProblem(await t.req('POST', `/orders/${id}/cancel`, { token: buyer.token, body: {} }), 409, 'invalid_state');

    const done = await t.req('POST', `/orders/${id}/confirm`, { token: buyer.token });
    expect(done.json.status).toBe('completed');
    expect(done.json.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'paid', 'shipped', 'completed']);
    expect(await wallet(t, seller.token)).toEqual({ available: 3578, pending: 0, withdrawn: 0, processing: 0 });
    expect(await accountBalance(t, escrowAccount(id))).toBe(0);
    expectProblem(await t.req('POST', `/orders/${id}/confirm`, { token: buyer.token }), 409, 'invalid_state');
    await expectLedgerOk(t);
  });

  it('keeps the terms it was placed under when the seller edits the item', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 3 });
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { quantity: 2 });
    await t.req('PATCH', `/items/${item.id}`, { token: seller.token, body: { price: 9900, title: '改了标题' } });
    const again = await t.req('GET', `/orders/${o.json.id}`, { token: buyer.token });
    expect(again.json).toMatchObject({ unitPrice: 3000, itemTotal: 6000, shippingFee: 600, total: 6600, fee: 40, sellerProceeds: 6560 });
    expect(again.json.item.title).toBe('九成新布艺沙发');
  });

  it('rounds the fee half-up on items + shipping', async () => {
    const { item } = await sellerWithItem(t, { price: 4150, shippingFee: 100 }); // 4250 × 0.6% = 25.5 → 26
    const o = await placeOrder(t, (await t.user()).token, item.id);
    expect(o.json).toMatchObject({ total: 4250, fee: 26, sellerProceeds: 4224 });
  });
});

describe('pickup and online orders', () => {
  it('completes a pickup with the buyer-only code; wrong codes are refused and then rate-limited', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 2 });
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(o.json.shippingFee).toBe(0);
    expect(o.json.total).toBe(3000);
    expect(o.json.pickupCode).toMatch(/^\d{6}$/);
    const code = o.json.pickupCode;
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    const sellerView = await t.req('GET', `/orders/${o.json.id}`, { token: seller.token });
    expect(sellerView.json).not.toHaveProperty('pickupCode');
    expect(sellerView.json.actions).toEqual(['handover', 'cancel']);
    const wrong = code === '000000' ? '111111' : '000000';
    expectProblem(await t.req('POST', `/orders/${o.json.id}/handover`, { token: seller.token, body: { pickupCode: wrong } }), 422, 'invalid_pickup_code');
    expectProblem(await t.req('POST', `/orders/${o.json.id}/handover`, { token: buyer.token, body: { pickupCode: code } }), 403, 'not_allowed');
    const ok = await t.req('POST', `/orders/${o.json.id}/handover`, { token: seller.token, body: { pickupCode: code } });
    expect(ok.json.status).toBe('completed');
    expect((await wallet(t, seller.token)).available).toBe(3000 - 18);

    const o2 = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    await t.req('POST', `/orders/${o2.json.id}/pay`, { token: buyer.token });
    const bad = o2.json.pickupCode === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i++) {
      expectProblem(await t.req('POST', `/orders/${o2.json.id}/handover`, { token: seller.token, body: { pickupCode: bad } }), 422, 'invalid_pickup_code');
    }
    const limited = await t.req('POST', `/orders/${o2.json.id}/handover`, { token: seller.token, body: { pickupCode: o2.json.pickupCode } });
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectLedgerOk(t);
  });

  it('online: delivered, then auto-confirmed after 3 days; shipping auto-confirms after 10', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 2, category: 'services' });
    const buyer = await t.user();
    const online = await placeOrder(t, buyer.token, item.id, { delivery: 'online', address: undefined });
    await t.req('POST', `/orders/${online.json.id}/pay`, { token: buyer.token });
    expectProblem(await t.req('POST', `/orders/${online.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF0001' } }), 409, 'invalid_state');
    expect((await t.req('POST', `/orders/${online.json.id}/deliver`, { token: seller.token })).json.status).toBe('delivered');
    const shipped = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${shipped.json.id}/pay`, { token: buyer.token });
    await t.req('POST', `/orders/${shipped.json.id}/ship`, { token: seller.token, body: { carrier: 'YTO', trackingNumber: 'YT99887766' } });

    t.clock.advance(3 * DAY + 60_000);
    await autoConfirmDue(t.deps);
    expect((await t.req('GET', `/orders/${online.json.id}`, { token: buyer.token })).json.status).toBe('completed');
    expect((await t.req('GET', `/orders/${shipped.json.id}`, { token: buyer.token })).json.status).toBe('shipped');
    t.clock.advance(7 * DAY);
    await autoConfirmDue(t.deps);
    const auto = await t.req('GET', `/orders/${shipped.json.id}`, { token: buyer.token });
    expect(auto.json.status).toBe('completed');
    expect(auto.json.events.at(-1)).toMatchObject({ type: 'auto_confirmed', by: 'system' });
    t.clock.advance(-10 * DAY - 60_000);
    await expectLedgerOk(t);
  });
});

describe('cancellation and expiry', () => {
  it('cancels a paid order before shipment: full refund through the gateway, stock back', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    const fees = await accountBalance(t, PLATFORM_FEES);
    const c = await t.req('POST', `/orders/${o.json.id}/cancel`, { token: seller.token, body: { reason: '东西坏了' } });
    expect(c.json.status).toBe('cancelled');
    expect(c.json.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'paid', 'cancelled', 'refunded']);
    expect(await accountBalance(t, escrowAccount(o.json.id))).toBe(0);
    expect(await accountBalance(t, PLATFORM_FEES)).toBe(fees);
    expect(await wallet(t, seller.token)).toEqual({ available: 0, pending: 0, withdrawn: 0, processing: 0 });
    expect((await t.req('GET', `/items/${item.id}`)).json).toMatchObject({ available: 1, status: 'on_sale' });
    expectProblem(await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token }), 409, 'invalid_state');
    await expectLedgerOk(t);
  });

  it('cancels an unpaid order with no body at all', async () => {
    const { item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    const c = await t.req('POST', `/orders/${o.json.id}/cancel`, { token: buyer.token });
    expect(c.status).toBe(200);
    expect(c.json.status).toBe('cancelled');
  });

  it('expires unpaid orders after 15 minutes and returns their stock', async () => {
    const { item } = await sellerWithItem(t, { quantity: 2 });
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { quantity: 2 });
    t.clock.advance(14 * 60_000);
    expect(await expireDueOrders(t.deps)).toBe(0);
    t.clock.advance(2 * 60_000);
    expectProblem(await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token }), 409, 'order_expired');
    expect(await expireDueOrders(t.deps)).toBeGreaterThanOrEqual(1);
    const after = await t.req('GET', `/orders/${o.json.id}`, { token: buyer.token });
    expect(after.json.status).toBe('cancelled');
    expect(after.json.events.at(-1)).toMatchObject({ type: 'expired', by: 'system' });
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(2);
    t.clock.advance(-16 * 60_000);
  });
});

describe('refusals', () => {
  it('refuses own items, missing stock, missing address, delivery not offered, withdrawn items', async () => {
    const { seller, item } = await sellerWithItem(t, { delivery: ['shipping'], shippingFee: 500, quantity: 2 });
    const buyer = await t.user();
    expectProblem(await placeOrder(t, seller.token, item.id), 403, 'own_item');
    expectProblem(await placeOrder(t, buyer.token, item.id, { quantity: 3 }), 409, 'out_of_stock');
    expectProblem(await placeOrder(t, buyer.token, item.id, { address: undefined }), 422, 'address_required');
    expectProblem(await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined }), 422, 'delivery_not_offered');
    expectProblem(await placeOrder(t, buyer.token, '0000000000000000'), 404, 'not_found');
    expectProblem(await placeOrder(t, buyer.token, item.id, { quantity: 0 }), 400, 'validation_failed');
    expectProblem(await placeOrder(t, buyer.token, item.id, { quantity: 1.5 }), 400, 'validation_failed');
    expectProblem(await placeOrder(t, buyer.token, item.id, { address: { name: '', phone: 'x', line: '' } }), 400, 'validation_failed');
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(2);
    await t.req('POST', `/items/${item.id}/withdraw`, { token: seller.token });
    expectProblem(await placeOrder(t, buyer.token, item.id), 409, 'item_withdrawn');
    expectProblem(await t.req('POST', '/orders', { body: { itemId: item.id, delivery: 'shipping' } }), 401, 'unauthenticated');
  });

  it('hides orders from strangers and lists them by role and state', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const stranger = await t.user();
    const o1 = await placeOrder(t, buyer.token, item.id);
    const o2 = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${o2.json.id}/pay`, { token: buyer.token });
    expectProblem(await t.req('GET', `/orders/${o1.json.id}`, { token: stranger.token }), 404, 'not_found');
    expectProblem(await t.req('POST', `/orders/${o1.json.id}/pay`, { token: stranger.token }), 404, 'not_found');
    expectProblem(await t.req('POST', `/orders/${o1.json.id}/cancel`, { token: stranger.token, body: {} }), 404, 'not_found');
    const mine = await t.req('GET', '/orders?role=buyer', { token: buyer.token });
    expect(mine.json.items.map((o: { id: string }) => o.id)).toEqual([o2.json.id, o1.json.id]);
    const paid = await t.req('GET', '/orders?role=seller&status=paid', { token: seller.token });
    expect(paid.json.items.map((o: { id: string }) => o.id)).toEqual([o2.json.id]);
    const page = await t.req('GET', '/orders?role=buyer&limit=1', { token: buyer.token });
    const next = await t.req('GET', `/orders?role=buyer&limit=1&cursor=${page.json.nextCursor}`, { token: buyer.token });
    expect(next.json.items[0].id).toBe(o1.json.id);
    expectProblem(await t.req('GET', '/orders?status=bogus', { token: buyer.token }), 400, 'validation_failed');
    expect((await t.req('GET', '/orders', { token: stranger.token })).json.items).toEqual([]);
  });

  it('a free giveaway picked up costs nothing and moves no money', async () => {
    const { seller, item } = await sellerWithItem(t, { price: 0, delivery: ['pickup'], shippingFee: undefined });
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(o.json).toMatchObject({ total: 0, fee: 0, sellerProceeds: 0 });
    expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).json.status).toBe('paid');
    const done = await t.req('POST', `/orders/${o.json.id}/handover`, { token: seller.token, body: { pickupCode: o.json.pickupCode } });
    expect(done.json.status).toBe('completed');
    await expectLedgerOk(t);
  });
});

describe('address book', () => {
  it('saves, lists and deletes only my addresses', async () => {
    const a = await t.user();
    const b = await t.user();
    const saved = await t.req('POST', '/me/addresses', { token: a.token, body: ADDRESS });
    expect(saved.status).toBe(201);
    expect((await t.req('GET', '/me/addresses', { token: a.token })).json.items).toHaveLength(1);
    expect((await t.req('GET', '/me/addresses', { token: b.token })).json.items).toHaveLength(0);
    expectProblem(await t.req('DELETE', `/me/addresses/${saved.json.id}`, { token: b.token }), 404, 'not_found');
    expectProblem(await t.req('POST', '/me/addresses', { token: a.token, body: { ...ADDRESS, phone: 'call me' } }), 400, 'validation_failed');
    expect((await t.req('DELETE', `/me/addresses/${saved.json.id}`, { token: a.token })).status).toBe(204);
  });
});

describe('details the order page shows', () => {
  it('keeps the cancel reason, the pickup spot, and filters by several states', async () => {
    const { seller, item } = await sellerWithItem(t, { quantity: 3, location: { lat: 31.2304, lng: 121.4737, label: '徐汇 漕河泾' } });
    const buyer = await t.user();
    const a = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
    expect(a.json.item.location).toBe('徐汇 漕河泾');
    const c = await t.req('POST', `/orders/${a.json.id}/cancel`, { token: seller.token, body: { reason: '临时出差' } });
    expect(c.json.cancelReason).toBe('临时出差');
    expect(c.json.events.at(-1)).toMatchObject({ type: 'cancelled', by: 'seller', reason: '临时出差' });
    const b = await placeOrder(t, buyer.token, item.id, { delivery: 'online', address: undefined });
    await t.req('POST', `/orders/${b.json.id}/pay`, { token: buyer.token });
    await t.req('POST', `/orders/${b.json.id}/deliver`, { token: seller.token });
    const d = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${d.json.id}/pay`, { token: buyer.token });
    await t.req('POST', `/orders/${d.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF777777' } });
    const waiting = await t.req('GET', '/orders?role=buyer&status=shipped,delivered', { token: buyer.token });
    expect(waiting.json.items.map((o: { id: string }) => o.id).sort()).toEqual([b.json.id, d.json.id].sort());
    expectProblem(await t.req('GET', '/orders?status=shipped,nonsense', { token: buyer.token }), 400, 'validation_failed');
  });
});
