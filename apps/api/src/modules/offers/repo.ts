// Offers' reads for the routes (the service's own reads and writes run in its transactions).
import type { Executor } from '../../db/index.ts';
import { sql } from 'kysely';

export const findOffer = (db: Executor, id: string) =>
  db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();

/** One page of a member's offers as buyer or seller, newest first (keyset on id). */
export function listOffers(db: Executor, q: { userId: string; role: 'buyer' | 'seller'; itemId?: string; after?: string; limit: number }) {
  let query = db.selectFrom('offers').selectAll().where(q.role === 'buyer' ? 'buyerId' : 'sellerId', '=', q.userId);
  if (q.itemId) query = query.where('itemId', '=', q.itemId);
  if (q.after) query = query.where('id', '<', q.after);
  return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
}

/** Decisions waiting on the member: offers on their items still pending, their own offers countered. */
export async function offerCounts(db: Executor, me: string) {
  const r = await sql<{ received: string; countered: string }>`
    SELECT (SELECT count(*) FROM offers WHERE seller_id = ${me} AND status = 'pending') AS received,
           (SELECT count(*) FROM offers WHERE buyer_id = ${me} AND status = 'countered') AS countered`.execute(db);
  const row = r.rows[0] ?? { received: '0', countered: '0' };
  return { received: Number(row.received), countered: Number(row.countered) };
}

export const findItemFloor = (db: Executor, itemId: string) =>
  db.selectFrom('items').select(['id', 'sellerId', 'floorPrice']).where('id', '=', itemId).executeTakeFirst();
