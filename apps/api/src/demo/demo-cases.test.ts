// The demo's after-sale cases, made through the real services: one refunded by its seller, one
// decided by a jury the real draw seated from demo members (never connected to the parties), one
// waiting for the seller; the refunds are in the ledger, the decision in the public case log.
// And a reservation deposit (定金托管) in progress.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { escrowAccount, GATEWAY } from '../modules/ledger/accounts.ts';
import { verifyLedger } from '../modules/ledger/verify.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

const t = await createTestApp();

async function caseOf(buyer: string) {
  return t.db
    .selectFrom('afterSales').innerJoin('users', 'users.id', 'afterSales.buyerId').innerJoin('orders', 'orders.id', 'afterSales.orderId')
    .selectAll('afterSales').select(['orders.status as orderStatus', 'orders.total', 'orders.itemSnapshot'])
    .where('users.username', '=', buyer).executeTakeFirstOrThrow();
}

const signIn = async (username: string) =>
  (await t.req('POST', '/auth/login', { body: { username, password: DEMO_PASSWORD } })).json.token as string;

const postingsOf = (kind: string, reference: string) =>
  t.db
    .selectFrom('ledgerPostings').innerJoin('ledgerTransactions', 'ledgerTransactions.id', 'ledgerPostings.transactionId')
    .select(['fromAccount', 'toAccount', 'amount']).where('kind', '=', kind).where('reference', '=', reference).orderBy('ledgerPostings.id').execute();

