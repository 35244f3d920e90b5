// 想要 (item collects), view counting and seller stats. The rules, in one place:
//
// - A view is a read of GET /items/:id by anyone but the seller. Each viewer counts once per
//   item per Beijing day: a member by id, a visitor by their address and user agent (hashed to
//   64 bits, never stored in clear). Repeats inside one process are answered from memory (the
//   day's keys, bounded) and do not reach the database; across processes the mark's primary key
//   decides (no double count).
// - 想要 is exact: the row and the counter change in one transaction.
// - Seller stats cover the last 90 days of chat (see repo.sellerStatsRow) and every completed
//   sale; they are computed by SQL and kept in memory for 10 minutes per seller.
import { createHash } from 'node:crypto';
import { withTx } from '../../db/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import type { Sweep } from '../../lib/jobs.ts';
import { findItem, findSeller } from '../items/index.ts';
import { bumpCollectCount, deleteCollect, findItemStats, hasCollected, insertCollect, markView, noteOfItem, pruneViewMarks, sellerStatsRow } from './repo.ts';

const BEIJING_MS = 8 * 3_600_000;
export const beijingDay = (at: Date) => new Date(Math.floor((at.getTime() + BEIJING_MS) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

type Db = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'log'>>;

/** A 64-bit signed hash of who is looking: what item_view_marks stores instead of the key. */
export function viewerHash(key: string): bigint {
  return createHash('sha256').update(key).digest().readBigInt64BE(0);
}

// Marks this process already wrote (or found written): item|day|viewer. Bounded; cleared when
// full, which only means a repeat view reaches the database once more (and conflicts there).
const SEEN_MAX = 50_000;
const seen = new Set<string>();

export async function countItemView(deps: Db, item: { id: string; sellerId: string }, viewerKey: string): Promise<boolean> {
  if (viewerKey === `u:${item.sellerId}`) return false;
  const day = beijingDay(deps.clock.now());
  // The repeat check goes before the hash (a few µs): the key stays in this process's memory.
  const key = `${item.id}|${day}|${viewerKey}`;
  if (seen.has(key)) return false;
  try {
    const counted = await markView(deps.db, item.id, day, viewerHash(viewerKey));
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.add(key);
    return counted;
  } catch (err) {
    deps.log?.warn({ err }, 'item view not counted'); // a count never fails the read
    return false;
  }
}

export async function itemEngagement(deps: Db, itemId: string, viewerId: string | null) {
  const [stats, collectedByMe, noteId] = await Promise.all([
    findItemStats(deps.db, itemId),
    hasCollected(deps.db, viewerId, itemId),
    noteOfItem(deps.db, itemId),
  ]);
  return { ...stats, collectedByMe, noteId };
}

/** 想要 on or off; repeating it changes nothing. Not on one's own item, nor on one hidden or gone. */
export async function setItemCollect(deps: Db, userId: string, itemId: string, on: boolean): Promise<void> {
  await withTx(deps.db, async (tx) => {
    const item = await findItem(tx, itemId);
    if (!item || item.hiddenAt) throw notFound('item');
    if (on) {
      if (item.sellerId === userId) throw forbidden('own_item', 'You cannot want your own item.');
      const seller = await findSeller(tx, item.sellerId);
      if (seller?.status !== 'active') throw notFound('item');
      if (await insertCollect(tx, userId, itemId)) await bumpCollectCount(tx, itemId, 1);
    } else if (await deleteCollect(tx, userId, itemId)) {
      await bumpCollectCount(tx, itemId, -1);
    }
  });
}

export type SellerStats = {
  itemsSold: number;
  /** Conversations others started with the seller in the window. */
  conversations: number;
  /** Share of them answered within 24 h, 0…1; null when there were none. */
  responseRate: number | null;
  /** Median time to the first reply, in seconds; null when the seller answered none. */
  medianResponseSeconds: number | null;
  windowDays: number;
  computedAt: string;
};

const WINDOW_DAYS = 90;
const CACHE_MS = 10 * 60_000;
const statsCache = new Map<string, { at: number; value: SellerStats }>();

export async function sellerStats(deps: Db, sellerId: string): Promise<SellerStats> {
  const now = deps.clock.now();
  const hit = statsCache.get(sellerId);
  if (hit && now.getTime() - hit.at < CACHE_MS && now.getTime() >= hit.at) return hit.value;
  const seller = await findSeller(deps.db, sellerId);
  if (seller?.status !== 'active') throw notFound('user');
  const row = await sellerStatsRow(deps.db, sellerId, new Date(now.getTime() - WINDOW_DAYS * 86_400_000));
  const value: SellerStats = {
    itemsSold: row.itemsSold,
    conversations: row.conversations,
    responseRate: row.conversations ? Math.round((row.answered / row.conversations) * 1000) / 1000 : null,
    medianResponseSeconds: row.medianSeconds === null ? null : Math.round(row.medianSeconds),
    windowDays: WINDOW_DAYS,
    computedAt: now.toISOString(),
  };
  if (statsCache.size >= 10_000) statsCache.clear();
  statsCache.set(sellerId, { at: now.getTime(), value });
  return value;
}

/** Yesterday's marks still guard late-evening repeats across midnight UTC; older ones go. */
export const engagementSweeps: Sweep[] = [
  {
    name: 'item-view-marks-prune',
    cron: '17 * * * *',
    run: (deps) => pruneViewMarks(deps.db, beijingDay(new Date(deps.clock.now().getTime() - 86_400_000))),
  },
];
