// Races: escrow is never released while a case holds it, whatever runs at the same moment, and
// an order's money is refunded or settled, never both.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk } from '../orders/fixtures.ts';
import { autoConfirmDue } from '../orders/service/fulfil.ts';
import { caseBody, jurorPool, openCase, shippedOrder } from './fixtures.ts';
import { decideCase } from './service/jury.ts';
import { runDueCases } from './service/deadlines.ts';

const t = await createTestApp();
const ROUNDS = 12;

/** The shipment's 10 days are over: the auto-confirm sweep would complete the order now. */
const dueForAutoConfirm = (orderId: string) =>
  t.db.updateTable('orders').set({ autoConfirmAt: new Date(t.clock.now().getTime() - 1000) }).where('id', '=', orderId).execute();

const settlements = (orderId: string) =>
  t.db.selectFrom('ledgerTransactions').select('id').where('kind', '=', 'settlement').where('reference', '=', orderId).execute();

describe('the auto-confirm sweep racing a case', () => {
  it('racing the opening: either the case holds the escrow, or it opened on the completed order', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < ROUNDS; i++) {
      const { buyer, order } = await shippedOrder(t);
      await dueForAutoConfirm(order.id);
      const [opened] = await Promise.all([
        t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody() }),
        autoConfirmDue(t.deps),
      ]);
      expect(opened.status).toBe(201);
      const c = await t.db.selectFrom('afterSales').selectAll().where('id', '=', opened.json.id).executeTakeFirstOrThrow();
      const held = await accountBalance(t, escrowAccount(order.id));
      const settled = (await settlements(order.id)).length;
      if (c.escrowHeld) {
        // The case won: the sweep left the order alone, the money is still in escrow.
        expect(c.orderStatusBefore).toBe('shipped');
        expect([held, settled]).toEqual([order.total, 0]);
        outcomes.add('case first');
      } else {
        expect(c.orderStatusBefore).toBe('completed');
        expect([held, settled]).toEqual([0, 1]);
        outcomes.add('sweep first');
      }
      // Whatever happened, later sweeps do not touch a refunding order.
      await autoConfirmDue(t.deps);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(held);
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
    await expectLedgerOk(t);
  });

  it('racing an escalation: the escrow stays held until the case is decided', async () => {
    await jurorPool(t, 7);
    for (let i = 0; i < ROUNDS; i++) {
      const { seller, buyer, order } = await shippedOrder(t);
      const c = await openCase(t, buyer.token, order.id);
      await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '正常发货' } });
      await dueForAutoConfirm(order.id);
      const [esc] = await Promise.all([
        t.req('POST', `/after-sales/${c.id}/escalate`, { token: buyer.token }),
        autoConfirmDue(t.deps),
        t.req('POST', `/orders/${order.id}/confirm`, { token: buyer.token }),
        runDueCases(t.deps),
      ]);
      expect(esc.status).toBe(200);
      expect(['in_jury', 'with_operator']).toContain(esc.json.status);
      expect(await accountBalance(t, escrowAccount(order.id))).toBe(order.total);
      expect(await settlements(order.id)).toHaveLength(0);
      expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('refunding');
    }
    await expectLedgerOk(t);
  });
});

describe('refund and settlement racing', () => {
  it('seller accepting vs buyer withdrawing and confirming: one of them, never both', async () => {
    const outcomes = new Set<string>();
    for (let i = 0; i < ROUNDS; i++) {
      const { seller, buyer, order } = await shippedOrder(t);
      const c = await openCase(t, buyer.token, order.id);
      await dueForAutoConfirm(order.id);
      await Promise.all([
        t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token }),
        t.req('POST', `/after-sales/${c.id}/withdraw`, { token: buyer.token }).then(() =>
          Promise.all([t.req('POST', `/orders/${order.id}/confirm`, { token: buyer.token }), autoConfirmDue(t.deps)]),
        ),
      ]);
      const row = await t.db.selectFrom('afterSales').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
      const refunds = await t.db.selectFrom('ledgerTransactions').select('id').where('kind', '=', 'case_refund').where('reference', '=', c.id).execute();
      const settled = await settlements(order.id);
      expect(refunds.length + settled.length).toBe(1);
      outcomes.add(row.status);
      expect(row.status === 'refunded').toBe(refunds.length === 1);
    }
    expect([...outcomes].every((s) => s === 'refunded' || s === 'withdrawn')).toBe(true);
    await expectLedgerOk(t);
  });

  it('two decisions and the seller-silence clock at once: one refund or one settlement', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { seller, buyer, order } = await shippedOrder(t);
      const c = await openCase(t, buyer.token, order.id);
      // The seller's 48 h ran out (the sweep would accept) while operators and the seller act.
      await t.db.updateTable('afterSales').set({ deadlineAt: new Date(t.clock.now().getTime() - 1000) }).where('id', '=', c.id).execute();
      await Promise.allSettled([
        runDueCases(t.deps),
        t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '来得及吗' } }),
        t.req('POST', `/after-sales/${c.id}/withdraw`, { token: buyer.token }),
        decideCase(t.deps, c.id, 'release', 'race', 'op'),
      ]);
      const refunds = await t.db.selectFrom('ledgerTransactions').select('id').where('kind', '=', 'case_refund').where('reference', '=', c.id).execute();
      const settled = await settlements(order.id);
      expect(refunds.length + settled.length).toBeLessThanOrEqual(1);
      expect(refunds.length).toBeLessThanOrEqual(1);
    }
    await expectLedgerOk(t);
  });
});
