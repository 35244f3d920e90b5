// Two-way reviews (SPEC C7, API.md "Reservation deposit and reviews"): after a trade the buyer
// and the seller each rate the other once, within REVIEW_WINDOW_DAYS. Reviews are blind — a
// review stays hidden until the other side has reviewed too or the window has closed — so
// nobody can retaliate against, or trade, what the other wrote. The subject may reply once.
import { sql } from 'kysely';
import { type Executor, isUniqueViolation, withTx } from '../../db/index.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { decodeCursor, toPage } from '../../lib/pagination.ts';
import { mediaUrl } from '../media/presenter.ts';

export const REVIEW_WINDOW_DAYS = 15;

/** Tags each side may give the other; the web app words them. */
export const REVIEW_TAGS = {
  // what a buyer says of a seller
  buyer: ['as_described', 'fast_shipping', 'friendly', 'punctual', 'well_packed', 'good_value'],
  // what a seller says of a buyer
  seller: ['quick_payment', 'friendly', 'punctual', 'easy_going'],
} as const;
export const ALL_REVIEW_TAGS = [...new Set([...REVIEW_TAGS.buyer, ...REVIEW_TAGS.seller])] as [string, ...string[]];

/** Orders a review may be written on: traded to the end, or refunded after the trade. */
const REVIEWABLE = ['completed', 'refunding', 'refunded'] as const;

type OrderForReview = { id: string; buyerId: string; sellerId: string; status: string; completedAt: Date | null };

/** The window runs from completion; an order refunded before completion never opens one. */
export function reviewWindowEnd(o: Pick<OrderForReview, 'completedAt'>, days: number = REVIEW_WINDOW_DAYS): Date | null {
  return o.completedAt ? new Date(o.completedAt.getTime() + days * DAY_MS) : null;
}

export async function writeReview(
  deps: Deps,
  userId: string,
  orderId: string,
  body: { rating: number; text?: string; tags?: string[] },
) {
  const now = deps.clock.now();
  return withTx(deps.db, async (tx) => {
    // The order row lock serialises the two sides: the second review sees the first and opens both.
    const o = await tx
      .selectFrom('orders').select(['id', 'buyerId', 'sellerId', 'status', 'completedAt'])
      .where('id', '=', orderId).forUpdate().executeTakeFirst();
    if (!o || (o.buyerId !== userId && o.sellerId !== userId)) throw notFound('order');
    const role = o.buyerId === userId ? 'buyer' : 'seller';
    const windowEnd = reviewWindowEnd(o, deps.config.reviewWindowDays);
    if (!(REVIEWABLE as readonly string[]).includes(o.status) || !windowEnd) {
      throw conflict('invalid_state', 'You can review a trade once it is completed.', { orderStatus: o.status });
    }
    if (now > windowEnd) throw unprocessable('review_window_closed', `Reviews close ${deps.config.reviewWindowDays} days after the trade.`);
    const allowed: readonly string[] = REVIEW_TAGS[role];
    const bad = (body.tags ?? []).filter((t) => !allowed.includes(t));
    if (bad.length) {
      throw unprocessable('invalid_tag', `These tags are not for a ${role === 'buyer' ? 'seller' : 'buyer'}: ${bad.join(', ')}.`, {
        errors: [{ path: 'tags', message: `allowed: ${allowed.join(', ')}` }],
      });
    }
    let id: string;
    try {
      const row = await tx
        .insertInto('reviews')
        .values({
          orderId: o.id,
          authorId: userId,
          subjectId: role === 'buyer' ? o.sellerId : o.buyerId,
          authorRole: role,
          rating: body.rating,
          text: body.text ?? '',
          tags: [...new Set(body.tags ?? [])],
          visibleAt: windowEnd,
          createdAt: now,
        })
        .returning('id').executeTakeFirstOrThrow();
      id = row.id;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('already_reviewed', 'You have already reviewed this trade.');
      throw err;
    }
    // Both sides have spoken: neither can change their words now, so both become visible.
    const both = await tx.selectFrom('reviews').select('id').where('orderId', '=', o.id).execute();
    if (both.length === 2) await tx.updateTable('reviews').set({ visibleAt: now }).where('orderId', '=', o.id).execute();
    return (await findReviews(tx, { ids: [id] }, now))[0] as ReviewRow;
  });
}

export async function replyToReview(deps: Deps, userId: string, reviewId: string, text: string) {
  const now = deps.clock.now();
  const r = await deps.db.selectFrom('reviews').select(['id', 'subjectId', 'visibleAt', 'reply']).where('id', '=', reviewId).executeTakeFirst();
  if (!r || r.visibleAt > now) throw notFound('review');
  if (r.subjectId !== userId) throw forbidden('not_allowed', 'Only the member the review is about can reply.');
  const updated = await deps.db
    .updateTable('reviews').set({ reply: text, repliedAt: now })
    .where('id', '=', reviewId).where('reply', 'is', null)
    .returning('id').executeTakeFirst();
  if (!updated) throw conflict('already_replied', 'You have already replied to this review.');
  return (await findReviews(deps.db, { ids: [reviewId] }, now))[0] as ReviewRow;
}

