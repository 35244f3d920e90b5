// GET /admin/stats: the dashboard's series, computed by PostgreSQL in one statement — a
// generate_series of buckets left-joined to one grouped aggregate per source over the range,
// so the work is one index range per table and nothing but the series comes back to Node.
//
// Definitions (each bucket [at, next at), in the time zone `tz`):
//   gmv              sum of `total` of orders whose completed_at falls in the bucket (a later
//                    refund does not take it back: refunds are their own series)
//   orders           orders placed (created_at); ordersPaid / ordersCompleted / ordersCancelled
//                    by the time of that step; refunds = cases closed `refunded`
//   fees             net fee revenue from the ledger: postings into platform:fees minus those
//                    out of it (fees returned with after-sale refunds)
//   activeMembers    distinct members who signed in, posted a note or comment, sent a message,
//                    placed an order or listed an item
//   newMembers, listings (items created), cases (opened), casesRefunded / casesReleased /
//   casesWithdrawn (closed that way), scamHits (flagged messages + flagged notes/comments)
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { PLATFORM_FEES } from '../ledger/accounts.ts';

export type Bucket = 'day' | 'week' | 'month';
export const MAX_BUCKETS = 400;

export type StatsPoint = {
  at: string;
  gmv: number;
  orders: number;
  ordersPaid: number;
  ordersCompleted: number;
  ordersCancelled: number;
  fees: number;
  activeMembers: number;
  newMembers: number;
  listings: number;
  cases: number;
  casesRefunded: number;
  casesReleased: number;
  casesWithdrawn: number;
  scamHits: number;
};

const METRICS = ['gmv', 'orders', 'ordersPaid', 'ordersCompleted', 'ordersCancelled', 'fees', 'activeMembers', 'newMembers', 'listings', 'cases', 'casesRefunded', 'casesReleased', 'casesWithdrawn', 'scamHits'] as const;

