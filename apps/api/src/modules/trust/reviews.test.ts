// Reviews and the stored credit score through HTTP: blindness, the window, one per side, the
// refund mark, and the score moving with a completed trade, a review and a lost case.
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { placeOrder, sellerWithItem } from '../orders/fixtures.ts';
import { sweepCredit } from './credit-repo.ts';
import { REVIEW_WINDOW_DAYS } from './reviews.ts';

const t = await createTestApp();

async function completedTrade() {
  const { seller, item } = await sellerWithItem(t);
  const buyer = await t.user({ verified: true, prefix: 'b' });
  const o = await placeOrder(t, buyer.token, item.id);
  expect(o.status).toBe(201);
  expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
  await t.gateway.settled();
  expect((await t.req('POST', `/orders/${o.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: 'SF123456789' } })).status).toBe(200);
  expect((await t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token })).status).toBe(200);
  return { seller, buyer, orderId: o.json.id as string };
}

describe('reviews', () => {
  it('are blind until the other side reviews, then both appear with the average and tag cloud', async () => {
    const { seller, buyer, orderId } = await completedTrade();
    const first = await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 5, text: '东西很好', tags: ['as_described', 'fast_shipping'] } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ rating: 5, authorRole: 'buyer', refunded: false });

    // The seller cannot read it yet, nor can anyone on the profile.
    const sellerView = await t.req('GET', `/orders/${orderId}/reviews`, { token: seller.token });
    expect(sellerView.json).toMatchObject({ mine: null, theirs: null, theirsSubmitted: true, canReview: true });
    expect((await t.req('GET', `/users/${seller.id}/reviews`)).json.items).toEqual([]);
    expect((await t.req('GET', `/users/${seller.id}`)).json).toMatchObject({ ratingAverage: null, ratingCount: 0 });

    const second = await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 4, tags: ['quick_payment'] } });
    expect(second.status).toBe(201);
    const list = await t.req('GET', `/users/${seller.id}/reviews`);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).toMatchObject({ rating: 5, text: '东西很好', author: { id: buyer.id } });
    expect(list.json.summary).toEqual({ average: 5, count: 1, tags: [{ tag: 'as_described', count: 1 }, { tag: 'fast_shipping', count: 1 }] });
    expect((await t.req('GET', `/users/${seller.id}`)).json).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
    expect((await t.req('GET', `/users/${buyer.id}/reviews`)).json.items[0]).toMatchObject({ rating: 4, authorRole: 'seller' });
    expect((await t.req('GET', `/orders/${orderId}/reviews`, { token: buyer.token })).json.theirs).toMatchObject({ rating: 4 });
    // Seller cards on items carry the stored rating once the score is recomputed (sweep or read).
    await sweepCredit(t.db, t.clock.now());
    const order = await t.db.selectFrom('orders').select('itemId').where('id', '=', orderId).executeTakeFirstOrThrow();
    expect((await t.req('GET', `/items/${order.itemId}`)).json.seller).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
  });

  it('become visible when the window closes even if the other side never reviews', async () => {
    const { seller, buyer, orderId } = await completedTrade();
    expect((await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 2, text: '有点旧' } })).status).toBe(201);
    expect((await t.req('GET', `/users/${seller.id}/reviews`)).json.items).toHaveLength(0);
    t.clock.advance((REVIEW_WINDOW_DAYS + 1) * DAY_MS);
    try {
      expect((await t.req('GET', `/users/${seller.id}/reviews`)).json.items).toHaveLength(1);
      // …and the window has closed for the seller.
      expectProblem(await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 5 } }), 422, 'review_window_closed');
    } finally {
      t.clock.advance(-(REVIEW_WINDOW_DAYS + 1) * DAY_MS);
    }
  });

  it('are once per side, only by a party, only on completed trades, with tags for the right side', async () => {
    const { seller, buyer, orderId } = await completedTrade();
    const stranger = await t.user();
    expect((await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 4 } })).status).toBe(201);
    expectProblem(await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 5 } }), 409, 'already_reviewed');
    expectProblem(await t.req('POST', `/orders/${orderId}/review`, { token: stranger.token, body: { rating: 1 } }), 404, 'not_found');
    expectProblem(await t.req('GET', `/orders/${orderId}/reviews`, { token: stranger.token }), 404, 'not_found');
    expectProblem(await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 4, tags: ['fast_shipping'] } }), 422, 'invalid_tag');
    expectProblem(await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 6 } }), 400, 'validation_failed');
    expectProblem(await t.req('POST', `/orders/${orderId}/review`, { body: { rating: 5 } }), 401, 'unauthenticated');

    const { item } = await sellerWithItem(t);
    const unpaid = await placeOrder(t, buyer.token, item.id);
    expectProblem(await t.req('POST', `/orders/${unpaid.json.id}/review`, { token: buyer.token, body: { rating: 5 } }), 409, 'invalid_state');
    const rows = await t.db.selectFrom('reviews').select('id').where('orderId', '=', unpaid.json.id).execute();
    expect(rows).toEqual([]);
  });

  it('are marked when the trade was refunded afterwards', async () => {
    const { seller, buyer, orderId } = await completedTrade();
    await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 1, text: '是假货' } });
    await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 3 } });
    // The after-sale module moves a refunded order to `refunded`; the review says so.
    await t.db.updateTable('orders').set({ status: 'refunded' }).where('id', '=', orderId).execute();
    const list = await t.req('GET', `/users/${seller.id}/reviews`);
    expect(list.json.items[0]).toMatchObject({ rating: 1, refunded: true });
  });

  it('take one reply from the member they are about', async () => {
    const { seller, buyer, orderId } = await completedTrade();
    const mine = await t.req('POST', `/orders/${orderId}/review`, { token: buyer.token, body: { rating: 3, text: '一般' } });
    // Not visible yet: nobody can reply to what they cannot read.
    expectProblem(await t.req('POST', `/reviews/${mine.json.id}/reply`, { token: seller.token, body: { text: '谢谢' } }), 404, 'not_found');
    await t.req('POST', `/orders/${orderId}/review`, { token: seller.token, body: { rating: 5 } });
    expectProblem(await t.req('POST', `/reviews/${mine.json.id}/reply`, { token: buyer.token, body: { text: '自己回' } }), 403, 'not_allowed');
    const reply = await t.req('POST', `/reviews/${mine.json.id}/reply`, { token: seller.token, body: { text: '谢谢，下次改进' } });
    expect(reply.status).toBe(200);
    expect(reply.json.reply).toBe('谢谢，下次改进');
    expectProblem(await t.req('POST', `/reviews/${mine.json.id}/reply`, { token: seller.token, body: { text: '再说一次' } }), 409, 'already_replied');
  });

  it('page through a member with many reviews', async () => {
    const { item, seller } = await sellerWithItem(t, { quantity: 5 });
    for (let i = 0; i < 3; i++) {
      const buyer = await t.user({ verified: true });
      const o = await placeOrder(t, buyer.token, item.id);
      await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token });
      await t.gateway.settled();
      await t.req('POST', `/orders/${o.json.id}/ship`, { token: seller.token, body: { carrier: 'SF', trackingNumber: `SF0000000${i}` } });
      await t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token });
      await t.req('POST', `/orders/${o.json.id}/review`, { token: buyer.token, body: { rating: 3 + (i % 3) } });
      await t.req('POST', `/orders/${o.json.id}/review`, { token: seller.token, body: { rating: 5 } });
    }
    const p1 = await t.req('GET', `/users/${seller.id}/reviews?limit=2`);
    expect(p1.json.items).toHaveLength(2);
    const p2 = await t.req('GET', `/users/${seller.id}/reviews?limit=2&cursor=${p1.json.nextCursor}`);
    expect(p2.json.items).toHaveLength(1);
    expect(p2.json.nextCursor).toBeNull();
    expect(p1.json.summary).toMatchObject({ average: 4, count: 3 });
    expectProblem(await t.req('GET', `/users/${seller.id}/reviews?cursor=nonsense`), 400, 'invalid_cursor');
  });
});

describe('credit score', () => {
  const factor = (credit: { factors: { key: string; points: number }[] }, key: string) => credit.factors.find((f) => f.key === key)?.points;

  it('shows every factor and moves with a completed trade, a review and a lost case', async () => {
    const { seller: s0, item } = await sellerWithItem(t);
    const before = (await t.req('GET', `/users/${s0.id}/credit`)).json;
    expect(before.factors.map((f: { key: string }) => f.key)).toEqual([
      'base', 'verification', 'account_age', 'sales', 'purchases', 'reviews', 'jury', 'cases_lost', 'cancellations', 'reports_upheld', 'scam_offences',
    ]);
    expect(factor(before, 'sales')).toBe(0);

    const buyer = await t.user({ verified: true });
    const o = await placeOrder(t, buyer.token, item.id);
    expect((await t.req('POST', `/orders/${o.json.id}/pay`, { token: buyer.token })).status).toBe(200);
    await t.gateway.settled();
    expect((await t.req('POST', `/orders/${o.json.id}/ship`, { token: s0.token, body: { carrier: 'SF', trackingNumber: 'SF1234567890' } })).status).toBe(200);
    expect((await t.req('POST', `/orders/${o.json.id}/confirm`, { token: buyer.token })).status).toBe(200);
    const afterTrade = (await t.req('GET', `/users/${s0.id}/credit`)).json;
    expect(factor(afterTrade, 'sales')).toBe(10);
    expect(afterTrade.score).toBe(before.score + 10);
    expect((await t.req('GET', `/users/${s0.id}`)).json.creditScore).toBe(afterTrade.score);

    await t.req('POST', `/orders/${o.json.id}/review`, { token: buyer.token, body: { rating: 1 } });
    await t.req('POST', `/orders/${o.json.id}/review`, { token: s0.token, body: { rating: 5 } });
    const afterReview = (await t.req('GET', `/users/${s0.id}/credit`)).json;
    // One 1-star review: (1−3)/2 × 100 × 1/10 = −10.
    expect(factor(afterReview, 'reviews')).toBe(-10);
    expect(afterReview.score).toBe(afterTrade.score - 10);

    // A case decided against the seller by a jury (the after-sale module writes this row).
    await t.db
      .insertInto('afterSales')
      .values({
        orderId: o.json.id, buyerId: buyer.id, sellerId: s0.id, status: 'released', reason: 'damaged', description: '坏了',
        amount: 100, orderStatusBefore: 'completed', escrowHeld: false, closedAt: new Date(),
      })
      .execute();
    await t.db.updateTable('afterSales').set({ verdict: 'refund', decidedBy: 'jury', decidedAt: new Date() }).where('orderId', '=', o.json.id).execute();
    const afterCase = (await t.req('GET', `/users/${s0.id}/credit`)).json;
    expect(factor(afterCase, 'cases_lost')).toBe(-100);
    expect(afterCase.score).toBe(afterReview.score - 100);
    // Each change left a point in the history.
    expect(afterCase.history.map((h: { score: number }) => h.score)).toEqual([before.score, afterTrade.score, afterReview.score, afterCase.score]);
  });

  it('is stored: reading it again does not recompute, and the sweep picks up dirty and never-computed members', async () => {
    const u = await t.user({ verified: true });
    const first = (await t.req('GET', `/users/${u.id}/credit`)).json;
    const row = await t.db.selectFrom('creditScores').selectAll().where('userId', '=', u.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ score: first.score, dirty: false });
    await t.req('GET', `/users/${u.id}/credit`);
    const again = await t.db.selectFrom('creditScores').select('computedAt').where('userId', '=', u.id).executeTakeFirstOrThrow();
    expect(again.computedAt).toEqual(row.computedAt);

    const fresh = await t.user();
    const n = await sweepCredit(t.db, t.clock.now());
    expect(n).toBeGreaterThan(0);
    const swept = await t.db.selectFrom('creditScores').selectAll().where('userId', '=', fresh.id).executeTakeFirstOrThrow();
    expect(swept.dirty).toBe(false);
    expect(swept.score).toBe(500 + 0 + 0);
  });

  it('counts lures the scam shield flagged in chat and in notes', async () => {
    const lurer = await t.user({ verified: true });
    const peer = await t.user();
    const before = (await t.req('GET', `/users/${lurer.id}/credit`)).json;
    const conv = await t.req('POST', '/conversations', { token: lurer.token, body: { peerId: peer.id } });
    const sent = await t.req('POST', `/conversations/${conv.json.id}/messages`, { token: lurer.token, body: { text: '加我微信 wxid_abc12345 私聊' } });
    expect(sent.status).toBe(201);
    const note = await t.req('POST', '/notes', { token: lurer.token, body: { title: '出闲置', body: '先付定金，加V：abc123456 详聊' } });
    expect(note.status).toBe(201);
    const after = (await t.req('GET', `/users/${lurer.id}/credit`)).json;
    expect(factor(after, 'scam_offences')).toBe(-40);
    expect(after.score).toBe(before.score - 40);
  });

  it('is 404 for an unknown member', async () => {
    expectProblem(await t.req('GET', '/users/00000000000000aa/credit'), 404, 'not_found');
    expectProblem(await t.req('GET', '/users/00000000000000aa/reviews'), 404, 'not_found');
  });
});
