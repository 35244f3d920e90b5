// The money path under concurrency and against a misbehaving gateway. Each test ends by
// verifying the ledger invariants.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, placeOrder, sellerWithItem, wallet } from './fixtures.ts';

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
    const rs = await Promise.all(Array.from({ length: 15 }, () => t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token, headers })));
    expect(rs.map((r) => r.status)).toEqual(Array(15).fill(200));
    expect(new Set(rs.map((r) => r.json.status))).toEqual(new Set(['paid']));
    const payments = await t.db.selectFrom('payments').selectAll().where('orderId', '=', o.json.id).execute();
    expect(payments).toHaveLength(1);
    expect(t.gateway.charges.size).toBeGreaterThan(0);
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
  it('concurrent confirms and an auto-confirm release escrow exactly once', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = await placeOrder(t, buyer.token, item.id);
    await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
    await t.req('POST', `/orders/${o.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF555555' } });
    const rs = await Promise.all(Array.from({ length: 10 }, () => t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token })));
    expect(rs.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await wallet(t, seller.token)).available).toBe(3578);
    const settlements = await t.db.selectFrom('ledgerTransactions').selectAll().where('reference', '=', o.json.id).where('kind', '=', 'settlement').execute();
    expect(settlements).toHaveLength(1);
    await expectLedgerOk(t);
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