/** How many buckets the range spans (the caller refuses more than MAX_BUCKETS). */
export async function bucketCount(db: Executor, from: Date, to: Date, bucket: Bucket, tz: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM generate_series(
      date_trunc(${bucket}, ${from}::timestamptz AT TIME ZONE ${tz}),
      date_trunc(${bucket}, ${to}::timestamptz AT TIME ZONE ${tz}),
      ${`1 ${bucket}`}::interval)`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export async function marketStats(db: Executor, q: { from: Date; to: Date; bucket: Bucket; tz: string }): Promise<StatsPoint[]> {
  const { bucket, tz } = q;
  const step = `1 ${bucket}`;
  // The bucket of a timestamptz column, as a local timestamp in tz.
  const k = (col: string) => sql`date_trunc(${bucket}, ${sql.ref(col)} AT TIME ZONE ${tz})`;
  const inRange = (col: string) => sql`${sql.ref(col)} >= (SELECT lo FROM span) AND ${sql.ref(col)} < (SELECT hi FROM span)`;
  const r = await sql<Record<string, unknown>>`
    WITH b AS (
      SELECT gs AS at FROM generate_series(
        date_trunc(${bucket}, ${q.from}::timestamptz AT TIME ZONE ${tz}),
        date_trunc(${bucket}, ${q.to}::timestamptz AT TIME ZONE ${tz}),
        ${step}::interval) gs
    ),
    span AS (SELECT min(at) AT TIME ZONE ${tz} AS lo, (max(at) + ${step}::interval) AT TIME ZONE ${tz} AS hi FROM b),
    -- One pass over orders for the four steps (placed, paid, completed, cancelled): each order
    -- gives a row per step whose time falls in the range.
    ord AS (
      SELECT ${k('e.ts')} AS at,
        coalesce(sum(o.total) FILTER (WHERE e.what = 'completed'), 0)::bigint AS gmv,
        count(*) FILTER (WHERE e.what = 'placed')::int AS placed,
        count(*) FILTER (WHERE e.what = 'paid')::int AS paid,
        count(*) FILTER (WHERE e.what = 'completed')::int AS completed,
        count(*) FILTER (WHERE e.what = 'cancelled')::int AS cancelled
      FROM orders o
        CROSS JOIN LATERAL (VALUES ('placed', o.created_at), ('paid', o.paid_at), ('completed', o.completed_at), ('cancelled', o.cancelled_at)) AS e(what, ts)
      WHERE o.created_at < (SELECT hi FROM span) AND ${inRange('e.ts')}
      GROUP BY 1
    ),
    fees AS (
      SELECT ${k('created_at')} AS at,
        sum(CASE WHEN to_account = ${PLATFORM_FEES} THEN amount ELSE -amount END)::bigint AS amount
      FROM ledger_postings
      WHERE (to_account = ${PLATFORM_FEES} OR from_account = ${PLATFORM_FEES}) AND ${inRange('created_at')}
      GROUP BY 1
    ),
    activity AS (
      SELECT user_id AS uid, created_at FROM sessions WHERE ${inRange('created_at')}
      UNION ALL SELECT author_id, created_at FROM notes WHERE ${inRange('created_at')}
      UNION ALL SELECT author_id, created_at FROM comments WHERE ${inRange('created_at')}
      UNION ALL SELECT sender_id, created_at FROM messages WHERE sender_id IS NOT NULL AND ${inRange('created_at')}
      UNION ALL SELECT buyer_id, created_at FROM orders WHERE ${inRange('created_at')}
      UNION ALL SELECT seller_id, created_at FROM items WHERE ${inRange('created_at')}
    ),
    active AS (SELECT ${k('created_at')} AS at, count(DISTINCT uid)::int AS n FROM activity GROUP BY 1),
    joined AS (SELECT ${k('created_at')} AS at, count(*)::int AS n FROM users WHERE ${inRange('created_at')} GROUP BY 1),
    listed AS (SELECT ${k('created_at')} AS at, count(*)::int AS n FROM items WHERE ${inRange('created_at')} GROUP BY 1),
    opened AS (SELECT ${k('created_at')} AS at, count(*)::int AS n FROM after_sales WHERE ${inRange('created_at')} GROUP BY 1),
    ended AS (
      SELECT ${k('closed_at')} AS at,
        count(*) FILTER (WHERE status = 'refunded')::int AS refunded,
        count(*) FILTER (WHERE status = 'released')::int AS released,
        count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn
      FROM after_sales WHERE ${inRange('closed_at')} GROUP BY 1
    ),
    hits AS (
      SELECT ${k('created_at')} AS at, count(*)::int AS n FROM (
        SELECT created_at FROM messages WHERE cardinality(warnings) > 0 AND ${inRange('created_at')}
        UNION ALL SELECT created_at FROM content_flags WHERE ${inRange('created_at')}
      ) h GROUP BY 1
    )
    SELECT b.at AT TIME ZONE ${tz} AS at,
      coalesce(ord.gmv, 0) AS gmv, coalesce(ord.placed, 0) AS orders, coalesce(ord.paid, 0) AS "ordersPaid",
      coalesce(ord.completed, 0) AS "ordersCompleted", coalesce(ord.cancelled, 0) AS "ordersCancelled",
      coalesce(fees.amount, 0) AS fees, coalesce(active.n, 0) AS "activeMembers", coalesce(joined.n, 0) AS "newMembers",
      coalesce(listed.n, 0) AS listings, coalesce(opened.n, 0) AS cases, coalesce(ended.refunded, 0) AS "casesRefunded",
      coalesce(ended.released, 0) AS "casesReleased", coalesce(ended.withdrawn, 0) AS "casesWithdrawn", coalesce(hits.n, 0) AS "scamHits"
    FROM b
      LEFT JOIN ord USING (at) LEFT JOIN fees USING (at) LEFT JOIN active USING (at) LEFT JOIN joined USING (at) LEFT JOIN listed USING (at)
      LEFT JOIN opened USING (at) LEFT JOIN ended USING (at) LEFT JOIN hits USING (at)
    ORDER BY b.at`.execute(db);
  return r.rows.map((row) => {
    const p = { at: (row.at as Date).toISOString() } as StatsPoint;
    for (const m of METRICS) p[m] = Number(row[m]);
    return p;
  });
}
