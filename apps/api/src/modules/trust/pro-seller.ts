// The professional-seller guard: reads a member's signals (listings, photos, sales), applies
// the pure rules (pro-seller-rules.ts), and keeps the member's flag: a newly flagged member is
// queued for operators (a system report with the evidence), limited to a few listings a day,
// shown lower in feeds and search, and can see why and ask for a review.
import { sql } from 'kysely';
import sharp from 'sharp';
import type { Executor } from '../../db/index.ts';
import { DAY_MS } from '../../lib/clock.ts';
import { tooManyRequests } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { FLAGGED_LISTINGS_PER_DAY, type SellerSignals, type TrippedSignal, normaliseTitle, tripped } from './pro-seller-rules.ts';

/** 64-bit difference hash: 9×8 greyscale, one bit per horizontal neighbour comparison. */
export async function dHash(image: Buffer): Promise<string> {
  const px = await sharp(image).greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let h = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) h = (h << 1n) | ((px[y * 9 + x] as number) > (px[y * 9 + x + 1] as number) ? 1n : 0n);
  }
  return h.toString(16).padStart(16, '0');
}

/** Bits two hashes may differ in and still be the same picture (see migration 0016). */
export const NEAR_COPY_BITS = 3;

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x; x &= x - 1n) n += 1;
  return n;
}

/** The member's listings grouped by near-identical photos; the largest group's item ids. */
function largestNearCopyGroup(rows: { itemId: string; phash: string }[]): string[] {
  let best: string[] = [];
  for (const r of rows) {
    const group = new Set(rows.filter((o) => hammingDistance(r.phash, o.phash) <= NEAR_COPY_BITS).map((o) => o.itemId));
    if (group.size > best.length) best = [...group];
  }
  return best;
}

/** Hashes the member's listing photos that have none yet (from the smallest rendition). */
async function hashListingPhotos(deps: Pick<Deps, 'db' | 'media'>, sellerId: string) {
  const todo = await deps.db
    .selectFrom('itemImages').innerJoin('items', 'items.id', 'itemImages.itemId').innerJoin('media', 'media.id', 'itemImages.mediaId')
    .select(['media.id', 'media.variants'])
    .where('items.sellerId', '=', sellerId).where('media.phash', 'is', null)
    .limit(200).execute();
  for (const m of todo) {
    const variant = m.variants.includes('thumb') ? 'thumb' : m.variants[0];
    const bytes = variant ? await deps.media.get(`${m.id}/${variant}.webp`) : null;
    if (!bytes) continue;
    await deps.db.updateTable('media').set({ phash: await dHash(bytes) }).where('id', '=', m.id).execute();
  }
}

