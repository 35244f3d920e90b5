// The money path under concurrency and against a misbehaving gateway. Each test ends by
// verifying the ledger invariants.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem, wallet } from './fixtures.ts';
import { moneySweeps } from './sweeps.ts';

const t = await createTestApp();

describe('no oversell', () => {
  it('200 buyers for 10 units: exactly 10 orders, the rest out_of_stock', async () => {
    const { item } = await sellerWithItem(t, { quantity: 10 });
    const buyers = await Promise.all(Array.from({ length: 200 }, () => t.user({ prefix: 'b' })));
    const results = await Promise.all(buyers.map((b) => placeOrder(t, b.token, item.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 409 && r.json.code === 'out_of_stock')).toHaveLength(190);
    expect((await t.req('GET', `/items/${item.id}`)).json).toMatchObject({ available: 0, status: 'sold_out' });
    const orders = await t.db.selectFrom('orders').select('quantity').where('itemId', '=', item.id).execute();
    expect(orders.reduce((s, o) => s + o.quantity, 0)).toBe(10);
  }, 60_000);

  it('mixed quantities never take more than there is', async () => {
    const { item } = await sellerWithItem(t, { quantity: 7 });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => t.user({ prefix: 'q' })));
    await Promise.all(buyers.map((b, i) => placeOrder(t, b.token, item.id, { quantity: (i % 3) + 1 })));
    const taken = await t.db.selectFrom('orders').select('quantity').where('itemId', '=', item.id).execute();
    const sum = taken.reduce((s, o) => s + o.quantity, 0);
    expect(sum).toBeLessThanOrEqual(7);
    const live = await t.req('GET', `/items/${item.id}`);
    expect(live.json.available).toBe(7 - sum);
  }, 60_000);
});

describe('paying once', () => {
  it('15 concurrent pays with one Idempotency-Key: one payment, one escrow posting, same answer', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    const headers = { 'idempotency-key': `pay-${o.json.id}` };
    const chargedBefore = new Set(t.gateway.charges.keys());
    const rs = await Promise.all(Array.from({ length: 15 }, () => t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token, headers })));
    expect(rs.map((r) => r.status)).toEqual(Array(15).fill(200));
    expect(new Set(rs.map((r) => r.json.status))).toEqual(new Set(['paid']));
    const payments = await t.db.selectFrom('payments').selectAll().where('orderId', '=', o.json.id).execute();
    expect(payments).toHaveLength(1);
    // The gateway captured once, for the payment we recorded: no second capture, no capture
    // for a payment row that was rolled back.
    const captured = [...t.gateway.charges.entries()].filter(([id]) => !chargedBefore.has(id));
    expect(captured.map(([id, c]) => [id, c.amount, c.refunded])).toEqual([[payments[0]?.id, 3600, false]]);
    expect(await accountBalance(t, escrowAccount(o.json.id))).toBe(3600);
    expect((await wallet(t, seller.token)).pending).toBe(3578);
    await expectLedgerOk(t);
  });

  it('15 concurrent pays without a key still charge once; later ones see invalid_state', async () => {
    const { item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    const rs = await Promise.all(Array.from({ length: 15 }, () => t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })));
    expect(rs.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of rs.filter((x) => x.status !== 200)) expectProblem(r, 409, 'invalid_state');
    const payments = await t.db.selectFrom('payments').selectAll().where('orderId', '=', o.json.id).execute();
    expect(payments).toHaveLength(1);
    expect(await accountBalance(t, escrowAccount(o.json.id))).toBe(3600);
    await expectLedgerOk(t);
  });

  it('the same key for POST /orders places one order; another body is refused', async () => {
    const { item } = await sellerWithItem(t, { quantity: 5 });
    const buyer = await t.user();
    const headers = { 'idempotency-key': 'checkout-1' };
    const a = await placeOrder(t, buyer.token, item.id, {}, headers);
    const b = await placeOrder(t, buyer.token, item.id, {}, headers);
    expect(b.json.id).toBe(a.json.id);
    expectProblem(await placeOrder(t, buyer.token, item.id, { quantity: 2 }, headers), 422, 'idempotency_key_reused');
    expect((await t.req('GET', `/items/${item.id}`)).json.available).toBe(4);
  });
});

