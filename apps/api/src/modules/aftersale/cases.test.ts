// Case steps through HTTP: each transition, and every refusal (wrong party, wrong state,
// window passed, a second open case).
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { photo } from '../items/fixtures.ts';
import { dispatchOrderEvents } from '../chat/order-cards.ts';
import { escrowAccount } from '../ledger/accounts.ts';
import { accountBalance, expectLedgerOk, wallet } from '../orders/fixtures.ts';
import { caseBody, completedOrder, openCase, paidOrder, rejectedCase, shippedOrder } from './fixtures.ts';

const t = await createTestApp();
const DAY = 86_400_000;

describe('opening a case', () => {
  it('holds the escrow: the order is refunding, confirm answers case_open, the seller is told', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const ph = await photo(t, buyer.id);
    const r = await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody({ mediaIds: [ph.id], returnItem: true }) });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ orderId: order.id, status: 'open', reason: 'not_as_described', amount: 3600, returnItem: true, viewer: 'buyer', actions: ['withdraw'], verdict: null });
    expect(r.json.evidence.buyer.map((p: { id: string }) => p.id)).toEqual([ph.id]);
    expect(new Date(r.json.deadlineAt).getTime() - new Date(r.json.createdAt).getTime()).toBe(2 * DAY);
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual(['opened']);

    const o = await t.req('GET', `/orders/${order.id}`, { token: seller.token });
    expect(o.json.status).toBe('refunding');
    expect(o.json.events.map((e: { type: string }) => e.type)).toContain('after_sale_opened');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(3600);
    expectProblem(await t.req('POST', `/orders/${order.id}/confirm`, { token: buyer.token }), 409, 'case_open');

    const seen = await t.req('GET', `/after-sales/${r.json.id}`, { token: seller.token });
    expect(seen.json).toMatchObject({ viewer: 'seller', actions: ['accept', 'reject'] });
    // The buyer's evidence photo: the seller may see it, a stranger may not.
    const url = seen.json.evidence.buyer[0].urls.thumb;
    const stranger = await t.user();
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${seller.token}` } })).status).toBe(200);
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expectProblem(await t.req('GET', `/after-sales/${r.json.id}`, { token: stranger.token }), 404, 'not_found');
    // Operators (moderators and admins) see every case and its evidence; they take no party's step.
    const op = await t.user();
    await t.db.updateTable('users').set({ role: 'moderator' }).where('id', '=', op.id).execute();
    expect((await t.req('GET', `/after-sales/${r.json.id}`, { token: op.token })).json).toMatchObject({ viewer: 'operator', actions: [] });
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${op.token}` } })).status).toBe(200);
    expectProblem(await t.req('POST', `/after-sales/${r.json.id}/accept`, { token: op.token }), 403, 'not_allowed');

    const notes = await t.req('GET', '/notifications', { token: seller.token });
    expect(notes.json.items.map((n: { type: string }) => n.type)).toContain('aftersale_opened');
    await expectLedgerOk(t);
  });

  it('refuses the seller, strangers, unpaid orders, a second case and a bad amount', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: seller.token, body: caseBody() }), 403, 'not_allowed');
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: (await t.user()).token, body: caseBody() }), 404, 'not_found');
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody({ amount: 3601 }) }), 422, 'invalid_amount');
    const foreign = await photo(t, seller.id);
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody({ mediaIds: [foreign.id] }) }), 422, 'invalid_media');
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: { reason: 'bored', description: 'x' } }), 400, 'validation_failed');
    await openCase(t, buyer.token, order.id);
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody() }), 409, 'case_open');

    const paid = await paidOrder(t);
    expectProblem(await t.req('POST', `/orders/${paid.order.id}/after-sale`, { token: paid.buyer.token, body: caseBody() }), 409, 'invalid_state');
  });

  it('on a completed order only within AFTER_SALE_DAYS', async () => {
    const late = await completedOrder(t);
    const ok = await completedOrder(t);
    t.clock.advance(7 * DAY + 60_000);
    expectProblem(await t.req('POST', `/orders/${late.order.id}/after-sale`, { token: late.buyer.token, body: caseBody() }), 409, 'window_passed');
    const info = await t.req('GET', `/orders/${late.order.id}/after-sale`, { token: late.buyer.token });
    expect(info.json).toMatchObject({ case: null, canOpen: false });
    t.clock.advance(-7 * DAY - 60_000);
    expect((await t.req('GET', `/orders/${ok.order.id}/after-sale`, { token: ok.buyer.token })).json.canOpen).toBe(true);
    expect((await t.req('GET', `/orders/${ok.order.id}/after-sale`, { token: ok.seller.token })).json.canOpen).toBe(false);
    await openCase(t, ok.buyer.token, ok.order.id);
  });
});

describe('the pair\'s chat', () => {
  it('gets a card for each step', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '完好发出' } });
    while ((await dispatchOrderEvents(t.deps)) > 0) {}
    const convs = await t.req('GET', '/conversations', { token: buyer.token });
    const conv = convs.json.items.find((x: { peer?: { id: string } }) => x.peer?.id === seller.id) ?? convs.json.items[0];
    const msgs = await t.req('GET', `/conversations/${conv.id}/messages`, { token: buyer.token });
    const events = msgs.json.items.filter((m: { kind: string }) => m.kind === 'order').map((m: { order: { event: string } }) => m.order.event);
    expect(events).toEqual(expect.arrayContaining(['after_sale_opened', 'after_sale_rejected']));
  });
});

