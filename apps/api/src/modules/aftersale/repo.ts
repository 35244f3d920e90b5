// Data access for after-sale cases and their jurors: plain functions, db first.
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { AfterSaleJurors, AfterSales } from '../../db/types.ts';
import { addEvent as addOrderEvent } from '../orders/index.ts';
import { type CaseRole, type CaseStatus, OPEN_STATUSES } from './state.ts';

export type CaseRow = Selectable<AfterSales>;
export type JurorRow = Selectable<AfterSaleJurors>;
export type CaseEventRow = { caseId: string; type: string; actor: string; data: unknown; createdAt: Date };
export type CaseMediaRow = { caseId: string; mediaId: string; side: string; position: number };

export const findCase = (db: Executor, id: string) =>
  db.selectFrom('afterSales').selectAll().where('id', '=', id).executeTakeFirst();

export const lockCase = (db: Executor, id: string) =>
  db.selectFrom('afterSales').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findOpenCase = (db: Executor, orderId: string) =>
  db.selectFrom('afterSales').selectAll().where('orderId', '=', orderId).where('status', 'in', OPEN_STATUSES).executeTakeFirst();

export const casesOfOrder = (db: Executor, orderId: string) =>
  db.selectFrom('afterSales').selectAll().where('orderId', '=', orderId).orderBy('id', 'desc').execute();

export async function updateCase(db: Executor, id: string, set: Updateable<AfterSales>): Promise<CaseRow> {
  return db.updateTable('afterSales').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** A step of the case: on the case's own timeline and on the order's (which also posts the chat card). */
export async function addCaseEvent(
  db: Executor,
  c: Pick<CaseRow, 'id' | 'orderId' | 'buyerId' | 'sellerId'>,
  type: string,
  actor: CaseRole,
  data: Record<string, unknown> = {},
) {
  await db.insertInto('afterSaleEvents').values({ caseId: c.id, type, actor, data: JSON.stringify(data) }).execute();
  // The refund is on the order's timeline already, as the order's own 'refunded' event (money.ts).
  if (type === 'refunded') return;
  const actorId = actor === 'buyer' ? c.buyerId : actor === 'seller' ? c.sellerId : null;
  await addOrderEvent(db, c.orderId, `after_sale_${type}`, actorId, { caseId: c.id, ...data });
}

export const findCaseEvents = (db: Executor, caseIds: string[]): Promise<CaseEventRow[]> =>
  caseIds.length
    ? db.selectFrom('afterSaleEvents').select(['caseId', 'type', 'actor', 'data', 'createdAt']).where('caseId', 'in', caseIds).orderBy('id').execute()
    : Promise.resolve([]);

export async function attachMedia(db: Executor, caseId: string, side: 'buyer' | 'seller', mediaIds: readonly string[]) {
  if (!mediaIds.length) return;
  await db
    .insertInto('afterSaleMedia')
    .values(mediaIds.map((mediaId, position) => ({ caseId, mediaId, side, position })))
    .onConflict((oc) => oc.columns(['caseId', 'mediaId']).doNothing())
    .execute();
}

export const findCaseMedia = (db: Executor, caseIds: string[]): Promise<CaseMediaRow[]> =>
  caseIds.length
    ? db.selectFrom('afterSaleMedia').select(['caseId', 'mediaId', 'side', 'position']).where('caseId', 'in', caseIds).orderBy('side').orderBy('position').execute()
    : Promise.resolve([]);

export const findJurors = (db: Executor, caseId: string) =>
  db.selectFrom('afterSaleJurors').selectAll().where('caseId', '=', caseId).orderBy('drawnAt').execute();

export const lockJurors = (db: Executor, caseId: string) =>
  db.selectFrom('afterSaleJurors').selectAll().where('caseId', '=', caseId).orderBy('userId').forUpdate().execute();

export const findJuror = (db: Executor, caseId: string, userId: string) =>
  db.selectFrom('afterSaleJurors').selectAll().where('caseId', '=', caseId).where('userId', '=', userId).executeTakeFirst();

export async function seatJurors(db: Executor, caseId: string, userIds: readonly string[], now: Date, dueAt: Date) {
  if (!userIds.length) return;
  await db
    .insertInto('afterSaleJurors')
    .values(userIds.map((userId) => ({ caseId, userId, status: 'pending', drawnAt: now, dueAt })))
    .execute();
}

/** Cases whose current step ran out (the sweep then takes each one under its locks). */
export const dueCases = (db: Executor, now: Date, limit: number) =>
  db
    .selectFrom('afterSales').select('id').where('deadlineAt', '<=', now)
    .where('status', 'in', ['open', 'awaiting_return', 'returning', 'rejected'] satisfies CaseStatus[])
    .orderBy('deadlineAt').limit(limit).execute();
