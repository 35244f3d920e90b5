// Issue 9, 8: the refund path under failure. A refund the gateway refuses, or whose answer is
// lost after the money went back, leaves the cancelled order owing a refund; the sweep retries
// it until the gateway confirms; it is booked once and the gateway never refunds twice.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem } from './fixtures.ts';
import { sandboxGateway } from './gateway.ts';
import { moneySweeps } from './sweeps.ts';

const REFUND_REFUSED = 2601;
const REFUND_LOST = 2602;
const gatewayState = { refusing: true, timingOut: true };
const t = await createTestApp({}, {
  gateway: (signingKey, now) =>
    sandboxGateway({
      signingKey,
      now,
      behave: ({ amount }) => ({
        refund:
          amount === REFUND_REFUSED && gatewayState.refusing ? 'decline' : amount === REFUND_LOST && gatewayState.timingOut ? 'timeout' : null,
      }),
    }),
});
const retryRefunds = () => (moneySweeps.find((s) => s.name === 'refunds-retry') as { run: (d: typeof t.deps) => Promise<number> }).run(t.deps);
const types = (o: { events: { type: string }[] }) => o.events.map((e) => e.type);
const refundsBooked = (orderId: string) =>
  t.db.selectFrom('ledgerTransactions').select('id').where('reference', '=', orderId).where('kind', '=', 'refund').execute();

async function paidOrder(price: number) {
  const { seller, item } = await sellerWithItem(t, { price, delivery: ['pickup'], shippingFee: undefined });
  const buyer = await t.user();
  const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json as { id: string };
  const paid = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
  expect(paid.json.status).toBe('paid');
  const payment = await t.db.selectFrom('payments').selectAll().where('orderId', '=', order.id).executeTakeFirstOrThrow();
  return { seller, buyer, id: order.id, paymentId: payment.id };
}

describe('refunds that fail', () => {
  it('refused by the gateway: the order is cancelled with the refund owed; the sweep books it once when the gateway recovers', async () => {
    const { seller, buyer, id, paymentId } = await paidOrder(REFUND_REFUSED);
    const headers = { 'idempotency-key': `cancel-${id}` };
    const cancelled = await t.req('POST', `/orders/${id}/cancel`, { token: seller.token, headers, body: { reason: '卖掉了' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(types(cancelled.json)).toEqual(['placed', 'paid', 'cancelled']);
    // Owed, and consistent: the money stays in escrow, the payment captured, the ledger whole.
    expect(await accountBalance(t, escrowAccount(id))).toBe(REFUND_REFUSED);
    expect((await t.db.selectFrom('payments').select('status').where('id', '=', paymentId).executeTakeFirstOrThrow()).status).toBe('succeeded');
    await expectLedgerOk(t);

    expect(await retryRefunds()).toBe(0); // still refused
    expect(await refundsBooked(id)).toHaveLength(0);
    gatewayState.refusing = false;
    expect(await retryRefunds()).toBe(1);
    expect(await retryRefunds()).toBe(0);

    const view = (await t.req('GET', `/orders/${id}`, { token: buyer.token })).json;
    expect(view.status).toBe('cancelled');
    expect(types(view)).toEqual(['placed', 'paid', 'cancelled', 'refunded']);
    expect(await accountBalance(t, escrowAccount(id))).toBe(0);
    expect(await refundsBooked(id)).toHaveLength(1);
    const charge = t.gateway.charges.get(paymentId);
    expect(charge?.refunded).toBe(true);
    expect(charge?.refundRequests).toBe(3); // the cancel, the refused retry, the one that went through
    // The cancel's key replays the outcome as booked.
    const replay = await t.req('POST', `/orders/${id}/cancel`, { token: seller.token, headers, body: { reason: '卖掉了' } });
    expect(types(replay.json)).toEqual(['placed', 'paid', 'cancelled', 'refunded']);
    await expectLedgerOk(t);
  });

  it('the answer lost after the money went back: the cancel still answers; racing retries book it once; the gateway refunds once', async () => {
    const { buyer, id, paymentId } = await paidOrder(REFUND_LOST);
    const cancelled = await t.req('POST', `/orders/${id}/cancel`, { token: buyer.token, body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect(t.gateway.charges.get(paymentId)?.refunded).toBe(true); // the gateway did refund…
    expect(await refundsBooked(id)).toHaveLength(0); // …but we could not know
    await expectLedgerOk(t);

    gatewayState.timingOut = false;
    const booked = await Promise.all([retryRefunds(), retryRefunds(), retryRefunds()]);
    expect(booked.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await refundsBooked(id)).toHaveLength(1);
    expect(await accountBalance(t, escrowAccount(id))).toBe(0);
    expect((await t.db.selectFrom('payments').select('status').where('id', '=', paymentId).executeTakeFirstOrThrow()).status).toBe('refunded');
    const view = (await t.req('GET', `/orders/${id}`, { token: buyer.token })).json;
    expect(types(view).filter((x) => x === 'refunded')).toHaveLength(1);
    await expectLedgerOk(t);
  });

  it('a refund owed by an expired order is retried the same way', async () => {
    gatewayState.refusing = true;
    const { item } = await sellerWithItem(t, { price: REFUND_REFUSED, delivery: ['pickup'], shippingFee: undefined });
    const buyer = await t.user();
    const order = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json as { id: string };
    // The capture arrives only after the order expired (a late callback): it must go back.
    await t.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', order.id).execute();
    const p = await t.db.insertInto('payments').values({ orderId: order.id, provider: 'sandbox', amount: REFUND_REFUSED, status: 'created' }).returning('id').executeTakeFirstOrThrow();
    await t.gateway.charge({ paymentId: p.id, orderId: order.id, amount: REFUND_REFUSED });
    await t.gateway.settled(); // the callback books the capture; the refund is refused
    expect((await t.db.selectFrom('payments').select('status').where('id', '=', p.id).executeTakeFirstOrThrow()).status).toBe('succeeded');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(REFUND_REFUSED);
    await expectLedgerOk(t);
    gatewayState.refusing = false;
    expect(await retryRefunds()).toBe(1);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    await expectLedgerOk(t);
  });
});