describe('the seller answers', () => {
  it('accepting refunds the buyer in full through the gateway', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/accept`, { token: buyer.token }), 403, 'not_allowed');
    const r = await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'refunded', actions: [] });
    expect(r.json.events.map((e: { type: string }) => e.type)).toEqual(['opened', 'accepted', 'refunded']);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token }), 409, 'invalid_state');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('refunded');
    expect(await accountBalance(t, escrowAccount(order.id))).toBe(0);
    expect(await wallet(t, seller.token)).toMatchObject({ available: 0, pending: 0 });
    await expectLedgerOk(t);
    const row = await t.db.selectFrom('afterSales').select(['refundStatus', 'refundRef']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.refundStatus).toBe('paid');
    // A decided case is final.
    expectProblem(await t.req('POST', `/orders/${order.id}/after-sale`, { token: buyer.token, body: caseBody() }), 409, 'case_closed');
  });

  it('with the item going back: awaiting_return → returning → received → refunded', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id, { returnItem: true });
    expect((await t.req('POST', `/after-sales/${c.id}/accept`, { token: seller.token })).json.status).toBe('awaiting_return');
    expectProblem(await t.req('POST', `/after-sales/${c.id}/received`, { token: seller.token }), 409, 'invalid_state');
    const back = { carrier: '中通', trackingNumber: 'ZT998877' };
    expectProblem(await t.req('POST', `/after-sales/${c.id}/return`, { token: seller.token, body: back }), 403, 'not_allowed');
    const ret = await t.req('POST', `/after-sales/${c.id}/return`, { token: buyer.token, body: back });
    expect(ret.json).toMatchObject({ status: 'returning', returnCarrier: '中通', returnTrackingNumber: 'ZT998877' });
    expectProblem(await t.req('POST', `/after-sales/${c.id}/withdraw`, { token: buyer.token }), 409, 'invalid_state');
    expectProblem(await t.req('POST', `/after-sales/${c.id}/received`, { token: buyer.token }), 403, 'not_allowed');
    const got = await t.req('POST', `/after-sales/${c.id}/received`, { token: seller.token });
    expect(got.json.status).toBe('refunded');
    await expectLedgerOk(t);
  });

  it('rejecting needs a description; the buyer may then escalate or withdraw', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '' } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', `/after-sales/${c.id}/reject`, { token: buyer.token, body: { description: '不' } }), 403, 'not_allowed');
    const ph = await photo(t, seller.id);
    const r = await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '发货视频为证', mediaIds: [ph.id] } });
    expect(r.json).toMatchObject({ status: 'rejected', sellerResponse: '发货视频为证' });
    expect(r.json.evidence.seller).toHaveLength(1);
    const left = new Date(r.json.deadlineAt).getTime() - t.clock.now().getTime();
    expect(left).toBeGreaterThan(3 * DAY - 60_000);
    expect(left).toBeLessThanOrEqual(3 * DAY);
    const b = await t.req('GET', `/after-sales/${c.id}`, { token: buyer.token });
    expect(b.json.actions).toEqual(['escalate', 'withdraw']);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/escalate`, { token: seller.token }), 403, 'not_allowed');
  });

  it('a rejection past 48 h is too late (silence counted as acceptance)', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    t.clock.advance(2 * DAY + 1000);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/reject`, { token: seller.token, body: { description: '晚了' } }), 409, 'window_passed');
    t.clock.advance(-2 * DAY - 1000);
  });
});

describe('escalation and withdrawal', () => {
  it('escalating more than 3 days after the rejection is refused', async () => {
    const { buyer, caseId } = await rejectedCase(t);
    t.clock.advance(3 * DAY + 1000);
    expectProblem(await t.req('POST', `/after-sales/${caseId}/escalate`, { token: buyer.token }), 409, 'window_passed');
    t.clock.advance(-3 * DAY - 1000);
  });

  it('withdrawing lets the order go on: shipped again, confirm settles to the seller', async () => {
    const { seller, buyer, order } = await shippedOrder(t);
    const c = await openCase(t, buyer.token, order.id);
    expectProblem(await t.req('POST', `/after-sales/${c.id}/withdraw`, { token: seller.token }), 403, 'not_allowed');
    const w = await t.req('POST', `/after-sales/${c.id}/withdraw`, { token: buyer.token });
    expect(w.json.status).toBe('withdrawn');
    expect((await t.req('GET', `/orders/${order.id}`, { token: buyer.token })).json.status).toBe('shipped');
    expect((await t.req('POST', `/orders/${order.id}/confirm`, { token: buyer.token })).json.status).toBe('completed');
    expect((await wallet(t, seller.token)).available).toBe(order.sellerProceeds);
    // A withdrawn case is not a decided one: the buyer may still open another within the window.
    await openCase(t, buyer.token, order.id);
    await expectLedgerOk(t);
  });
});
