// Settings of the after-sale clocks, the jury, trust and safety and the wallet, changed through
// PATCH /admin/settings and in effect at once, without a restart. A case's deadline and a
// juror's deadline are written when the step starts: a change applies to later steps.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { completedOrder, jurorPool, openCase, rejectedCase, shippedOrder } from '../aftersale/fixtures.ts';
import { sellerWithItem } from '../orders/fixtures.ts';
import { itemBody } from '../items/fixtures.ts';
import { changeSettings, staff } from './fixtures.ts';

const t = await createTestApp({ JURY_SIZE: '3' });
const admin = await staff(t, 'admin');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let moved = 0;
const advance = (ms: number) => {
  moved += ms;
  t.clock.advance(ms);
};
afterEach(() => {
  t.clock.advance(-moved);
  moved = 0;
});
const until = (iso: string) => new Date(iso).getTime() - t.clock.now().getTime();
const kase = (id: string, token: string) => t.req('GET', `/after-sales/${id}`, { token });

describe('after-sale and jury settings', () => {
  it('caseSellerAnswerHours / caseEscalationDays: new cases and steps get the new clock, an open case keeps its deadline', async () => {
    const a = await shippedOrder(t);
    const before = await openCase(t, a.buyer.token, a.order.id);
    await changeSettings(t, admin, { caseSellerAnswerHours: 6, caseEscalationDays: 1 });
    const b = await shippedOrder(t);
    const after = await openCase(t, b.buyer.token, b.order.id);
    expect(until((await kase(before.id, a.buyer.token)).json.deadlineAt)).toBeGreaterThan(47 * HOUR);
    const d = until((await kase(after.id, b.buyer.token)).json.deadlineAt);
    expect(d).toBeGreaterThan(5 * HOUR);
    expect(d).toBeLessThanOrEqual(6 * HOUR);
    const rej = await t.req('POST', `/after-sales/${after.id}/reject`, { token: b.seller.token, body: { description: '发货前检查过，完好无损' } });
    expect(rej.status, rej.text).toBe(200);
    const e = until((await kase(after.id, b.buyer.token)).json.deadlineAt);
    expect(e).toBeGreaterThan(DAY - 60_000);
    expect(e).toBeLessThanOrEqual(DAY);
    await changeSettings(t, admin, { caseSellerAnswerHours: null, caseEscalationDays: null });
  });

  it('caseBuyerReturnDays / caseSellerReceiptDays are the clocks of a return', async () => {
    await changeSettings(t, admin, { caseBuyerReturnDays: 2, caseSellerReceiptDays: 4 });
    const r = await shippedOrder(t);
    const c = await openCase(t, r.buyer.token, r.order.id, { returnItem: true });
    const acc = await t.req('POST', `/after-sales/${c.id}/accept`, { token: r.seller.token });
    expect(acc.json.status, acc.text).toBe('awaiting_return');
    const d = until(acc.json.deadlineAt);
    expect(d).toBeGreaterThan(2 * DAY - 60_000);
    expect(d).toBeLessThanOrEqual(2 * DAY);
    const ret = await t.req('POST', `/after-sales/${c.id}/return`, { token: r.buyer.token, body: { carrier: '顺丰', trackingNumber: 'SF99887766' } });
    expect(ret.json.status, ret.text).toBe('returning');
    const e = until(ret.json.deadlineAt);
    expect(e).toBeGreaterThan(4 * DAY - 60_000);
    expect(e).toBeLessThanOrEqual(4 * DAY);
    await changeSettings(t, admin, { caseBuyerReturnDays: null, caseSellerReceiptDays: null });
  });

  it('jurySize and juryVoteHours: an escalation after the change seats that many jurors with that long to vote', async () => {
    await jurorPool(t, 4);
    await changeSettings(t, admin, { jurySize: 2, juryVoteHours: 12 });
    const { buyer, caseId } = await rejectedCase(t);
    const esc = await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token });
    expect(esc.json.status, esc.text).toBe('in_jury');
    const seats = await t.db.selectFrom('afterSaleJurors').select('dueAt').where('caseId', '=', caseId).execute();
    expect(seats).toHaveLength(2);
    for (const s of seats) {
      expect(until(s.dueAt.toISOString())).toBeGreaterThan(12 * HOUR - 60_000);
      expect(until(s.dueAt.toISOString())).toBeLessThanOrEqual(12 * HOUR);
    }
    await changeSettings(t, admin, { jurySize: null, juryVoteHours: null });
  });
});

