import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { withTx } from '../../db/index.ts';
import { GATEWAY, PLATFORM_FEES, escrowAccount, memberAccount } from './accounts.ts';
import { sandboxPayouts } from './payouts.ts';
import { AlreadyPosted, InsufficientFunds, balanceOf, postTransaction } from './post.ts';
import { verifyLedger } from './verify.ts';

const payouts = sandboxPayouts({ decline: ({ amount }) => (amount === 4321 ? 'account_closed' : null) });
const t = await createTestApp({}, { providers: { payouts } });

/** Puts money in a member's available balance the way a settlement would. */
async function fund(userId: string, amount: number, ref = `fund-${userId}-${Math.random()}`) {
  await withTx(t.db, (tx) =>
    postTransaction(tx, { kind: 'adjustment', reference: ref, postings: [{ from: GATEWAY, to: memberAccount(userId), amount }] }),
  );
}

async function expectLedgerOk() {
  const { violations } = await verifyLedger(t.db);
  expect(violations).toEqual([]);
}

describe('double-entry postings', () => {
  it('moves money between accounts, keeping the sum at zero', async () => {
    const u = await t.user();
    await withTx(t.db, (tx) =>
      postTransaction(tx, {
        kind: 'payment',
        reference: 'order-a',
        postings: [{ from: GATEWAY, to: escrowAccount('order-a'), amount: 3600 }],
      }),
    );
    await withTx(t.db, (tx) =>
      postTransaction(tx, {
        kind: 'settlement',
        reference: 'order-a',
        postings: [
          { from: escrowAccount('order-a'), to: memberAccount(u.id), amount: 3578 },
          { from: escrowAccount('order-a'), to: PLATFORM_FEES, amount: 22 },
        ],
      }),
    );
    expect(await balanceOf(t.db, escrowAccount('order-a'))).toBe(0);
    expect(await balanceOf(t.db, memberAccount(u.id))).toBe(3578);
    expect(await balanceOf(t.db, PLATFORM_FEES)).toBe(22);
    await expectLedgerOk();
  });

  it('settles an order at most once; the duplicate writes nothing', async () => {
    const u = await t.user();
    await withTx(t.db, (tx) =>
      postTransaction(tx, { kind: 'payment', reference: 'order-b', postings: [{ from: GATEWAY, to: escrowAccount('order-b'), amount: 1000 }] }),
    );
    const settle = () =>
      withTx(t.db, (tx) =>
        postTransaction(tx, { kind: 'settlement', reference: 'order-b', postings: [{ from: escrowAccount('order-b'), to: memberAccount(u.id), amount: 500 }] }),
      );
    await settle();
    await expect(settle()).rejects.toBeInstanceOf(AlreadyPosted);
    expect(await balanceOf(t.db, memberAccount(u.id))).toBe(500);
    await expectLedgerOk();
  });

  it('never lets a member or escrow balance go below zero, and writes nothing when refused', async () => {
    const u = await t.user();
    await fund(u.id, 100);
    const before = await t.db.selectFrom('ledgerPostings').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await expect(
      withTx(t.db, (tx) =>
        postTransaction(tx, { kind: 'adjustment', reference: 'overdraw', postings: [{ from: memberAccount(u.id), to: PLATFORM_FEES, amount: 101 }] }),
      ),
    ).rejects.toBeInstanceOf(InsufficientFunds);
    const after = await t.db.selectFrom('ledgerPostings').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await balanceOf(t.db, memberAccount(u.id))).toBe(100);
  });

  it('refuses to update or delete a posting', async () => {
    await expect(sql`UPDATE ledger_postings SET amount = amount + 1`.execute(t.db)).rejects.toThrow(/never updated/);
    await expect(sql`DELETE FROM ledger_postings`.execute(t.db)).rejects.toThrow(/never updated/);
  });

  it('refuses floats and negative amounts', async () => {
    await expect(
      withTx(t.db, (tx) => postTransaction(tx, { kind: 'adjustment', reference: 'f', postings: [{ from: GATEWAY, to: PLATFORM_FEES, amount: 1.5 }] })),
    ).rejects.toThrow(RangeError);
    await expect(
      withTx(t.db, (tx) => postTransaction(tx, { kind: 'adjustment', reference: 'n', postings: [{ from: GATEWAY, to: PLATFORM_FEES, amount: -5 }] })),
    ).rejects.toThrow(RangeError);
  });
});

