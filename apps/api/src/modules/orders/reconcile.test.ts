// Issue 9, hole 6: a captured payment whose answer and callback are both lost must not stay
// 'created' forever. The reconciliation sweep asks the gateway and books it — once — or refunds
// it when the order can no longer take it. The sandbox's "time out" and "callback fails" modes.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem } from './fixtures.ts';
import { sandboxGateway } from './gateway.ts';
import { RECONCILE_AFTER_MS } from './service/reconcile.ts';
import { moneySweeps } from './sweeps.ts';

// Prices pick the gateway's behaviour for a charge.
const TIMEOUT = 2501; // captures, the answer times out, and every callback delivery fails
const LOST_CALLBACK = 2502; // answers pending, confirms by callback only, and the callback fails
const t = await createTestApp({}, {
  gateway: (signingKey, now) =>
    sandboxGateway({
      signingKey,
      now,
      behave: ({ amount }) => ({
        timeout: amount === TIMEOUT,
        async: amount === LOST_CALLBACK,
        callbackFails: amount === TIMEOUT || amount === LOST_CALLBACK,
      }),
    }),
});
const sweep = (name: string) => (moneySweeps.find((s) => s.name === name) as { run: (d: typeof t.deps) => Promise<number> }).run(t.deps);
const paymentsOf = (orderId: string) => t.db.selectFrom('payments').selectAll().where('orderId', '=', orderId).execute();
const txOf = (orderId: string, kind: string) =>
  t.db.selectFrom('ledgerTransactions').select('id').where('reference', '=', orderId).where('kind', '=', kind).execute();

async function lostPayment(price: number) {
  const { item } = await sellerWithItem(t, { price, delivery: ['pickup'], shippingFee: undefined });
  const buyer = await t.user();
  const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json as { id: string };
  const headers = { 'idempotency-key': `pay-${order.id}` };
  const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
  expect(r.status).toBe(202);
  await t.gateway.settled();
  const [payment] = await paymentsOf(order.id);
  // Captured at the gateway, its callback lost: without reconciliation this is where it stays.
  expect(payment?.status).toBe('created');
  expect(t.gateway.charges.get(payment?.id as string)?.callbacksLost).toBeGreaterThan(0);
  return { buyer, order, headers, paymentId: payment?.id as string };
}

