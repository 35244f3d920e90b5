// Where a case's money goes: partial refunds, refunds on settled orders (fee returned in
// proportion, the shortfall advanced and recovered), the gateway, idempotent steps.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { PLATFORM_FEES, escrowAccount, memberAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, wallet } from '../orders/fixtures.ts';
import { sandboxGateway } from '../orders/gateway.ts';
import { completedOrder, openCase, shippedOrder } from './fixtures.ts';
import { REFUND_CLEARING, advanceAccount, feeReturned, recoverDebts } from './money.ts';
import { retryCaseRefunds } from './service/deadlines.ts';

let declineRefunds = false;
const t = await createTestApp({}, {
  gateway: (key, now) => {
    const g = sandboxGateway({ signingKey: key, now });
    const refund = g.refund.bind(g);
    g.refund = async (p) => (declineRefunds ? { ok: false, reason: 'gateway_busy' } : refund(p));
    return g;
  },
});

describe('fee returned in proportion', () => {
  it('rounds half-up', () => {
    expect(feeReturned(22, 3600, 3600)).toBe(22);
    expect(feeReturned(22, 1800, 3600)).toBe(11);
    expect(feeReturned(21, 1800, 3600)).toBe(11); // 10.5 → 11
    expect(feeReturned(22, 1000, 3600)).toBe(6); // 6.11 → 6
    expect(feeReturned(0, 100, 0)).toBe(0);
  });
});

describe('refunds while the escrow is held', () => {
  it('a partial refund returns the amount and settles the rest, the fee on the rest only', async () => {
    const { seller, buyer, order } = await shippedOrder(t); // total 3600, fee 22
    const fees0 = await accountBalance(t, PLATFORM_FEES);
    const c = await openCase(t, buyer.token, order.id, { amount: 1000 });
    expect(c.amount).toBe(1000);
    // Still in escrow while the case is open: still the seller's pending proceeds.
    expect(await wallet(t, seller.token)).toMatchObject({ available: 0, pending: 3578 });
    const r = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    expect(r.json.status).toBe('refunded');
    // fee kept = 22 − round(22 × 1000 / 3600) = 22 − 6 = 16; the seller keeps 2600 − 16.
    expect(await wallet(t, seller.token)).toMatchObject({ available: 2584, pending: 0 });
    expect(await accountBalance(t, PLATFORM_FEES)).toBe(fees0 + 16);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    await expectLedgerOk(t);
  });
});

describe('refunds on a completed order', () => {
  it('come from the seller’s balance, with the fee returned in proportion', async () => {
    const { seller, buyer, order } = await completedOrder(t);
    expect((await wallet(t, seller.token)).available).toBe(3578);
    const fees0 = await accountBalance(t, PLATFORM_FEES);
    const c = await openCase(t, buyer.token, order.id, { amount: 1800 });
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('refunding');
    await expectLedgerOk(t);
    const r = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    expect(r.json.refund).toMatchObject({ status: 'paid', feeReturned: 11, advanced: 0 });
    expect((await wallet(t, seller.token)).available).toBe(3578 - (1800 - 11));
    expect(await accountBalance(t, PLATFORM_FEES)).toBe(fees0 - 11);
    await expectLedgerOk(t);
  });

  it('a seller who withdrew owes the rest: withdrawals wait, the next proceeds repay it', async () => {
    const { seller, buyer, order } = await completedOrder(t);
    const w = await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 3000 } });
    expect(w.status).toBe(201);
    const c = await openCase(t, buyer.token, order.id);
    const r = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    // 3600 back to the buyer: 22 of fee, 578 the seller still had, 3000 advanced.
    expect(r.json.refund).toMatchObject({ status: 'paid', feeReturned: 22, advanced: 3000 });
    expect((await wallet(t, seller.token)).available).toBe(0);
    expect(await accountBalance(t, advanceAccount(seller.id))).toBe(-3000);
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 100 } }), 422, 'balance_owed');
    await expectLedgerOk(t);

    // The seller's next sale: its proceeds repay the advance first.
    const item = await t.req('POST', '/items', {
      token: seller.token,
      body: { title: '二手台灯', price: 5000, quantity: 1, delivery: ['shipping'], shippingFee: 0, category: 'furniture', condition: 'like_new' },
    });
    const b2 = await t.user();
    const o2 = await placeOrder(t, b2.token, item.json.id);
    await t.req('POST', `/orders/${o2.json.id}/pay`, { token: b2.token });
    await t.req('POST', `/orders/${o2.json.id}/ship`, { token: seller.token, body: { carrier: '顺丰', trackingNumber: 'SF5550001' } });
    await t.req('POST', `/orders/${o2.json.id}/confirm`, { token: b2.token });
    expect((await wallet(t, seller.token)).available).toBe(o2.json.sellerProceeds);
    expect(await recoverDebts(t.deps)).toBe(1);
    expect(await accountBalance(t, advanceAccount(seller.id))).toBe(0);
    expect((await wallet(t, seller.token)).available).toBe(o2.json.sellerProceeds - 3000);
    expect(await recoverDebts(t.deps)).toBe(0);
    expect((await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 100 } })).status).toBe(201);
    await expectLedgerOk(t);
  });
});

describe('the gateway', () => {
  it('a declined refund stays booked in clearing and the sweep delivers it later', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    declineRefunds = true;
    const r = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    declineRefunds = false;
    expect(r.json).toMatchObject({ status: 'refunded', refund: { status: 'processing' } });
    expect(await accountBalance(t, REFUND_CLEARING)).toBeGreaterThanOrEqual(3600);
    await expectLedgerOk(t);
    t.clock.advance(60_000);
    expect(await retryCaseRefunds(t.deps)).toBeGreaterThanOrEqual(1);
    t.clock.advance(-60_000);
    expect((await t.req('GET', `/after-sales/${c.id}`, { token: buyer.token })).json.refund.status).toBe('paid');
    expect(await accountBalance(t, REFUND_CLEARING)).toBe(0);
    await expectLedgerOk(t);
  });

  it('an accept repeated with its Idempotency-Key replays and refunds once', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    const headers = { 'idempotency-key': `accept-${c.id}` };
    const [a, b] = await Promise.all([
      t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token, headers }),
      t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token, headers }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json.status).toBe('refunded');
    expect(b.json.id).toBe(a.json.id);
    const again = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token, headers });
    expect(again.status).toBe(200);
    const refunds = await t.db.selectFrom('ledgerTransactions').select('id').where('kind', '=', 'case_refund').where('reference', '=', c.id).execute();
    expect(refunds).toHaveLength(1);
    expect(await accountBalance(t, memberAccount(buyer.id))).toBe(0);
    await expectLedgerOk(t);
  });
});
