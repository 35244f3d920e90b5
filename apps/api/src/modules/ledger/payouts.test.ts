// Issue 9, 8: the payout retry sweep under failure. A provider that says "try again" or cannot
// be reached leaves the withdrawal processing — shown in the wallet — and the sweep asks again;
// one that keeps refusing has the money reversed to the member's balance, exactly once.
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';
import { withTx } from '../../db/index.ts';
import { expectLedgerOk } from '../orders/fixtures.ts';
import { moneySweeps } from '../orders/sweeps.ts';
import { GATEWAY, memberAccount } from './accounts.ts';
import { sandboxPayouts } from './payouts.ts';
import { postTransaction } from './post.ts';
import { verifyLedger } from './verify.ts';
import { MAX_PAYOUT_ATTEMPTS, PAYOUT_RETRY_AFTER_MS, completeWithdrawal } from './withdrawals.ts';

const outage = new Map<string, 'unavailable' | 'unreachable'>();
const declines = new Map<string, string>();
const payouts = sandboxPayouts({ outage: (p) => outage.get(p.userId) ?? null, decline: (p) => declines.get(p.userId) ?? null });
const t = await createTestApp({}, { providers: { payouts } });

const retry = () => (moneySweeps.find((s) => s.name === 'withdrawals-retry') as { run: (d: typeof t.deps) => Promise<number> }).run(t.deps);
const later = () => t.clock.advance(PAYOUT_RETRY_AFTER_MS + 1000);
const wallet = async (token: string) => (await t.req('GET', '/wallet', { token })).json;
const listed = async (token: string) => (await t.req('GET', '/wallet/withdrawals', { token })).json.items;
const ledgerKinds = async (withdrawalId: string) =>
  (await t.db.selectFrom('ledgerTransactions').select('kind').where('reference', '=', withdrawalId).orderBy('id').execute()).map((r) => r.kind);

async function member(amount: number) {
  const u = await t.user();
  await withTx(t.db, (tx) =>
    postTransaction(tx, { kind: 'adjustment', reference: `fund-${u.id}`, postings: [{ from: GATEWAY, to: memberAccount(u.id), amount }] }),
  );
  return u;
}

describe('payout retry sweep', () => {
  it('"try again" and unreachable: processing (in the wallet) until the provider recovers, then paid once', async () => {
    const u = await member(5000);
    outage.set(u.id, 'unavailable');
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 1500 } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'processing', attempts: 1, failureReason: null });
    expect(await wallet(u.token)).toEqual({ available: 3500, pending: 0, withdrawn: 0, processing: 1500 });
    expect(await listed(u.token)).toMatchObject([{ id: r.json.id, status: 'processing', amount: 1500 }]);

    expect(await retry()).toBe(0); // asked a moment ago: not stuck yet
    later();
    outage.set(u.id, 'unreachable');
    expect(await retry()).toBe(1);
    expect(await listed(u.token)).toMatchObject([{ status: 'processing', attempts: 2 }]);
    outage.delete(u.id);
    later();
    expect(await retry()).toBe(1);
    expect(await listed(u.token)).toMatchObject([{ status: 'paid', attempts: 3 }]);
    expect(payouts.sent.get(r.json.id)).toBe(1500);
    expect(await wallet(u.token)).toEqual({ available: 3500, pending: 0, withdrawn: 1500, processing: 0 });
    expect(await ledgerKinds(r.json.id)).toEqual(['withdrawal', 'withdrawal_paid']);
    later();
    expect(await retry()).toBe(0);
    await expectLedgerOk(t);
  });

  it('a provider that keeps saying "try again": after the last attempt the money goes back, once', async () => {
    const u = await member(5000);
    outage.set(u.id, 'unavailable');
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 2000 } });
    for (let i = 1; i < MAX_PAYOUT_ATTEMPTS; i++) {
      expect((await listed(u.token))[0]).toMatchObject({ status: 'processing', attempts: i });
      later();
      await Promise.all([retry(), retry()]); // two processes sweeping at once
    }
    expect((await listed(u.token))[0]).toMatchObject({ status: 'failed', attempts: MAX_PAYOUT_ATTEMPTS, failureReason: 'provider_unavailable' });
    expect(await wallet(u.token)).toEqual({ available: 5000, pending: 0, withdrawn: 0, processing: 0 });
    expect(await ledgerKinds(r.json.id)).toEqual(['withdrawal', 'withdrawal_reversed']);
    expect(payouts.sent.has(r.json.id)).toBe(false);
    later();
    expect(await retry()).toBe(0);
    expect(payouts.attempts.get(r.json.id)).toBe(MAX_PAYOUT_ATTEMPTS);
    outage.delete(u.id);
    await expectLedgerOk(t);
  });

  it('unreachable, then a final refusal: reversed once, however many completions race', async () => {
    const u = await member(3000);
    outage.set(u.id, 'unreachable');
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 3000 } });
    expect(r.json.status).toBe('processing');
    expect((await wallet(u.token)).processing).toBe(3000);
    outage.delete(u.id);
    declines.set(u.id, 'account_closed');
    const raced = await Promise.all(Array.from({ length: 5 }, () => completeWithdrawal(t.deps, r.json.id)));
    expect(new Set(raced.map((w) => w.status))).toEqual(new Set(['failed']));
    expect(await ledgerKinds(r.json.id)).toEqual(['withdrawal', 'withdrawal_reversed']);
    expect(await wallet(u.token)).toEqual({ available: 3000, pending: 0, withdrawn: 0, processing: 0 });
    expect((await listed(u.token))[0]).toMatchObject({ status: 'failed', failureReason: 'account_closed' });
    declines.delete(u.id);
    await expectLedgerOk(t);
  });

  it('ledger:verify catches a withdrawal or a payment whose status disagrees with the ledger', async () => {
    const u = await member(1000);
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 400 } });
    expect(r.json.status).toBe('paid');
    const checks = async () => (await verifyLedger(t.db)).violations.map((v) => v.check).sort();
    await t.db.updateTable('withdrawals').set({ status: 'processing' }).where('id', '=', r.json.id).execute();
    expect(await checks()).toEqual(['payout_clearing_matches_processing', 'withdrawal_matches_ledger']);
    await t.db.updateTable('withdrawals').set({ status: 'paid' }).where('id', '=', r.json.id).execute();
    // A payment marked captured that was never booked into escrow.
    const seller = await t.user({ verified: true });
    const item = (await t.req('POST', '/items', { token: seller.token, body: { title: '台灯', price: 900, delivery: ['pickup'], category: 'other' } })).json;
    const order = (await t.req('POST', '/orders', { token: u.token, body: { itemId: item.id, delivery: 'pickup' } })).json;
    const p = await t.db.insertInto('payments').values({ orderId: order.id, provider: 'sandbox', amount: 900, status: 'succeeded' }).returning('id').executeTakeFirstOrThrow();
    expect(await checks()).toEqual(['payment_matches_ledger']);
    await t.db.updateTable('payments').set({ status: 'failed' }).where('id', '=', p.id).execute();
    expect(await checks()).toEqual([]);
  });
});
