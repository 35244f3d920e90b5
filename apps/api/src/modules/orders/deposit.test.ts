// Reservation deposit (定金托管, SPEC C4) through HTTP: bounds, reserve → pay the rest → hand-over,
// the deposit refunded when the seller cancels or the hold runs out, the no-show claim settled
// to the seller after 24 h unless the buyer contests it, and replays. The ledger verifies after each.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { afterSaleSweeps } from '../aftersale/sweeps.ts';
import { escrowAccount, memberAccount, PLATFORM_FEES } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem, wallet } from './fixtures.ts';
import { moneySweeps } from './sweeps.ts';

const t = await createTestApp();
const HOUR = 3_600_000;

const sweep = (name: string) => {
  const s = [...moneySweeps, ...afterSaleSweeps].find((x) => x.name === name);
  if (!s) throw new Error(`no sweep ${name}`);
  return s.run(t.deps);
};
const available = async (itemId: string) => (await t.req('GET', `/items/${itemId}`)).json.available as number;
const ledgerKinds = async (orderId: string) =>
  (await t.db.selectFrom('ledgerTransactions').select('kind').where('reference', '=', orderId).orderBy('kind').execute()).map((r) => r.kind);

/** A pickup item (¥30, so a deposit is at most ¥9) and a buyer's reservation paid: the order is reserved. */
async function reserved(deposit = 900) {
  const { seller, item } = await sellerWithItem(t);
  const buyer = await t.user({ prefix: 'r' });
  const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit });
  expect(o.status).toBe(201);
  const pay = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
  expect(pay.status).toBe(200);
  expect(pay.json).toMatchObject({ status: 'reserved', deposit, depositPaid: true, total: 3000 });
  // The gateway's callback for the deposit locks the order when it lands; a sweep meeting that
  // lock skips the row (SKIP LOCKED) until its next run, so the tests wait for it first.
  await t.gateway.settled();
  return { seller, buyer, item, order: pay.json as { id: string; pickupCode: string; reservedUntil: string } };
}

describe('placing a deposit order', () => {
  it('takes 1 fen … 30% of the total on pickup only; a refused order takes no stock', async () => {
    const { item } = await sellerWithItem(t);
    const buyer = await t.user();
    for (const deposit of [0, 901, -5]) {
      const r = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit });
      expectProblem(r, 422, 'invalid_deposit');
    }
    const shipped = await placeOrder(t, buyer.token, item.id, { deposit: 100 });
    expectProblem(shipped, 422, 'invalid_deposit');
    expect(await available(item.id)).toBe(1);
    const ok = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit: 900 });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ status: 'pending_payment', deposit: 900, depositPaid: false, total: 3000, actions: ['pay', 'cancel'] });
    expect(await available(item.id)).toBe(0);
  });
});

describe('a reservation kept', () => {
  it('deposit → reserved (held 48 h), the rest → paid, the pickup code completes it; the total settles once, fee on the total', async () => {
    const { seller, buyer, item, order } = await reserved();
    expect(new Date(order.reservedUntil).getTime() - t.clock.now().getTime()).toBeGreaterThan(47.9 * HOUR);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(900);
    expect(await available(item.id)).toBe(0);
    const asSeller = await t.req('GET', `/orders/${order.id}`, { token: seller.token });
    expect(asSeller.json.actions).toEqual(['cancel', 'no_show']);
    expect(asSeller.json.pickupCode).toBeUndefined();
    await expectLedgerOk(t);

    const rest = await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    expect(rest.status).toBe(200);
    expect(rest.json).toMatchObject({ status: 'paid', reservedUntil: null });
    const payments = await t.db.selectFrom('payments').select(['purpose', 'amount', 'status']).where('orderId', '=', order.id).orderBy('createdAt').execute();
    expect(payments).toEqual([
      { purpose: 'deposit', amount: 900, status: 'succeeded' },
      { purpose: 'balance', amount: 2100, status: 'succeeded' },
    ]);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(3000);
    await expectLedgerOk(t);

    const fees = await accountBalance(t, PLATFORM_FEES);
    const done = await t.req('POST', `/orders/${order.id}/handover`, { token: seller.token, body: { pickupCode: order.pickupCode } });
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('completed');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(3000 - 18);
    expect((await accountBalance(t, PLATFORM_FEES)) - fees).toBe(18);
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'payment', 'settlement']);
    await expectLedgerOk(t);
  });

  it('a replayed deposit payment charges once and answers the same; the rest needs a new key', async () => {
    const { item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined, deposit: 500 });
    const headers = { 'idempotency-key': `dep-${o.json.id}` };
    const rs = await Promise.all([1, 2, 3].map(() => t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token, headers })));
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(rs.map((r) => r.json.status)).toEqual(['reserved', 'reserved', 'reserved']);
    const again = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token, headers });
    expect(again.json).toEqual(rs[0]?.json);
    expect(await t.db.selectFrom('payments').select('purpose').where('orderId', '=', o.json.id).execute()).toEqual([{ purpose: 'deposit' }]);
    expect(await accountBalance(t, escrowAccount(o.json.id))).toBe(500);
    const rest = await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token, headers: { 'idempotency-key': `rest-${o.json.id}` } });
    expect(rest.json.status).toBe('paid');
    expect(await accountBalance(t, escrowAccount(o.json.id))).toBe(3000);
    await expectLedgerOk(t);
  });
});

