// The case clocks: the seller's 48 h, the buyer's return, the seller's receipt, the escalation
// window. Deadlines are columns, taken by the sweep under the case's locks: two sweeps at once
// (two processes) act once.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, wallet } from '../orders/fixtures.ts';
import { openCase, rejectedCase, shippedOrder } from './fixtures.ts';
import { runDueCases } from './service/deadlines.ts';
import { afterSaleSweeps } from './sweeps.ts';

const t = await createTestApp();
const DAY = 86_400_000;

async function later<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  t.clock.advance(ms);
  try {
    return await fn();
  } finally {
    t.clock.advance(-ms);
  }
}

const types = async (caseId: string, token: string) =>
  (await t.req('GET', `/after-sales/${caseId}`, { token })).json.events.map((e: { type: string; by: string }) => `${e.type}:${e.by}`);

describe('clocks', () => {
  it('a silent seller accepts after 48 h — once, with two sweeps running at once', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    expect(await later(2 * DAY - 60_000, () => runDueCases(t.deps))).toBe(0);
    const [a, b] = await later(2 * DAY + 1000, () => Promise.all([runDueCases(t.deps), runDueCases(t.deps)]));
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await types(c.id, buyer.token)).toEqual(['opened:buyer', 'accepted:system', 'refunded:system']);
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect((await wallet(t, seller.token)).pending).toBe(0);
    const notes = await t.req('GET', '/notifications', { token: seller.token });
    expect(notes.json.items.some((n: { type: string; data: { status?: string } }) => n.type === 'aftersale_answered' && n.data.status === 'refunded')).toBe(true);
    await expectLedgerOk(t);
  });

  it('a return not sent within 7 days lapses: the seller is paid', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id, { returnItem: true });
    await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    await later(7 * DAY + 1000, () => runDueCases(t.deps));
    const r = await t.req('GET', `/after-sales/${c.id}`, { token: buyer.token });
    expect(r.json.status).toBe('released');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('completed');
    expect((await wallet(t, seller.token)).available).toBe(order.sellerProceeds);
    await expectLedgerOk(t);
  });

  it('a seller silent 10 days after the return shipped is taken to have received it', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id, { returnItem: true });
    await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    await t.req('POST', `/after-sales/${c.id}/return`, { token: buyer.token, body: { carrier: '圆通', trackingNumber: 'YT12345678' } });
    expect(await later(9 * DAY, () => runDueCases(t.deps))).toBe(0);
    await later(10 * DAY + 1000, () => runDueCases(t.deps));
    expect(await types(c.id, buyer.token)).toEqual(['opened:buyer', 'accepted:seller', 'return_shipped:buyer', 'received:system', 'refunded:system']);
    await expectLedgerOk(t);
  });

  it('a rejection not escalated within 3 days is final: the escrow settles to the seller', async () => {
    const { seller, buyer, order, caseId } = await rejectedCase(t);
    await later(3 * DAY + 1000, () => runDueCases(t.deps));
    const r = await t.req('GET', `/after-sales/${caseId}`, { token: buyer.token });
    expect(r.json).toMatchObject({ status: 'released', actions: [] });
    expect(r.json.events.at(-2)).toMatchObject({ type: 'lapsed', by: 'system' });
    expect((await wallet(t, seller.token)).available).toBe(order.sellerProceeds);
    const o = await t.req('GET', `/orders/${order.id}`, { token: seller.token });
    expect(o.json.events.map((e: { type: string }) => e.type).filter((x: string) => x.startsWith('after_sale'))).toEqual([
      'after_sale_opened', 'after_sale_rejected', 'after_sale_lapsed', 'after_sale_released',
    ]);
    await expectLedgerOk(t);
  });

  it('every clock is a scheduled job', () => {
    expect(afterSaleSweeps.map((s) => s.name).sort()).toEqual(['aftersale-deadlines', 'aftersale-debts', 'aftersale-refunds-retry', 'jury-deadlines']);
  });
});
