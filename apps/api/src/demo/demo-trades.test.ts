// The demo's trades are made through the real money path: every order state is there, sellers
// have balances, and the ledger verifies.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { verifyLedger } from '../modules/ledger/verify.ts';
import { seedDemo } from './seed.ts';

const t = await createTestApp();

describe('demo trades', () => {
  it('has orders in every state, offers, a withdrawal, and a ledger that verifies', { timeout: 120_000 }, async () => {
    const r = await seedDemo(t.deps);
    expect(r.orders).toBeGreaterThanOrEqual(10);
    const states = new Set((await t.db.selectFrom('orders').select('status').execute()).map((o) => o.status));
    for (const s of ['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled']) expect(states).toContain(s);
    const offers = new Set((await t.db.selectFrom('offers').select('status').execute()).map((o) => o.status));
    expect(offers).toEqual(new Set(['pending', 'accepted']));
    expect(await t.db.selectFrom('withdrawals').select('status').execute()).toEqual([{ status: 'paid' }]);
    const lin = await t.db.selectFrom('users').select('id').where('username', '=', 'lin_xiaoyu').executeTakeFirstOrThrow();
    const balance = await t.db.selectFrom('ledgerAccounts').select('balance').where('id', '=', `user:${lin.id}`).executeTakeFirstOrThrow();
    expect(balance.balance).toBeGreaterThan(0);
    expect((await verifyLedger(t.db)).violations).toEqual([]);
    expect((await seedDemo(t.deps)).orders).toBe(0);
  });
});
