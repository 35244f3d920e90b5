// The jury through HTTP: who is drawn (never a party or a connected member), what jurors see,
// blind votes, the majority, replacement of a juror who misses the vote, ties, the public log.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { photo } from '../items/fixtures.ts';
import { expectLedgerOk, placeOrder, wallet } from '../orders/fixtures.ts';
import { drawnJurors, jurorPool, type Member, openCase, rejectedCase, shippedOrder } from './fixtures.ts';
import { decideCase, replaceMissedJurors } from './service/jury.ts';

const t = await createTestApp();
const DAY = 86_400_000;

// Eligible members of this database: every test adds to the pool, so a draw is checked against
// membership of the pool, never against an exact set.
const pool: Member[] = [];
const token = (id: string) => pool.find((m) => m.id === id)?.token as string;

async function vote(caseId: string, userId: string, verdict: 'refund' | 'release', reason = '证据显示与描述不符') {
  return t.req('POST', `/jury/cases/${caseId}/vote`, { token: token(userId), body: { verdict, reason } });
}

describe('with too few eligible members', () => {
  it('escalation goes to operators, who decide with a recorded reason', async () => {
    const { seller, buyer, caseId } = await rejectedCase(t);
    const r = await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token });
    expect(r.json).toMatchObject({ status: 'with_operator', jury: null });
    await decideCase(t.deps, caseId, 'refund', '卖家未能提供发货凭证', 'op1');
    const after = await t.req('GET', `/after-sales/${caseId}`, { token: seller.token });
    expect(after.json).toMatchObject({ status: 'refunded', verdict: 'refund', decidedBy: 'operator', decisionReason: '卖家未能提供发货凭证' });
    const log = await t.req('GET', '/jury/log');
    expect(log.json.items[0]).toMatchObject({ id: caseId, verdict: 'refund', decidedBy: 'operator', votes: { refund: 0, release: 0 } });
    await expectLedgerOk(t);
  });
});