describe('settling once', () => {
  const autoConfirm = moneySweeps.find((s) => s.name === 'orders-auto-confirm');
  const settlementsOf = (orderId: string) =>
    t.db.selectFrom('ledgerTransactions').selectAll().where('reference', '=', orderId).where('kind', '=', 'settlement').execute();

  async function shippedOrder() {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    const shipped = await t.req('POST', `/orders/${o.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF555555' } });
    return { seller, buyer, id: o.json.id as string, autoConfirmAt: new Date(shipped.json.autoConfirmAt) };
  }

  it('concurrent confirms release escrow exactly once', async () => {
    const { seller, buyer, id } = await shippedOrder();
    const rs = await Promise.all(Array.from({ length: 10 }, () => t.req('POST', `/orders/${id}/confirm`, { token: buyer.token })));
    expect(rs.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await wallet(t, seller.token)).available).toBe(3578);
    expect(await settlementsOf(id)).toHaveLength(1);
    await expectLedgerOk(t);
  });

  it('the auto-confirm sweep completes a shipped order once it is due, and settles it once against racing confirms', async () => {
    if (!autoConfirm) throw new Error('no orders-auto-confirm sweep');
    const alone = await shippedOrder();
    const raced = await shippedOrder();
    // Not due yet: the sweep leaves both alone.
    await autoConfirm.run(t.deps);
    expect((await t.req('GET', `/orders/${alone.id}`, { token: alone.buyer.token })).json.status).toBe('shipped');
    const advance = Math.max(alone.autoConfirmAt.getTime(), raced.autoConfirmAt.getTime()) - t.clock.now().getTime() + 60_000;
    t.clock.advance(advance);
    try {
      const [swept, ...confirms] = await Promise.all([
        autoConfirm.run(t.deps),
        ...Array.from({ length: 5 }, () => t.req('POST', `/orders/${raced.id}/confirm`, { token: raced.buyer.token })),
      ]);
      // The alone order is settled by the sweep; the raced one by exactly one of sweep or confirms.
      expect(swept).toBeGreaterThanOrEqual(1);
      const auto = await t.req('GET', `/orders/${alone.id}`, { token: alone.buyer.token });
      expect(auto.json.status).toBe('completed');
      expect(auto.json.events.at(-1)).toMatchObject({ type: 'auto_confirmed', by: 'system' });
      const racedView = (await t.req('GET', `/orders/${raced.id}`, { token: raced.buyer.token })).json;
      expect(racedView.status).toBe('completed');
      const types = racedView.events.map((e: { type: string }) => e.type);
      const bySweep = types.filter((x: string) => x === 'auto_confirmed').length;
      const byBuyer = types.filter((x: string) => x === 'completed').length;
      expect(bySweep + byBuyer).toBe(1);
      expect((confirms as { status: number }[]).filter((r) => r.status === 200)).toHaveLength(byBuyer);
      for (const o of [alone, raced]) {
        expect(await settlementsOf(o.id)).toHaveLength(1);
        expect(await accountBalance(t, escrowAccount(o.id))).toBe(0);
        expect(await wallet(t, o.seller.token)).toMatchObject({ available: 3578, pending: 0 });
      }
      expect(await autoConfirm.run(t.deps)).toBe(0);
      await expectLedgerOk(t);
    } finally {
      t.clock.advance(-advance);
    }
  });

  it('a cancel racing a pay leaves either a paid order or a cancelled, refunded one — never money stuck', async () => {
    for (let i = 0; i < 5; i++) {
      const { item } = await sellerWithItem(t);
      const buyer = await t.user();
      const o = await placeOrder(t, buyer.token, item.id);
      await Promise.all([
        t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token }),
        t.req('POST', `/orders/${o.json.id}/cancel`, { token: buyer.token, body: {} }),
      ]);
      await t.gateway.settled();
      const final = await t.req('GET', `/orders/${o.json.id}`, { token: buyer.token });
      const escrow = await accountBalance(t, escrowAccount(o.json.id));
      if (final.json.status === 'paid') expect(escrow).toBe(3600);
      else {
        expect(final.json.status).toBe('cancelled');
        expect(escrow).toBe(0);
      }
    }
    await expectLedgerOk(t);
  });
});