describe('demo cases', () => {
  it('has a refunded case, a jury decision in the case log, an open case, and a ledger that verifies', { timeout: 120_000 }, async () => {
    const seeded = await seedDemo(t.deps);
    expect(seeded.cases).toBe(3);
    expect(seeded.reservations).toBe(1);

    // Refunded: the standee arrived broken, the seller accepted; the money went back through the gateway.
    const refunded = await caseOf('zhou_cos');
    expect(refunded).toMatchObject({ status: 'refunded', reason: 'damaged', refundStatus: 'paid', orderStatus: 'refunded', amount: refunded.total });
    expect((refunded.itemSnapshot as { title: string }).title).toBe('咒术回战 亚克力立牌');
    // The whole amount left escrow for the refund clearing account, then for the gateway (the buyer's card).
    const booked = await postingsOf('case_refund', refunded.id);
    expect(booked.filter((x) => x.toAccount === 'clearing:refunds')).toEqual([{ fromAccount: escrowAccount(refunded.orderId), toAccount: 'clearing:refunds', amount: refunded.total }]);
    expect(await postingsOf('case_refund_paid', refunded.id)).toEqual([{ fromAccount: 'clearing:refunds', toAccount: GATEWAY, amount: refunded.total }]);
    expect((await t.db.selectFrom('ledgerTransactions').select('id').where('kind', '=', 'settlement').where('reference', '=', refunded.orderId).execute())).toEqual([]);
    const zhou = await signIn('zhou_cos');
    const seen = (await t.req('GET', `/after-sales/${refunded.id}`, { token: zhou })).json;
    expect(seen.events.map((e: { type: string }) => e.type)).toEqual(['opened', 'accepted', 'refunded']);
    expect(seen.evidence.buyer).toHaveLength(2);
    expect(seen.refund).toMatchObject({ status: 'paid' });

    // Decided by a jury: the mouse case, rejected by the seller with their own photos, escalated.
    const judged = await caseOf('wu_campus');
    expect(judged).toMatchObject({ status: 'released', verdict: 'release', decidedBy: 'jury', orderStatus: 'completed', reason: 'not_as_described' });
    const jurors = await t.db.selectFrom('afterSaleJurors').selectAll().where('caseId', '=', judged.id).execute();
    expect(jurors).toHaveLength(t.deps.config.jurySize);
    const voted = jurors.filter((j) => j.status === 'voted');
    expect(voted.map((j) => j.verdict).sort()).toEqual(['refund', 'release', 'release', 'release', 'release']);
    expect(jurors.filter((j) => j.status === 'dismissed')).toHaveLength(jurors.length - voted.length);
    for (const j of voted) {
      expect(j.reason?.length).toBeGreaterThan(10);
      expect(j.agreed).toBe(j.verdict === 'release');
    }
    // Every juror is eligible: verified, stored credit ≥ 700, no order, conversation or follow with either party.
    const ids = jurors.map((j) => j.userId);
    const parties = [judged.buyerId, judged.sellerId];
    const links = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM orders WHERE (buyer_id = ANY(${ids}) AND seller_id = ANY(${parties})) OR (seller_id = ANY(${ids}) AND buyer_id = ANY(${parties}))
        UNION ALL SELECT 1 FROM conversation_members WHERE user_id = ANY(${ids}) AND peer_id = ANY(${parties})
        UNION ALL SELECT 1 FROM follows WHERE (follower_id = ANY(${ids}) AND followee_id = ANY(${parties})) OR (followee_id = ANY(${ids}) AND follower_id = ANY(${parties}))
      ) x`.execute(t.db);
    expect(links.rows[0]?.n).toBe(0);
    const eligible = await t.db.selectFrom('users').innerJoin('creditScores', 'creditScores.userId', 'users.id')
      .select('users.id').where('users.id', 'in', ids).where('users.verifiedAt', 'is not', null).where('creditScores.score', '>=', 700).execute();
    expect(eligible).toHaveLength(ids.length);
    // The order settled to the seller; nothing was refunded.
    expect(await t.db.selectFrom('ledgerTransactions').select('kind').where('reference', '=', judged.id).execute()).toEqual([]);
    expect(await postingsOf('settlement', judged.orderId)).not.toEqual([]);
    const wu = await signIn('wu_campus');
    const judgedSeen = (await t.req('GET', `/after-sales/${judged.id}`, { token: wu })).json;
    expect(judgedSeen.events.map((e: { type: string }) => e.type)).toEqual(['opened', 'rejected', 'escalated', 'decided', 'released']);
    expect(judgedSeen.evidence.buyer).toHaveLength(2);
    expect(judgedSeen.evidence.seller).toHaveLength(2);
    expect(judgedSeen.sellerResponse).toContain('发货前');
    // A juror finds the case in their inbox with their own vote.
    const oneJuror = await t.db.selectFrom('users').select('username').where('id', '=', voted[0]?.userId as string).executeTakeFirstOrThrow();
    const inbox = (await t.req('GET', '/jury/cases', { token: await signIn(oneJuror.username) })).json.items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: judged.id, viewer: 'juror', myVote: { status: 'voted', reason: voted[0]?.reason } });

    // The public case log shows the decision, anonymised, with the vote count.
    const log = await t.req('GET', '/jury/log');
    expect(log.status).toBe(200);
    expect(log.json.items).toEqual([
      expect.objectContaining({ id: judged.id, title: '罗技 MX Master 3 鼠标', reason: 'not_as_described', verdict: 'release', decidedBy: 'jury', status: 'released', votes: { refund: 1, release: 4 } }),
    ]);
    expect(JSON.stringify(log.json)).not.toMatch(/wu_campus|zhao_lei|吴同学|赵磊/);

    // Open: the suspected counterfeit serum waits for the seller, the 48 h clock running.
    const open = await caseOf('lin_xiaoyu');
    expect(open).toMatchObject({ status: 'open', reason: 'counterfeit', returnItem: true, orderStatus: 'refunding', escrowHeld: true });
    const hours = ((open.deadlineAt as Date).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThanOrEqual(48);
    const sunSees = (await t.req('GET', `/after-sales/${open.id}`, { token: await signIn('sun_yue') })).json;
    expect(sunSees.actions.sort()).toEqual(['accept', 'reject']);
    expect(sunSees.evidence.buyer).toHaveLength(2);

    expect((await verifyLedger(t.db)).violations).toEqual([]);

    // Seeding again adds nothing.
    const count = async () => [
      (await t.db.selectFrom('afterSales').select('id').execute()).length,
      (await t.db.selectFrom('afterSaleJurors').select('caseId').execute()).length,
      (await t.db.selectFrom('media').select('id').execute()).length,
      (await t.db.selectFrom('ledgerTransactions').select('id').execute()).length,
      (await t.db.selectFrom('users').select('id').execute()).length,
    ];
    const before = await count();
    expect(await seedDemo(t.deps)).toMatchObject({ cases: 0, reservations: 0 });
    expect(await count()).toEqual(before);
  });

  it('has a reservation in progress: the deposit in escrow, the item held for the buyer', async () => {
    const o = await t.db
      .selectFrom('orders').innerJoin('users', 'users.id', 'orders.buyerId')
      .select(['orders.id', 'orders.status', 'orders.deposit', 'orders.total', 'orders.delivery', 'orders.reservedUntil', 'orders.itemId', 'orders.itemSnapshot'])
      .where('users.username', '=', 'chen_mo').where('orders.deposit', 'is not', null).executeTakeFirstOrThrow();
    expect(o).toMatchObject({ status: 'reserved', deposit: 10000, delivery: 'pickup' });
    expect((o.itemSnapshot as { title: string }).title).toBe('IKEA 餐桌 + 4 把椅子 dining set');
    expect(o.deposit as number).toBeLessThanOrEqual(o.total * 0.3);
    const hours = ((o.reservedUntil as Date).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(t.deps.config.reservationHours - 1);
    expect(hours).toBeLessThanOrEqual(t.deps.config.reservationHours);
    expect(await postingsOf('deposit_hold', o.id)).toEqual([{ fromAccount: GATEWAY, toAccount: escrowAccount(o.id), amount: 10000 }]);
    const item = await t.db.selectFrom('items').select(['available', 'status']).where('id', '=', o.itemId).executeTakeFirstOrThrow();
    expect(item.available).toBe(0);
    // The buyer sees what is left to pay at the hand-over.
    const seen = await t.req('GET', `/orders/${o.id}`, { token: await signIn('chen_mo') });
    expect(seen.json).toMatchObject({ status: 'reserved', deposit: 10000 });
  });
});