describe('the deposit refunded in full', () => {
  it('when the seller cancels: the deposit goes back through the gateway, the stock comes back', async () => {
    const { seller, item, order } = await reserved();
    const r = await t.req('POST', `/orders/${order.id}/cancel`, { token: seller.token, body: { reason: '东西被家人用了' } });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('cancelled');
    const p = await t.db.selectFrom('payments').select(['id', 'status']).where('orderId', '=', order.id).executeTakeFirstOrThrow();
    expect(p.status).toBe('refunded');
    expect(t.gateway.charges.get(p.id)).toMatchObject({ amount: 900, refunded: true });
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(0);
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'deposit_refund']);
    expect(await available(item.id)).toBe(1);
    await expectLedgerOk(t);
  });

  it('when the hold runs out: the sweep cancels, refunds and returns the stock; paying the rest after the end is refused', async () => {
    const { buyer, item, order } = await reserved(300);
    t.clock.advance(48 * HOUR + 60_000);
    expectProblem(await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token }), 409, 'reservation_expired');
    expect(await sweep('reservations-expire')).toBeGreaterThanOrEqual(1);
    const o = await t.req('GET', `/orders/${order.id}`, { token: buyer.token });
    expect(o.json).toMatchObject({ status: 'cancelled', cancelReason: 'reservation_expired' });
    expect(o.json.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'reserved', 'reservation_expired', 'deposit_refunded']);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'deposit_refund']);
    expect(await available(item.id)).toBe(1);
    await expectLedgerOk(t);
  });

  it('a paid deposit order cancelled refunds both payments', async () => {
    const { seller, buyer, order } = await reserved();
    await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token });
    const r = await t.req('POST', `/orders/${order.id}/cancel`, { token: seller.token, body: {} });
    expect(r.json.status).toBe('cancelled');
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'deposit_refund', 'payment', 'refund']);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    await expectLedgerOk(t);
  });
});

describe('a no-show', () => {
  it('only the seller claims it, once, while reserved; the buyer can then neither pay nor cancel', async () => {
    const { seller, buyer, order } = await reserved();
    expectProblem(await t.req('POST', `/orders/${order.id}/no-show`, { token: buyer.token }), 403, 'not_allowed');
    const r = await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'reserved', reservedUntil: null });
    expect(new Date(r.json.contestUntil).getTime() - new Date(r.json.noShowAt).getTime()).toBe(24 * HOUR);
    expectProblem(await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token }), 409, 'invalid_state');
    expectProblem(await t.req('POST', `/orders/${order.id}/pay`, { token: buyer.token }), 409, 'invalid_state');
    expectProblem(await t.req('POST', `/orders/${order.id}/cancel`, { token: buyer.token, body: {} }), 409, 'invalid_state');
    const stranger = await t.user();
    expectProblem(await t.req('POST', `/orders/${order.id}/no-show`, { token: stranger.token }), 404, 'not_found');
    await expectLedgerOk(t);
  });

  it('uncontested for 24 h, the deposit settles to the seller (no fee), once; the stock comes back', async () => {
    const { seller, item, order } = await reserved();
    await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    t.clock.advance(23 * HOUR);
    await sweep('reservations-no-show');
    await sweep('reservations-expire');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(900);
    t.clock.advance(HOUR + 60_000);
    await Promise.all([sweep('reservations-no-show'), sweep('reservations-no-show')]);
    const o = await t.req('GET', `/orders/${order.id}`, { token: seller.token });
    expect(o.json).toMatchObject({ status: 'cancelled', cancelReason: 'no_show' });
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(900);
    expect((await wallet(t, seller.token)).available).toBe(900);
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'deposit_release']);
    expect(await available(item.id)).toBe(1);
    await sweep('refunds-retry'); // the settled deposit is not a refund owed
    expect(await ledgerKinds(order.id)).toEqual(['deposit_hold', 'deposit_release']);
    await expectLedgerOk(t);
  });

  it('contested by an after-sale case within 24 h, the deposit stays held; the seller accepting refunds it', async () => {
    const { seller, buyer, item, order } = await reserved();
    await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    t.clock.advance(2 * HOUR);
    const c = await t.req('POST', `/orders/${order.id}/after-sale`, {
      token: buyer.token,
      body: { reason: 'not_received', description: '我按时到了约定地点，卖家没来', returnItem: true },
    });
    expect(c.status).toBe(201);
    expect(c.json).toMatchObject({ amount: 900, returnItem: false, status: 'open' });
    t.clock.advance(23 * HOUR);
    await sweep('reservations-no-show');
    await sweep('reservations-expire');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('refunding');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(900);
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(0);
    await expectLedgerOk(t);

    const ok = await t.req('POST', `/after-sales/${c.json.id}/accept`, { token: seller.token });
    expect(ok.status).toBe(200);
    expect(ok.json.status).toBe('refunded');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('refunded');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(0);
    expect(await available(item.id)).toBe(1);
    await expectLedgerOk(t);
  });

  it('a contest the buyer withdraws goes back to the claim, which then settles', async () => {
    const { seller, buyer, order } = await reserved(600);
    await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    const c = await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: { reason: 'not_received', description: '我去了' } });
    const w = await t.req('POST', `/after-sales/${c.json.id}/withdraw`, { token: buyer.token });
    expect(w.json.status).toBe('withdrawn');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('reserved');
    t.clock.advance(24 * HOUR + 60_000);
    await sweep('reservations-no-show');
    expect(await accountBalance(t, memberAccount(seller.id))).toBe(600);
    await expectLedgerOk(t);
  });

  it('a contest after 24 h, or without a claim, is refused', async () => {
    const { seller, buyer, order } = await reserved();
    const body = { reason: 'not_received', description: '我去了' };
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body }), 409, 'invalid_state');
    await t.req('POST', `/orders/${order.id}/no-show`, { token: seller.token });
    t.clock.advance(24 * HOUR + 60_000);
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body }), 409, 'window_passed');
  });
});