describe('a jury of seven', () => {
  it('never draws a party or a member connected to one; jurors see the case anonymised', async () => {
    pool.push(...(await jurorPool(t, 10)));
    const { seller, buyer, order } = await shippedOrder(t);
    // Connect three pool members to the parties: a follow, a conversation, an order.
    const [f, cv, ord] = pool.slice(0, 3) as [Member, Member, Member];
    await t.req('PUT', `/users/${buyer.id}/follow`, { token: f.token });
    await t.db.insertInto('conversations').values({ userA: [cv.id, seller.id].sort()[0] as string, userB: [cv.id, seller.id].sort()[1] as string }).execute();
    const conv = await t.db.selectFrom('conversations').select('id').where('userA', 'in', [cv.id, seller.id]).where('userB', 'in', [cv.id, seller.id]).executeTakeFirstOrThrow();
    await t.db.insertInto('conversationMembers').values([
      { conversationId: conv.id, userId: cv.id, peerId: seller.id, sortKey: conv.id },
      { conversationId: conv.id, userId: seller.id, peerId: cv.id, sortKey: conv.id },
    ]).execute();
    const it2 = await t.req('POST', '/items', { token: seller.token, body: { title: '旧书', price: 500, quantity: 2, delivery: ['pickup'], category: 'books', condition: 'like_new' } });
    expect((await placeOrder(t, ord.token, it2.json.id, { delivery: 'pickup' })).status).toBe(201);

    const ph = await photo(t, buyer.id);
    const c = await openCase(t, buyer.token, order.id, { mediaIds: [ph.id] });
    await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '完好发出' } });
    const esc = await t.req('POST', `/after-sales/${c.id}/escalate`, { token: buyer.token });
    expect(esc.json).toMatchObject({ status: 'in_jury', jury: { seats: 7, voted: 0 } });
    const drawn = await drawnJurors(t, c.id);
    expect(drawn).toHaveLength(7);
    const ids = drawn.map((d) => d.userId);
    for (const bad of [buyer.id, seller.id, f.id, cv.id, ord.id]) expect(ids).not.toContain(bad);
    for (const id of ids) expect(pool.map((m) => m.id)).toContain(id);

    const juror = drawn[0]?.userId as string;
    const duties = await t.req('GET', '/jury/cases', { token: token(juror) });
    expect(duties.json.items).toHaveLength(1);
    const seen = duties.json.items[0];
    expect(seen).toMatchObject({ id: c.id, viewer: 'juror', actions: ['vote'], sellerResponse: '完好发出', myVote: { status: 'pending', verdict: null } });
    const text = JSON.stringify(seen);
    for (const secret of [buyer.id, seller.id, buyer.username, seller.username]) expect(text).not.toContain(secret);
    // The evidence photo is visible to a juror, and to no one outside the case.
    const url = seen.evidence.buyer[0].urls.thumb;
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${token(juror)}` } })).status).toBe(200);
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${f.token}` } })).status).toBe(404);
    expect((await t.req('GET', `/after-sales/${c.id}`, { token: token(juror) })).json.viewer).toBe('juror');
    const notes = await t.req('GET', '/notifications', { token: token(juror) });
    const duty = notes.json.items.find((n: { type: string }) => n.type === 'jury_duty');
    expect(duty).toMatchObject({ actors: [], caseId: c.id });

    // Refusals: not a juror, a party, twice.
    expectProblem(await t.req('POST', `/jury/cases/${c.id}/vote`, { token: f.token, body: { verdict: 'refund', reason: 'x' } }), 403, 'not_a_juror');
    expectProblem(await t.req('POST', `/jury/cases/${c.id}/vote`, { token: buyer.token, body: { verdict: 'refund', reason: 'x' } }), 403, 'not_a_juror');
    expectProblem(await t.req('POST', `/jury/cases/${c.id}/vote`, { token: token(juror), body: { verdict: 'refund', reason: '' } }), 400, 'validation_failed');
    expect((await vote(c.id, juror, 'release', '卖家有发货视频')).status).toBe(200);
    expectProblem(await vote(c.id, juror, 'refund'), 409, 'already_voted');
    expectProblem(await t.req('POST', `/after-sales/${c.id}/accept`, { token: token(juror) }), 403, 'not_allowed');

    // Blind: the parties see how many voted, not how.
    const party = await t.req('GET', `/after-sales/${c.id}`, { token: seller.token });
    expect(party.json.jury).toEqual({ seats: 7, voted: 1 });
    expect(JSON.stringify(party.json)).not.toContain('卖家有发货视频');

    // Four refunds make the majority: the buyer is refunded, the rest are let go.
    for (const id of ids.slice(1, 5)) expect((await vote(c.id, id, 'refund')).status).toBe(200);
    const done = await t.req('GET', `/after-sales/${c.id}`, { token: buyer.token });
    expect(done.json).toMatchObject({ status: 'refunded', verdict: 'refund', decidedBy: 'jury', refund: { status: 'paid' } });
    expectProblem(await vote(c.id, ids[5] as string, 'refund'), 409, 'invalid_state');
    const final = await drawnJurors(t, c.id);
    expect(final.filter((j) => j.status === 'voted').map((j) => j.agreed).sort()).toEqual([false, true, true, true, true]);
    expect(final.filter((j) => j.status === 'dismissed')).toHaveLength(2);
    expect(await wallet(t, seller.token)).toMatchObject({ available: 0, pending: 0 });

    const log = await t.req('GET', '/jury/log');
    const entry = log.json.items.find((e: { id: string }) => e.id === c.id);
    expect(entry).toMatchObject({ verdict: 'refund', status: 'refunded', decidedBy: 'jury', votes: { refund: 4, release: 1 }, amount: 3600, reason: 'not_as_described' });
    expect(JSON.stringify(log.json)).not.toContain(seller.id);
    await expectLedgerOk(t);
  });

  it('replaces a juror who misses the 48 hours; the replacement votes', async () => {
    const { seller, buyer, caseId } = await rejectedCase(t);
    await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token });
    const first = await drawnJurors(t, caseId);
    expect(first).toHaveLength(7);
    // Six vote in time (3–3), one does not.
    const ids = first.map((j) => j.userId);
    for (const [i, id] of ids.slice(0, 6).entries()) expect((await vote(caseId, id, i % 2 ? 'refund' : 'release')).status).toBe(200);
    t.clock.advance(2 * DAY + 60_000);
    expectProblem(await vote(caseId, ids[6] as string, 'refund'), 409, 'window_passed');
    expect(await replaceMissedJurors(t.deps)).toBe(1);
    t.clock.advance(-2 * DAY - 60_000);
    const now = await drawnJurors(t, caseId);
    expect(now.find((j) => j.userId === ids[6])?.status).toBe('missed');
    const fresh = now.filter((j) => j.status === 'pending');
    expect(fresh).toHaveLength(1);
    expect(ids).not.toContain(fresh[0]?.userId);
    expectProblem(await vote(caseId, ids[6] as string, 'refund'), 403, 'not_a_juror');
    const party = await t.req('GET', `/after-sales/${caseId}`, { token: seller.token });
    expect(party.json.events.map((e: { type: string }) => e.type)).toContain('jurors_replaced');
    // The replacement decides: 4 release.
    expect((await vote(caseId, fresh[0]?.userId as string, 'release')).status).toBe(200);
    const done = await t.req('GET', `/after-sales/${caseId}`, { token: seller.token });
    expect(done.json).toMatchObject({ status: 'released', verdict: 'release', decidedBy: 'jury' });
    expect((await t.req('GET', `/orders/${done.json.orderId}`, { token: seller.token })).json.status).toBe('completed');
    expect((await wallet(t, seller.token)).available).toBe(3578);
    await expectLedgerOk(t);
  });

  it('an operator may override a sitting jury', async () => {
    const { seller, buyer, caseId } = await rejectedCase(t);
    await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token });
    await decideCase(t.deps, caseId, 'release', '有完整开箱视频', 'op2');
    expect((await t.req('GET', `/after-sales/${caseId}`, { token: seller.token })).json).toMatchObject({ status: 'released', decidedBy: 'operator' });
    expect((await drawnJurors(t, caseId, 'pending'))).toHaveLength(0);
    await expectLedgerOk(t);
  });
});
