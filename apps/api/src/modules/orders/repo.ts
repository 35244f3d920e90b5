import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Orders } from '../../db/types.ts';

export type OrderRow = Selectable<Orders>;

export const findOrder = (db: Executor, id: string) =>
  db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();

export const lockOrder = (db: Executor, id: string) =>
  db.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const addEvent = (db: Executor, orderId: string, type: string, actorId: string | null, data: Record<string, unknown> = {}) =>
  db.insertInto('orderEvents').values({ orderId, type, actorId, data: JSON.stringify(data) }).execute();

export const findEvents = (db: Executor, orderIds: string[]) =>
  orderIds.length
    ? db.selectFrom('orderEvents').select(['orderId', 'type', 'actorId', 'data', 'createdAt']).where('orderId', 'in', orderIds).orderBy('id').execute()
    : Promise.resolve([]);

/** Gives units back to the item (cancelled or expired orders). The item's status follows. */
export const releaseStock = (db: Executor, itemId: string, quantity: number) =>
  db
    .updateTable('items')
    .set((eb) => ({ available: eb('available', '+', quantity) }))
    .where('id', '=', itemId)
    .execute();

/** One page of a member's orders as buyer or seller, newest first (keyset on id), optionally in some states. */
export function listOrders(db: Executor, q: { userId: string; role: 'buyer' | 'seller'; statuses?: string[]; after?: string; limit: number }) {
  let query = db.selectFrom('orders').selectAll().where(q.role === 'buyer' ? 'buyerId' : 'sellerId', '=', q.userId);
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  if (q.after) query = query.where('id', '<', q.after);
  return query.orderBy('id', 'desc').limit(q.limit + 1).execute();
}
