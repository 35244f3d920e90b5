// Demo reviews: written by both sides of the completed demo trades through the real service,
// in words that fit how the trade was done; one still waits for its seller (blind).
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { seedDemo } from './seed.ts';

const t = await createTestApp();

describe('demo reviews', () => {
  it('shows ratings on sellers who traded, keeps one review blind, and fits each trade', { timeout: 120_000 }, async () => {
    await seedDemo(t.deps);
    // The trades that completed without a dispute (the jury's case, completed again by its verdict, is not reviewed).
    const completed = await t.db
      .selectFrom('orders').select(['id', 'delivery', 'sellerId']).where('status', '=', 'completed')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('afterSales').select('id').whereRef('afterSales.orderId', '=', 'orders.id'))))
      .execute();
    const reviews = await t.db.selectFrom('reviews').select(['orderId', 'authorRole', 'text', 'visibleAt']).execute();
    expect(reviews.length).toBe(completed.length * 2 - 1);
    const waiting = completed.filter((o) => reviews.filter((r) => r.orderId === o.id).length === 1);
    expect(waiting).toHaveLength(1);
    // That one is still hidden: its window has not closed.
    const blind = reviews.find((r) => r.orderId === waiting[0]?.id);
    expect(blind?.visibleAt.getTime()).toBeGreaterThan(Date.now());
    for (const o of completed.filter((x) => x.delivery === 'pickup')) {
      const words = reviews.filter((r) => r.orderId === o.id && r.authorRole === 'buyer').map((r) => r.text).join();
      expect(words).not.toMatch(/发货|包装/);
    }
    const lin = await t.db.selectFrom('users').select('id').where('username', '=', 'lin_xiaoyu').executeTakeFirstOrThrow();
    const profile = await t.req('GET', `/users/${lin.id}`);
    expect(profile.json.ratingCount).toBeGreaterThan(0);
    expect(profile.json.ratingAverage).toBeGreaterThanOrEqual(4);
  });
});