export async function readSignals(db: Executor, sellerId: string, now: Date): Promise<SellerSignals> {
  const day = new Date(now.getTime() - DAY_MS);
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const quarter = new Date(now.getTime() - 90 * DAY_MS);
  const year = new Date(now.getTime() - 365 * DAY_MS);
  const [listings, photos, shared, sales] = await Promise.all([
    db
      .selectFrom('items').select(['id', 'title', 'condition', 'category', 'quantity', 'available', 'status', 'createdAt'])
      .where('sellerId', '=', sellerId).where('createdAt', '>', quarter).orderBy('createdAt', 'desc').limit(2000).execute(),
    sql<{ itemId: string; phash: string }>`
      SELECT DISTINCT ii.item_id AS "itemId", m.phash
      FROM item_images ii JOIN items i ON i.id = ii.item_id JOIN media m ON m.id = ii.media_id
      WHERE i.seller_id = ${sellerId} AND m.phash IS NOT NULL
      LIMIT 2000
    `.execute(db),
    // Other accounts whose listings carry a near copy of one of this member's photos.
    sql<{ accounts: number; items: string[] }>`
      SELECT count(DISTINCT oi.seller_id)::int AS accounts, coalesce(array_agg(DISTINCT mine.item_id), '{}') AS items
      FROM (SELECT ii.item_id, m.phash FROM item_images ii JOIN items i ON i.id = ii.item_id JOIN media m ON m.id = ii.media_id
            WHERE i.seller_id = ${sellerId} AND m.phash IS NOT NULL) mine
      JOIN media om ON om.phash IS NOT NULL
        AND (substr(om.phash, 1, 4) = substr(mine.phash, 1, 4) OR substr(om.phash, 5, 4) = substr(mine.phash, 5, 4)
          OR substr(om.phash, 9, 4) = substr(mine.phash, 9, 4) OR substr(om.phash, 13, 4) = substr(mine.phash, 13, 4))
        AND bit_count(('x' || om.phash)::bit(64) # ('x' || mine.phash)::bit(64)) <= ${NEAR_COPY_BITS}
      JOIN item_images oii ON oii.media_id = om.id
      JOIN items oi ON oi.id = oii.item_id AND oi.seller_id <> ${sellerId}
    `.execute(db),
    db
      .selectFrom('orders').select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(total), 0)::bigint`.as('total')])
      .where('sellerId', '=', sellerId).where('status', '=', 'completed').where('completedAt', '>', year)
      .executeTakeFirstOrThrow(),
  ]);
  const lastDay = listings.filter((l) => l.createdAt > day);
  const byCategory = new Map<string, number>();
  for (const l of lastDay) byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + 1);
  const byTitle = new Map<string, string[]>();
  for (const l of listings) {
    const k = normaliseTitle(l.title);
    byTitle.set(k, [...(byTitle.get(k) ?? []), l.id]);
  }
  const sameTitle = [...byTitle.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const newOnSale = listings.filter((l) => l.condition === 'new' && l.status === 'on_sale');
  const samePhoto = largestNearCopyGroup(photos.rows);
  return {
    listings24h: lastDay.length,
    listings7d: listings.filter((l) => l.createdAt > week).length,
    newShare24h: lastDay.length ? lastDay.filter((l) => l.condition === 'new').length / lastDay.length : 0,
    topCategoryShare24h: lastDay.length ? Math.max(...byCategory.values()) / lastDay.length : 0,
    maxSameTitle: sameTitle.length,
    newUnitsOnSale: newOnSale.reduce((s, l) => s + l.available, 0),
    maxNewQuantity: Math.max(0, ...newOnSale.map((l) => l.available)),
    maxSamePhoto: samePhoto.length,
    sharedPhotoAccounts: shared.rows[0]?.accounts ?? 0,
    sales365: sales.n,
    salesTotal365: Number(sales.total),
    evidence: {
      sameTitle: sameTitle.slice(0, 20),
      samePhoto: samePhoto.slice(0, 20),
      sharedPhoto: (shared.rows[0]?.items ?? []).slice(0, 20),
      newGoods: newOnSale.map((l) => l.id).slice(0, 20),
    },
  };
}

export type SellerStatus = { status: 'ok' | 'flagged' | 'cleared'; signals: TrippedSignal[]; flaggedAt: string | null; reviewRequestedAt: string | null; listingsPerDay: number | null };

/**
 * Re-reads the member's signals and updates their flag. A member crossing a line for the first
 * time is flagged and queued for operators; one an operator cleared stays cleared unless a new
 * kind of signal appears; a flag is never lifted by the machine (operators decide).
 */
export async function evaluateSeller(deps: Pick<Deps, 'db' | 'media' | 'clock' | 'config'>, sellerId: string): Promise<SellerStatus> {
  if (!deps.config.proSellerGuard) return sellerStatus(deps.db, sellerId, deps.config.proSellerListingsPerDay);
  const now = deps.clock.now();
  await hashListingPhotos(deps, sellerId);
  const hits = tripped(await readSignals(deps.db, sellerId, now), {
    salesPerYear: deps.config.proSellerSalesPerYear,
    salesTotalPerYear: deps.config.proSellerSalesTotalPerYear,
  });
  const current = await deps.db.selectFrom('sellerFlags').selectAll().where('userId', '=', sellerId).executeTakeFirst();
  if (hits.length > 0) {
    const known = new Set(((current?.signals ?? []) as TrippedSignal[]).map((s) => s.key));
    const newKind = hits.some((h) => !known.has(h.key));
    if (!current || (current.status === 'cleared' && newKind)) {
      await deps.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('sellerFlags')
          .values({ userId: sellerId, status: 'flagged', signals: JSON.stringify(hits), flaggedAt: now, evaluatedAt: now })
          .onConflict((oc) => oc.column('userId').doUpdateSet({ status: 'flagged', signals: JSON.stringify(hits), flaggedAt: now, evaluatedAt: now, clearedAt: null, reviewRequestedAt: null }))
          .execute();
        await tx
          .insertInto('reports')
          .values({ reporterId: null, targetType: 'user', targetId: sellerId, reason: 'pro_seller', detail: hits.map((h) => h.detail).join('; ').slice(0, 500), evidence: JSON.stringify(hits) })
          .execute();
      });
    } else if (current.status === 'flagged') {
      await deps.db.updateTable('sellerFlags').set({ signals: JSON.stringify(hits), evaluatedAt: now }).where('userId', '=', sellerId).execute();
    }
  }
  return sellerStatus(deps.db, sellerId, deps.config.proSellerListingsPerDay);
}

export async function sellerStatus(db: Executor, userId: string, listingsPerDay: number = FLAGGED_LISTINGS_PER_DAY): Promise<SellerStatus> {
  const f = await db.selectFrom('sellerFlags').selectAll().where('userId', '=', userId).executeTakeFirst();
  if (!f) return { status: 'ok', signals: [], flaggedAt: null, reviewRequestedAt: null, listingsPerDay: null };
  return {
    status: f.status as 'flagged' | 'cleared',
    signals: f.signals as TrippedSignal[],
    flaggedAt: f.flaggedAt.toISOString(),
    reviewRequestedAt: f.reviewRequestedAt?.toISOString() ?? null,
    listingsPerDay: f.status === 'flagged' ? listingsPerDay : null,
  };
}

/** A flagged member may list a few items a day while operators look (429 `listing_limited`). */
export async function assertCanList(deps: Pick<Deps, 'db' | 'clock' | 'config'>, sellerId: string) {
  const now = deps.clock.now();
  const perDay = deps.config.proSellerListingsPerDay;
  const r = await sql<{ flagged: boolean; today: number; oldest: Date | null }>`
    SELECT EXISTS (SELECT 1 FROM seller_flags WHERE user_id = ${sellerId} AND status = 'flagged') AS flagged,
      (SELECT count(*)::int FROM items WHERE seller_id = ${sellerId} AND created_at > ${new Date(now.getTime() - DAY_MS)}) AS today,
      (SELECT min(created_at) FROM (SELECT created_at FROM items WHERE seller_id = ${sellerId} AND created_at > ${new Date(now.getTime() - DAY_MS)}
         ORDER BY created_at DESC LIMIT ${Math.max(1, perDay)}) last) AS oldest
  `.execute(deps.db);
  const row = r.rows[0];
  if (!row?.flagged || row.today < perDay) return;
  const retry = row.oldest ? Math.max(1, Math.ceil((row.oldest.getTime() + DAY_MS - now.getTime()) / 1000)) : 3600;
  throw tooManyRequests(
    'listing_limited',
    retry,
    `Your account is under review as a possible professional seller: at most ${perDay} new listings a day until an operator has looked.`,
  );
}

export async function requestSellerReview(db: Executor, userId: string, now: Date) {
  const r = await db
    .updateTable('sellerFlags').set({ reviewRequestedAt: now })
    .where('userId', '=', userId).where('status', '=', 'flagged')
    .returning('userId').executeTakeFirst();
  if (!r) return false;
  // Back into the queue with the member's request, if operators had closed the entry meanwhile.
  await db
    .updateTable('reports').set({ status: 'open', detail: sql`left(detail || ' (the member asked for a review)', 500)` })
    .where('reporterId', 'is', null).where('targetType', '=', 'user').where('targetId', '=', userId).where('reason', '=', 'pro_seller')
    .execute();
  return true;
}
