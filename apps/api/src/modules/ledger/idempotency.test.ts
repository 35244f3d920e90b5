// Issue 9, hole 5: an Idempotency-Key's record commits in the same transaction as the money it
// guards. A provider that fails after the commit, or a crash before the answer leaves, must
// never let a retry move the money twice.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { withTx } from '../../db/index.ts';
import { idempotent, requestHash } from '../../lib/idempotency.ts';
import { expectLedgerOk, placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { GATEWAY, memberAccount } from './accounts.ts';
import { sandboxPayouts } from './payouts.ts';
import { postTransaction } from './post.ts';

/** Per member, how the payout provider behaves right now (a test changes it between calls). */
const outage = new Map<string, 'unavailable' | 'unreachable' | 'timeout'>();
const held = new Map<string, Promise<void>>();
const payouts = sandboxPayouts({ outage: (p) => outage.get(p.userId) ?? null, slow: (p) => held.get(p.userId) ?? null });
const t = await createTestApp({}, { providers: { payouts } });

async function fund(userId: string, amount: number) {
  await withTx(t.db, (tx) =>
    postTransaction(tx, { kind: 'adjustment', reference: `fund-${userId}-${Math.random()}`, postings: [{ from: GATEWAY, to: memberAccount(userId), amount }] }),
  );
}
const withdrawals = (userId: string) => t.db.selectFrom('withdrawals').selectAll().where('userId', '=', userId).execute();
const walletOf = async (token: string) => (await t.req('GET', '/wallet', { token })).json;
const runSweep = async (name: string) => {
  const { moneySweeps } = await import('../orders/sweeps.ts');
  return (moneySweeps.find((s) => s.name === name) as { run: (d: typeof t.deps) => Promise<number> }).run(t.deps);
};

describe('a withdrawal whose payout fails after the commit', () => {
  it('answers the committed withdrawal; a retry with the key replays it; one withdrawal; the sweep pays it once', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    outage.set(u.id, 'timeout'); // the provider sends the money, then the answer is lost
    const headers = { 'idempotency-key': 'wd-lost-answer' };
    const first = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 3000 } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ amount: 3000, status: 'processing' });
    const retry = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 3000 } });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(await withdrawals(u.id)).toHaveLength(1);
    expect(await walletOf(u.token)).toEqual({ available: 7000, pending: 0, withdrawn: 0, processing: 3000 });

    outage.delete(u.id);
    t.clock.advance(2 * 60_000);
    expect(await runSweep('withdrawals-retry')).toBeGreaterThanOrEqual(1);
    expect(payouts.sent.get(first.json.id)).toBe(3000);
    expect(await walletOf(u.token)).toEqual({ available: 7000, pending: 0, withdrawn: 3000, processing: 0 });
    // The replay now tells how it ended; still the same one withdrawal.
    const later = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 3000 } });
    expect(later.json).toMatchObject({ id: first.json.id, status: 'paid' });
    expect(await withdrawals(u.id)).toHaveLength(1);
    await expectLedgerOk(t);
  });

  it('a provider that cannot be reached: same, and nothing is sent twice', async () => {
    const u = await t.user();
    await fund(u.id, 5000);
    outage.set(u.id, 'unreachable');
    const headers = { 'idempotency-key': 'wd-unreachable' };
    const rs = [];
    for (let i = 0; i < 3; i++) rs.push(await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1000 } }));
    expect(rs.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(rs.map((r) => r.json.id)).size).toBe(1);
    expect(rs[0]?.json.status).toBe('processing');
    expect((await walletOf(u.token)).available).toBe(4000);
    outage.delete(u.id);
    t.clock.advance(2 * 60_000);
    await runSweep('withdrawals-retry');
    expect(await walletOf(u.token)).toEqual({ available: 4000, pending: 0, withdrawn: 1000, processing: 0 });
    await expectLedgerOk(t);
  });

  it('a crash between commit and answer: the retry replays the committed answer and moves nothing', async () => {
    const u = await t.user();
    await fund(u.id, 5000);
    let release = () => {};
    held.set(u.id, new Promise<void>((r) => (release = r))); // the first request never gets its answer out
    const headers = { 'idempotency-key': 'wd-crash' };
    const first = t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 2000 } });
    // Wait for the commit (the withdrawal row and the key's record are written together).
    for (let i = 0; i < 400 && (await withdrawals(u.id)).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const key = await t.db.selectFrom('idempotencyKeys').selectAll().where('userId', '=', u.id).where('key', '=', 'wd-crash').executeTakeFirstOrThrow();
    expect(key.responseStatus).toBe(201);
    // The request that committed it is gone (as after kill -9): its record is old, the retry replays it.
    t.clock.advance(60_000);
    const retry = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 2000 } });
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ amount: 2000, status: 'processing' });
    expect(await withdrawals(u.id)).toHaveLength(1);
    release();
    const done = await first;
    expect(done.json).toMatchObject({ id: retry.json.id, status: 'paid' });
    expect(await walletOf(u.token)).toEqual({ available: 3000, pending: 0, withdrawn: 2000, processing: 0 });
    held.delete(u.id);
    await expectLedgerOk(t);
  });

  it('an error before the commit leaves no key: the retry runs', async () => {
    const u = await t.user();
    const req = { userId: u.id, key: 'k-before-commit', hash: requestHash('POST', '/x', {}), owner: 'first', now: () => t.clock.now() };
    const respond = async (_db: unknown, n: number) => ({ status: 200, body: { n } });
    await expect(
      idempotent(t.db, req, respond, (guard) =>
        withTx(t.db, async (tx) => {
          await guard.claim(tx);
          throw new Error('connection lost before commit');
        }),
      ),
    ).rejects.toThrow('connection lost');
    expect(await t.db.selectFrom('idempotencyKeys').selectAll().where('userId', '=', u.id).execute()).toEqual([]);
    const again = await idempotent(t.db, { ...req, owner: 'second' }, respond, (guard) =>
      withTx(t.db, async (tx) => {
        await guard.claim(tx);
        await guard.record(tx, 7);
        return 7;
      }),
    );
    expect(again).toEqual({ status: 200, body: { n: 7 } });
    // A third request with the key replays, running nothing.
    const third = await idempotent(t.db, { ...req, owner: 'third' }, respond, () => Promise.reject(new Error('must not run')));
    expect(third).toEqual({ status: 200, body: { n: 7 } });
  });
});