describe('trust and safety settings', () => {
  it('reviewWindowDays: the window closes after the set days', async () => {
    const { buyer, order } = await completedOrder(t);
    await changeSettings(t, admin, { reviewWindowDays: 2 });
    advance(3 * DAY);
    const late = await t.req('POST', `/orders/${order.id}/review`, { token: buyer.token, body: { rating: 5 } });
    expectProblem(late, 422, 'review_window_closed');
    await changeSettings(t, admin, { reviewWindowDays: 30 });
    expect((await t.req('POST', `/orders/${order.id}/review`, { token: buyer.token, body: { rating: 5 } })).status).toBe(201);
    await changeSettings(t, admin, { reviewWindowDays: null });
  });

  it('repeatOffenderFlagsPerDay: a member past the set number of flagged writes is limited', async () => {
    const { seller, item } = await sellerWithItem(t);
    const scammer = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: scammer.token, body: { peerId: seller.id, itemId: item.id } })).json;
    const send = (text: string) => t.req('POST', `/conversations/${conv.id}/messages`, { token: scammer.token, body: { text } });
    await changeSettings(t, admin, { repeatOffenderFlagsPerDay: 1 });
    expect((await send('加我微信 abc12345 细聊')).status).toBe(201);
    expect((await send('加V私聊 13800138100')).status).toBe(201);
    expectProblem(await send('先付定金 200 到我支付宝'), 429, 'sending_limited');
    await changeSettings(t, admin, { repeatOffenderFlagsPerDay: 10 });
    expect((await send('先付定金 200 到我支付宝')).status).toBe(201);
    await changeSettings(t, admin, { repeatOffenderFlagsPerDay: null });
  });

  it('proSellerListingsPerDay: a flagged seller may list the set number a day', async () => {
    const seller = await t.user({ verified: true, ageDays: 400 });
    await t.db.insertInto('sellerFlags').values({ userId: seller.id, status: 'flagged', signals: sql`'[]'::jsonb`, flaggedAt: new Date(), evaluatedAt: new Date() }).execute();
    await changeSettings(t, admin, { proSellerListingsPerDay: 1 });
    expect((await t.req('POST', '/items', { token: seller.token, body: itemBody() })).status).toBe(201);
    expectProblem(await t.req('POST', '/items', { token: seller.token, body: itemBody() }), 429, 'listing_limited');
    expect((await t.req('GET', '/me/seller-status', { token: seller.token })).json.listingsPerDay).toBe(1);
    await changeSettings(t, admin, { proSellerListingsPerDay: 2 });
    expect((await t.req('POST', '/items', { token: seller.token, body: itemBody() })).status).toBe(201);
    await changeSettings(t, admin, { proSellerListingsPerDay: null });
  });

  it('coldMessages: a stranger may send the set number of messages before a reply', async () => {
    const a = await t.user();
    const b = await t.user();
    const conv = (await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } })).json;
    const send = (i: number) => t.req('POST', `/conversations/${conv.id}/messages`, { token: a.token, body: { text: `你好 ${i}` } });
    expect((await send(0)).status).toBe(201);
    expectProblem(await send(1), 403, 'cold_message_limit');
    await changeSettings(t, admin, { coldMessages: 3 });
    expect((await send(1)).status).toBe(201);
    expect((await send(2)).status).toBe(201);
    expectProblem(await send(3), 403, 'cold_message_limit');
    await changeSettings(t, admin, { coldMessages: null });
  });
});

describe('wallet settings', () => {
  it('minWithdrawal: the smallest withdrawal follows the setting', async () => {
    const { seller } = await completedOrder(t);
    expect((await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 100 } })).status).toBe(201);
    await changeSettings(t, admin, { minWithdrawal: 500 });
    const small = await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 499 } });
    expectProblem(small, 422, 'amount_below_minimum');
    expect(small.json.min).toBe(500);
    expect((await t.req('POST', '/wallet/withdrawals', { token: seller.token, body: { amount: 500 } })).status).toBe(201);
    await changeSettings(t, admin, { minWithdrawal: null });
  });
});
