// The sandbox gateway behaves like a real one: declines, answers later by signed callback,
// times out, calls back twice. The API books each payment once and refuses forged callbacks.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem } from './fixtures.ts';
import { sandboxGateway, signCallback } from './gateway.ts';

const PRICES = { decline: 1111, timeout: 2222, async: 3333 };
const t = await createTestApp({}, {
  gateway: (signingKey, now) =>
    sandboxGateway({
      signingKey,
      now,
      callbackCopies: 2,
      behave: ({ amount }) => ({
        decline: amount === PRICES.decline ? 'insufficient_balance' : null,
        timeout: amount === PRICES.timeout,
        async: amount === PRICES.async,
      }),
    }),
});

async function pendingOrder(price: number) {
  const { item } = await sellerWithItem(t, { price, delivery: ['pickup'], shippingFee: undefined });
  const buyer = await t.user();
  const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined });
  return { buyer, order: o.json as { id: string; total: number } };
}

describe('sandbox gateway', () => {
  it('instant capture with duplicate callbacks books one payment', async () => {
    const { buyer, order } = await pendingOrder(5000);
    const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expect(r.json.status).toBe('paid');
    await t.gateway.settled();
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(5000);
    // Both copies carried one event id: recorded once, the second answered as a duplicate.
    expect(await t.db.selectFrom('paymentCallbacks').selectAll().execute()).toHaveLength(1);
    expect(await t.db.selectFrom('payments').selectAll().where('orderId', '=', order.id).execute()).toHaveLength(1);
    await expectLedgerOk(t);
  });

  it('a decline is 402 and leaves the order payable', async () => {
    const { buyer, order } = await pendingOrder(PRICES.decline);
    const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expectProblem(r, 402, 'payment_declined');
    await t.gateway.settled();
    const o = await t.req('GET', `/orders/${order.id}`, { token: buyer.token });
    expect(o.json.status).toBe('pending_payment');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
  });

  it('async confirmation: 202 now, paid when the signed callback arrives (sent three times)', async () => {
    const { buyer, order } = await pendingOrder(PRICES.async);
    const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expect(r.status).toBe(202);
    expect(r.json.status).toBe('pending_payment');
    await t.gateway.settled();
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('paid');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(PRICES.async);
    await expectLedgerOk(t);
  });

  it('a timeout after capture: the callback books it once; a retry with the key replays paid, charging nothing', async () => {
    const { buyer, order } = await pendingOrder(PRICES.timeout);
    const headers = { 'idempotency-key': `pay-${order.id}` };
    const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
    // 202 unless the callback was booked before the answer left (then it already tells paid).
    expect([202, 200]).toContain(r.status);
    await t.gateway.settled();
    const again = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('paid');
    const payments = await t.db.selectFrom('payments').selectAll().where('orderId', '=', order.id).execute();
    expect(payments).toHaveLength(1);
    expect(t.gateway.charges.get(payments[0]?.id as string)?.amount).toBe(PRICES.timeout);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(PRICES.timeout);
    await expectLedgerOk(t);
  });

  it('refuses forged, stale and malformed callbacks; accepts a genuine one once', async () => {
    const { buyer, order } = await pendingOrder(4000);
    const created = await t.db.insertInto('payments').values({ orderId: order.id, provider: 'sandbox', amount: 4000, status: 'created' }).returning('id').executeTakeFirstOrThrow();
    const body = JSON.stringify({ eventId: 'evt_manual_1', type: 'payment.succeeded', paymentId: created.id, ref: 'sbx_manual', amount: 4000 });
    const send = (sig: string, b = body) =>
      t.app.request('/api/v1/payments/sandbox/callback', { method: 'POST', headers: { 'content-type': 'application/json', 'jishi-sandbox-signature': sig }, body: b });
    const now = t.clock.now().getTime();
    const wrongKey = signCallback(Buffer.alloc(32, 1), body, now);
    expect((await send(wrongKey)).status).toBe(401);
    expect((await send(signCallback(t.deps.secrets.signingKey, body, now), body.replace('4000', '4001'))).status).toBe(401);
    const stale = await send(signCallback(t.deps.secrets.signingKey, body, now - 6 * 60_000));
    expect(stale.status).toBe(400);
    expect((await stale.json()).code).toBe('stale_callback');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('pending_payment');
    const ok = await send(signCallback(t.deps.secrets.signingKey, body, now));
    expect(ok.status).toBe(200);
    const dup = await send(signCallback(t.deps.secrets.signingKey, body, now));
    expect(await dup.json()).toEqual({ received: true, duplicate: true });
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('paid');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(4000);
    await expectLedgerOk(t);
  });

  it('money arriving after the order expired goes straight back', async () => {
    const { order } = await pendingOrder(4500);
    const p = await t.db.insertInto('payments').values({ orderId: order.id, provider: 'sandbox', amount: 4500, status: 'created' }).returning('id').executeTakeFirstOrThrow();
    await t.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', order.id).execute();
    const body = JSON.stringify({ eventId: 'evt_late', type: 'payment.succeeded', paymentId: p.id, ref: 'sbx_late', amount: 4500 });
    const r = await t.app.request('/api/v1/payments/sandbox/callback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'jishi-sandbox-signature': signCallback(t.deps.secrets.signingKey, body, t.clock.now().getTime()) },
      body,
    });
    expect(r.status).toBe(200);
    const pay = await t.db.selectFrom('payments').select('status').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(pay.status).toBe('refunded');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    await expectLedgerOk(t);
  });
});