describe('every money-moving order step takes the key', () => {
  it('10 concurrent confirms with one key: one settlement, ten identical answers', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = (await placeOrder(t, buyer.token, item.id)).json;
    await t.req('POST', `/orders/${o.id}/pay`, { token: buyer.token });
    await t.req('POST', `/orders/${o.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF1234567' } });
    const headers = { 'idempotency-key': `confirm-${o.id}` };
    const rs = await Promise.all(Array.from({ length: 10 }, () => t.req('POST', `/orders/${o.id}/confirm`, { token: buyer.token, headers })));
    expect(rs.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(rs.map((r) => JSON.stringify(r.json))).size).toBe(1);
    expect(rs[0]?.json.status).toBe('completed');
    const settlements = await t.db.selectFrom('ledgerTransactions').selectAll().where('reference', '=', o.id).where('kind', '=', 'settlement').execute();
    expect(settlements).toHaveLength(1);
    await expectLedgerOk(t);
  });

  it('cancel: the replay tells the refund; another reason with the same key is refused', async () => {
    const { item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = (await placeOrder(t, buyer.token, item.id)).json;
    await t.req('POST', `/orders/${o.id}/pay`, { token: buyer.token });
    const headers = { 'idempotency-key': `cancel-${o.id}` };
    const a = await t.req('POST', `/orders/${o.id}/cancel`, { token: buyer.token, headers, body: { reason: '不想要了' } });
    const b = await t.req('POST', `/orders/${o.id}/cancel`, { token: buyer.token, headers, body: { reason: '不想要了' } });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    expect(a.json.events.map((e: { type: string }) => e.type)).toEqual(['placed', 'paid', 'cancelled', 'refunded']);
    expectProblem(await t.req('POST', `/orders/${o.id}/cancel`, { token: buyer.token, headers, body: { reason: '别的理由' } }), 422, 'idempotency_key_reused');
    await expectLedgerOk(t);
  });

  it('hand-over replays too; a refusal (wrong code) is replayed as the same problem', async () => {
    const { seller, item } = await sellerWithItem(t);
    const buyer = await t.user();
    const o = (await placeOrder(t, buyer.token, item.id, { delivery: 'pickup', address: undefined })).json;
    await t.req('POST', `/orders/${o.id}/pay`, { token: buyer.token });
    const wrong = { 'idempotency-key': `handover-wrong-${o.id}` };
    const code = o.pickupCode === '000000' ? '111111' : '000000';
    expectProblem(await t.req('POST', `/orders/${o.id}/handover`, { token: seller.token, headers: wrong, body: { pickupCode: code } }), 422, 'invalid_pickup_code');
    expectProblem(await t.req('POST', `/orders/${o.id}/handover`, { token: seller.token, headers: wrong, body: { pickupCode: code } }), 422, 'invalid_pickup_code');
    const right = { 'idempotency-key': `handover-${o.id}` };
    const h1 = await t.req('POST', `/orders/${o.id}/handover`, { token: seller.token, headers: right, body: { pickupCode: o.pickupCode } });
    const h2 = await t.req('POST', `/orders/${o.id}/handover`, { token: seller.token, headers: right, body: { pickupCode: o.pickupCode } });
    expect([h1.status, h2.status]).toEqual([200, 200]);
    expect(h2.json).toEqual(h1.json);
    expect(h1.json.status).toBe('completed');
    await expectLedgerOk(t);
  });
});
