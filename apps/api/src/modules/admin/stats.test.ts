// The dashboard's numbers against a direct computation on a seeded market: each bucket's
// figures recomputed with plain range queries per bucket (no generate_series, no date_trunc),
// and `gmv` of a day equal to the sum of totals of the orders completed that day.
import { type RawBuilder, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { completedOrder, paidOrder } from '../aftersale/fixtures.ts';
import { staff } from './fixtures.ts';

const t = await createTestApp();
const mod = await staff(t, 'moderator');
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

/** Midnight in Beijing of the day `daysAgo` before today, as a UTC instant. */
function beijingMidnight(daysAgo: number): Date {
  const local = Date.now() + BEIJING;
  return new Date(Math.floor(local / DAY) * DAY - BEIJING - daysAgo * DAY);
}

// A small market: five completed orders spread over three days (one 30 minutes after a Beijing
// midnight, i.e. the previous day in UTC), one paid and cancelled, members and listings.
const completed: Awaited<ReturnType<typeof completedOrder>>[] = [];
for (const price of [3000, 12_500, 800, 45_600, 9900]) completed.push(await completedOrder(t, { price }));
const cancelled = await paidOrder(t, { price: 2200 });
expect((await t.req('POST', `/orders/${cancelled.order.id}/cancel`, { token: cancelled.buyer.token, body: {} })).status).toBe(200);
const moves: [number, number][] = [
  [2, 10 * 3_600_000], // two days ago, 10:00 Beijing
  [1, 30 * 60_000], // yesterday 00:30 Beijing = the day before in UTC
  [1, 23 * 3_600_000],
  [0, 60_000],
];
for (const [i, [daysAgo, offset]] of moves.entries()) {
  const at = new Date(beijingMidnight(daysAgo).getTime() + offset);
  await t.db.updateTable('orders').set({ completedAt: at, createdAt: new Date(at.getTime() - 3_600_000), paidAt: new Date(at.getTime() - 1_800_000) }).where('id', '=', completed[i]?.order.id as string).execute();
}
// The fifth stays completed now (its fee posting too: postings cannot be back-dated).

async function direct(lo: Date, hi: Date) {
  const one = async <T>(q: RawBuilder<T>) => (await q.execute(t.db)).rows[0] as T;
  const gmv = await one<{ v: number }>(sql`SELECT coalesce(sum(total), 0)::bigint AS v FROM orders WHERE completed_at >= ${lo} AND completed_at < ${hi}`);
  const orders = await one<{ v: number }>(sql`SELECT count(*)::int AS v FROM orders WHERE created_at >= ${lo} AND created_at < ${hi}`);
  const cancelledN = await one<{ v: number }>(sql`SELECT count(*)::int AS v FROM orders WHERE cancelled_at >= ${lo} AND cancelled_at < ${hi}`);
  const fees = await one<{ v: number }>(sql`
    SELECT coalesce(sum(amount) FILTER (WHERE to_account = 'platform:fees'), 0) - coalesce(sum(amount) FILTER (WHERE from_account = 'platform:fees'), 0) AS v
    FROM ledger_postings WHERE created_at >= ${lo} AND created_at < ${hi}`);
  const active = await one<{ v: number }>(sql`
    SELECT count(DISTINCT u) ::int AS v FROM (
      SELECT user_id AS u FROM sessions WHERE created_at >= ${lo} AND created_at < ${hi}
      UNION SELECT author_id FROM notes WHERE created_at >= ${lo} AND created_at < ${hi}
      UNION SELECT author_id FROM comments WHERE created_at >= ${lo} AND created_at < ${hi}
      UNION SELECT sender_id FROM messages WHERE sender_id IS NOT NULL AND created_at >= ${lo} AND created_at < ${hi}
      UNION SELECT buyer_id FROM orders WHERE created_at >= ${lo} AND created_at < ${hi}
      UNION SELECT seller_id FROM items WHERE created_at >= ${lo} AND created_at < ${hi}) x`);
  const joined = await one<{ v: number }>(sql`SELECT count(*)::int AS v FROM users WHERE created_at >= ${lo} AND created_at < ${hi}`);
  const listings = await one<{ v: number }>(sql`SELECT count(*)::int AS v FROM items WHERE created_at >= ${lo} AND created_at < ${hi}`);
  return { gmv: Number(gmv.v), orders: orders.v, ordersCancelled: cancelledN.v, fees: Number(fees.v), activeMembers: active.v, newMembers: joined.v, listings: listings.v };
}

describe('GET /admin/stats', () => {
  it('per Beijing day equals a direct computation, and gmv is the sum of totals completed that day', async () => {
    const from = beijingMidnight(3).toISOString();
    const to = new Date().toISOString();
    const r = await t.req('GET', `/admin/stats?from=${from}&to=${to}&bucket=day&tz=Asia/Shanghai`, { token: mod.token });
    expect(r.status, r.text).toBe(200);
    const series = r.json.series as Record<string, number | string>[];
    expect(series.map((p) => p.at)).toEqual([3, 2, 1, 0].map((d) => beijingMidnight(d).toISOString()));
    for (const p of series) {
      const lo = new Date(p.at as string);
      expect(p).toMatchObject(await direct(lo, new Date(lo.getTime() + DAY)));
    }
    const totals = completed.map((c) => c.order.total);
    expect(series.map((p) => p.gmv)).toEqual([0, totals[0], (totals[1] ?? 0) + (totals[2] ?? 0), (totals[3] ?? 0) + (totals[4] ?? 0)]);
    expect(series.map((p) => p.ordersCompleted)).toEqual([0, 1, 2, 2]);
    expect(series.at(-1)?.ordersCancelled).toBe(1);
    expect(Number(series.at(-1)?.fees)).toBeGreaterThan(0);
  });

  it('the same orders bucketed by UTC days move the 00:30 Beijing completion to the day before', async () => {
    const from = new Date(Date.now() - 4 * DAY).toISOString().slice(0, 10);
    const r = await t.req('GET', `/admin/stats?from=${from}&to=${new Date().toISOString()}&bucket=day&tz=UTC`, { token: mod.token });
    expect(r.status, r.text).toBe(200);
    for (const p of r.json.series) {
      const lo = new Date(p.at);
      expect(lo.getUTCHours()).toBe(0);
      expect(p).toMatchObject(await direct(lo, new Date(lo.getTime() + DAY)));
    }
  });

  it('weeks and months add up to the same gmv over their span', async () => {
    for (const bucket of ['week', 'month']) {
      const r = await t.req('GET', `/admin/stats?from=${beijingMidnight(3).toISOString()}&to=${new Date().toISOString()}&bucket=${bucket}`, { token: mod.token });
      expect(r.status).toBe(200);
      const first = new Date(r.json.series[0].at);
      const last = new Date(r.json.series.at(-1).at);
      const local = new Date(last.getTime() + BEIJING);
      const end = bucket === 'week' ? new Date(last.getTime() + 7 * DAY) : new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - BEIJING);
      const sum = r.json.series.reduce((s: number, p: { gmv: number }) => s + p.gmv, 0);
      expect(sum).toBe((await direct(first, end)).gmv);
    }
  });

  it('refuses a reversed range, too many buckets and an unknown time zone', async () => {
    expectProblem(await t.req('GET', '/admin/stats?from=2026-03-02&to=2026-03-01', { token: mod.token }), 400, 'validation_failed');
    expectProblem(await t.req('GET', '/admin/stats?from=2020-01-01&to=2026-01-01&bucket=day', { token: mod.token }), 422, 'range_too_large');
    expectProblem(await t.req('GET', '/admin/stats?from=2026-01-01&to=2026-01-02&tz=Mars/Olympus', { token: mod.token }), 422, 'invalid_time_zone');
    expect((await t.req('GET', '/admin/stats?from=2020-01-01&to=2026-01-01&bucket=month', { token: mod.token })).status).toBe(200);
  });
});