function reviewQuery(db: Executor) {
  return db
    .selectFrom('reviews as r')
    .innerJoin('orders as o', 'o.id', 'r.orderId')
    .leftJoin('users as a', 'a.id', 'r.authorId')
    .select([
      'r.id', 'r.orderId', 'r.authorId', 'r.subjectId', 'r.authorRole', 'r.rating', 'r.text', 'r.tags',
      'r.reply', 'r.repliedAt', 'r.visibleAt', 'r.createdAt', 'o.status as orderStatus',
      'a.displayName as authorName', 'a.avatarId as authorAvatarId', 'a.status as authorStatus',
      sql<string | null>`o.item_snapshot->>'title'`.as('itemTitle'),
    ]);
}

export type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['execute']>>[number];

async function findReviews(db: Executor, by: { ids?: string[]; orderId?: string }, _now: Date) {
  let q = reviewQuery(db);
  if (by.ids) q = q.where('r.id', 'in', by.ids);
  if (by.orderId) q = q.where('r.orderId', '=', by.orderId);
  return q.execute();
}

export function presentReview(r: ReviewRow) {
  const deleted = r.authorStatus === 'deleted' || r.authorId === null;
  return {
    id: r.id,
    orderId: r.orderId,
    rating: r.rating,
    text: r.text,
    tags: r.tags,
    /** The author's side of the trade: 'buyer' means a buyer wrote it about the seller. */
    authorRole: r.authorRole as 'buyer' | 'seller',
    author: deleted
      ? null
      : { id: r.authorId as string, displayName: r.authorName ?? '', avatarUrl: r.authorAvatarId ? mediaUrl(r.authorAvatarId, 'avatar') : null },
    itemTitle: r.itemTitle,
    /** The trade was refunded after the review window opened (after-sale). */
    refunded: r.orderStatus === 'refunded',
    reply: r.reply,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The reviews an order's party may see: their own, and the other side's once it is visible. */
export async function orderReviews(deps: Deps, userId: string, orderId: string) {
  const now = deps.clock.now();
  const o = await deps.db.selectFrom('orders').select(['id', 'buyerId', 'sellerId', 'status', 'completedAt']).where('id', '=', orderId).executeTakeFirst();
  if (!o || (o.buyerId !== userId && o.sellerId !== userId)) throw notFound('order');
  const rows = await findReviews(deps.db, { orderId }, now);
  const mine = rows.find((r) => r.authorId === userId) ?? null;
  const theirs = rows.find((r) => r.authorId !== userId) ?? null;
  const windowEnd = reviewWindowEnd(o, deps.config.reviewWindowDays);
  return {
    mine: mine ? presentReview(mine) : null,
    theirs: theirs && theirs.visibleAt <= now ? presentReview(theirs) : null,
    theirsSubmitted: theirs !== null,
    canReview: !mine && windowEnd !== null && now <= windowEnd && (REVIEWABLE as readonly string[]).includes(o.status),
    windowEndsAt: windowEnd?.toISOString() ?? null,
    tags: [...REVIEW_TAGS[o.buyerId === userId ? 'buyer' : 'seller']],
  };
}

export async function userReviews(
  deps: Deps,
  subjectId: string,
  q: { cursor?: string; limit: number; role?: 'buyer' | 'seller' },
) {
  const now = deps.clock.now();
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  // A cursor is client input: a forged one must be a 400, not an invalid date sent to PostgreSQL.
  if (after && (Number.isNaN(new Date(after[0]).getTime()) || typeof after[0] !== 'string' || !/^[0-9a-f]{16}$/.test(String(after[1])))) {
    throw badRequest('invalid_cursor', 'The cursor is not one this API gave out.');
  }
  let query = reviewQuery(deps.db).where('r.subjectId', '=', subjectId).where('r.visibleAt', '<=', now);
  // `role` is the subject's side: reviews of them as a seller were written by buyers.
  if (q.role) query = query.where('r.authorRole', '=', q.role === 'seller' ? 'buyer' : 'seller');
  if (after) query = query.where((eb) => eb(eb.refTuple('r.visibleAt', 'r.id'), '<', eb.tuple(new Date(after[0]), after[1])));
  const rows = await query.orderBy('r.visibleAt', 'desc').orderBy('r.id', 'desc').limit(q.limit + 1).execute();
  const [page, summary] = await Promise.all([
    Promise.resolve(toPage(rows, q.limit, (r) => [r.visibleAt.toISOString(), r.id], presentReview)),
    reviewSummary(deps.db, subjectId, now),
  ]);
  return { ...page, summary };
}

/** Average, count and tag cloud of a member's visible reviews. */
export async function reviewSummary(db: Executor, subjectId: string, now: Date) {
  const r = await sql<{ average: number | null; count: number; tags: { tag: string; count: number }[] | null }>`
    SELECT round(avg(rating)::numeric, 2)::float8 AS average, count(*)::int AS count,
      (SELECT json_agg(json_build_object('tag', tag, 'count', n) ORDER BY n DESC, tag)
         FROM (SELECT unnest(tags) AS tag, count(*)::int AS n FROM reviews
               WHERE subject_id = ${subjectId} AND visible_at <= ${now} GROUP BY 1) t) AS tags
    FROM reviews WHERE subject_id = ${subjectId} AND visible_at <= ${now}
  `.execute(db);
  const row = r.rows[0];
  return { average: row?.average ?? null, count: row?.count ?? 0, tags: row?.tags ?? [] };
}