describe('withdrawals', () => {
  it('pays out through the provider and shows in wallet and statement', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 2500 } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ amount: 2500, status: 'paid' });
    expect(payouts.sent.get(r.json.id)).toBe(2500);
    const w = await t.req('GET', '/wallet', { token: u.token });
    expect(w.json).toEqual({ available: 7500, pending: 0, withdrawn: 2500, processing: 0 });
    const entries = await t.req('GET', '/wallet/entries', { token: u.token });
    expect(entries.json.items.map((e: { amount: number; kind: string }) => [e.amount, e.kind])).toEqual([
      [-2500, 'withdrawal'],
      [10_000, 'adjustment'],
    ]);
    await expectLedgerOk();
  });

  it('refuses less than ¥1 and more than available, changing nothing', async () => {
    const u = await t.user();
    await fund(u.id, 500);
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 99 } }), 422, 'amount_below_minimum');
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 501 } }), 422, 'insufficient_funds');
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 10.5 } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: '100' } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', '/wallet/withdrawals', { body: { amount: 100 } }), 401, 'unauthenticated');
    expect((await t.req('GET', '/wallet', { token: u.token })).json.available).toBe(500);
    const rows = await t.db.selectFrom('withdrawals').selectAll().where('userId', '=', u.id).execute();
    expect(rows).toEqual([]);
  });

  it('gives the money back when the provider declines', async () => {
    const u = await t.user();
    await fund(u.id, 5000);
    const r = await t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 4321 } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'failed', failureReason: 'account_closed' });
    expect((await t.req('GET', '/wallet', { token: u.token })).json).toEqual({ available: 5000, pending: 0, withdrawn: 0, processing: 0 });
    await expectLedgerOk();
  });

  it('lets exactly one of 10 concurrent withdrawals of 60% through', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.req('POST', '/wallet/withdrawals', { token: u.token, body: { amount: 6000 } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422 && r.json.code === 'insufficient_funds')).toHaveLength(9);
    expect((await t.req('GET', '/wallet', { token: u.token })).json).toEqual({ available: 4000, pending: 0, withdrawn: 6000, processing: 0 });
    await expectLedgerOk();
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    const headers = { 'idempotency-key': 'wd-1' };
    const a = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1000 } });
    const b = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1000 } });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect((await t.req('GET', '/wallet', { token: u.token })).json.available).toBe(9000);
  });

  it('refuses the same key with a different body', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    const headers = { 'idempotency-key': 'wd-2' };
    await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 1000 } });
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 2000 } }), 422, 'idempotency_key_reused');
    expect((await t.req('GET', '/wallet', { token: u.token })).json.available).toBe(9000);
  });

  it('runs 15 concurrent duplicates once', async () => {
    const u = await t.user();
    await fund(u.id, 10_000);
    const headers = { 'idempotency-key': 'wd-burst' };
    const rs = await Promise.all(
      Array.from({ length: 15 }, () => t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 700 } })),
    );
    expect(rs.every((r) => r.status === 201)).toBe(true);
    expect(new Set(rs.map((r) => r.json.id)).size).toBe(1);
    expect((await t.req('GET', '/wallet', { token: u.token })).json).toEqual({ available: 9300, pending: 0, withdrawn: 700, processing: 0 });
    await expectLedgerOk();
  });

  it('keys are per member: another member may use the same key', async () => {
    const [a, b] = [await t.user(), await t.user()];
    await fund(a.id, 1000);
    await fund(b.id, 1000);
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await t.req('POST', '/wallet/withdrawals', { token: a.token, headers, body: { amount: 100 } })).status).toBe(201);
    expect((await t.req('POST', '/wallet/withdrawals', { token: b.token, headers, body: { amount: 100 } })).status).toBe(201);
  });

  it('replays a refusal too', async () => {
    const u = await t.user();
    const headers = { 'idempotency-key': 'wd-poor' };
    expectProblem(await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 100 } }), 422, 'insufficient_funds');
    await fund(u.id, 1000);
    const again = await t.req('POST', '/wallet/withdrawals', { token: u.token, headers, body: { amount: 100 } });
    expect(again.status).toBe(422);
    expect(again.json.code).toBe('insufficient_funds');
  });
});

describe('statement paging and ledger:verify', () => {
  it('walks every entry once across pages', async () => {
    const u = await t.user();
    for (let i = 1; i <= 7; i++) await fund(u.id, i * 100);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r = await t.req('GET', `/wallet/entries?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: u.token });
      expect(r.status).toBe(200);
      seen.push(...r.json.items.map((e: { amount: number }) => e.amount));
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual([700, 600, 500, 400, 300, 200, 100]);
  });

  it('detects a balance that no longer matches its postings', async () => {
    const u = await t.user();
    await fund(u.id, 100);
    await sql`UPDATE ledger_accounts SET balance = balance + 1 WHERE id = ${memberAccount(u.id)}`.execute(t.db);
    const { violations } = await verifyLedger(t.db);
    expect(violations.map((v) => v.check)).toEqual(expect.arrayContaining(['sum_zero', 'balance_matches_postings']));
    await sql`UPDATE ledger_accounts SET balance = balance - 1 WHERE id = ${memberAccount(u.id)}`.execute(t.db);
    await expectLedgerOk();
  });
});