describe('payment reconciliation', () => {
  for (const [mode, price] of [['time out', TIMEOUT], ['callback fails', LOST_CALLBACK]] as const) {
    it(`"${mode}": the sweep books the capture once; the order ends paid; the pay key replays paid`, async () => {
      const { buyer, order, headers, paymentId } = await lostPayment(price);
      // Too recent to be stuck: the charge may still be answering.
      expect(await sweep('payments-reconcile')).toBe(0);
      expect((await paymentsOf(order.id))[0]?.status).toBe('created');

      t.clock.advance(RECONCILE_AFTER_MS + 60_000);
      const [a, b] = await Promise.all([sweep('payments-reconcile'), sweep('payments-reconcile')]); // two processes at once
      expect(a + b).toBe(1);
      const view = (await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json;
      expect(view.status).toBe('paid');
      expect(view.events.filter((e: { type: string }) => e.type === 'paid')).toHaveLength(1);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(price);
      expect(await txOf(order.id, 'payment')).toHaveLength(1);
      expect((await paymentsOf(order.id)).map((p) => [p.id, p.status])).toEqual([[paymentId, 'succeeded']]);

      t.clock.advance(RECONCILE_AFTER_MS + 60_000);
      expect(await sweep('payments-reconcile')).toBe(0);
      const replay = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
      expect(replay.status).toBe(200);
      expect(replay.json.status).toBe('paid');
      expect(t.gateway.charges.get(paymentId)?.refunded).toBe(false);
      await expectLedgerOk(t);
    });
  }

  it('the order expired meanwhile: the capture is booked and refunded through the gateway, once', async () => {
    const { buyer, order, headers, paymentId } = await lostPayment(TIMEOUT);
    t.clock.advance(16 * 60_000);
    expect(await sweep('orders-expire')).toBeGreaterThanOrEqual(1);
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('cancelled');
    expect(await sweep('payments-reconcile')).toBeGreaterThanOrEqual(1);

    expect((await paymentsOf(order.id)).map((p) => p.status)).toEqual(['refunded']);
    const charge = t.gateway.charges.get(paymentId);
    expect(charge?.refunded).toBe(true);
    expect(charge?.refundRequests).toBe(1);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await txOf(order.id, 'payment')).toHaveLength(1);
    expect(await txOf(order.id, 'refund')).toHaveLength(1);
    const view = (await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json;
    expect(view.status).toBe('cancelled');
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'expired', 'refunded']);
    // The pay request's key now tells what happened to the money.
    const replay = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
    expect(replay.status).toBe(409);
    expect(replay.json).toMatchObject({ code: 'invalid_state', orderStatus: 'cancelled' });

    t.clock.advance(RECONCILE_AFTER_MS + 60_000);
    expect(await sweep('payments-reconcile')).toBe(0);
    expect(await sweep('refunds-retry')).toBe(0);
    expect(t.gateway.charges.get(paymentId)?.refundRequests).toBe(1);
    await expectLedgerOk(t);
  });

  it('a payment the gateway never captured is marked failed; the order stays payable', async () => {
    const { item } = await sellerWithItem(t, { price: 1800, delivery: ['pickup'], shippingFee: undefined });
    const buyer = await t.user();
    const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json as { id: string };
    // As after a crash between writing the payment row and calling the gateway.
    await t.db.insertInto('payments').values({ orderId: order.id, provider: 'sandbox', amount: 1800, status: 'created', updatedAt: t.clock.now() }).execute();
    t.clock.advance(RECONCILE_AFTER_MS + 60_000);
    expect(await sweep('payments-reconcile')).toBe(1);
    expect((await paymentsOf(order.id)).map((p) => [p.status, p.failureReason])).toEqual([['failed', 'not_captured']]);
    const paid = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expect(paid.status).toBe(200);
    expect(paid.json.status).toBe('paid');
    expect((await paymentsOf(order.id)).map((p) => p.status).sort()).toEqual(['failed', 'succeeded']);
    await expectLedgerOk(t);
  });

  describe('reservation deposits (定金托管)', () => {
    async function lostDeposit() {
      const { item } = await sellerWithItem(t, { price: 10_000, delivery: ['pickup'], shippingFee: undefined });
      const buyer = await t.user();
      const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit: TIMEOUT })).json as { id: string };
      const headers = { 'idempotency-key': `dep-${order.id}` };
      const r = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
      expect(r.status).toBe(202);
      expect(r.json.status).toBe('pending_payment');
      await t.gateway.settled();
      return { buyer, order, headers };
    }

    it('a deposit whose answer was lost is booked by the sweep: reserved once, then the rest pays', async () => {
      const { buyer, order, headers } = await lostDeposit();
      t.clock.advance(RECONCILE_AFTER_MS + 60_000);
      expect(await sweep('payments-reconcile')).toBeGreaterThanOrEqual(1);
      expect(await sweep('payments-reconcile')).toBe(0);
      const replay = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token, headers });
      expect(replay.json.status).toBe('reserved');
      expect(await txOf(order.id, 'deposit_hold')).toHaveLength(1);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(TIMEOUT);
      const rest = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
      expect(rest.json.status).toBe('paid');
      expect((await paymentsOf(order.id)).map((p) => [p.purpose, p.status]).sort()).toEqual([['balance', 'succeeded'], ['deposit', 'succeeded']]);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(10_000);
      await expectLedgerOk(t);
    });

    it('a deposit captured after its order expired is refunded as a deposit, once', async () => {
      const { order } = await lostDeposit();
      t.clock.advance(16 * 60_000);
      expect(await sweep('orders-expire')).toBeGreaterThanOrEqual(1);
      expect(await sweep('payments-reconcile')).toBeGreaterThanOrEqual(1);
      expect(await txOf(order.id, 'deposit_hold')).toHaveLength(1);
      expect(await txOf(order.id, 'deposit_refund')).toHaveLength(1);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
      expect(await sweep('refunds-retry')).toBe(0);
      await expectLedgerOk(t);
    });
  });
});
