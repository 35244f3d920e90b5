// Payout method rows: plain functions, db first.
import type { Executor } from '../../db/index.ts';

export const activeMethods = (db: Executor, userId: string) =>
  db
    .selectFrom('payoutMethods')
    .selectAll()
    .where('userId', '=', userId)
    .where('deletedAt', 'is', null)
    // The default first: the last used, else the newest.
    .orderBy((eb) => eb.fn.coalesce('lastUsedAt', 'createdAt'), 'desc')
    .orderBy('id', 'desc')
    .execute();

export type PayoutMethodRow = Awaited<ReturnType<typeof activeMethods>>[number];

export const countActive = async (db: Executor, userId: string) =>
  Number(
    (
      await db
        .selectFrom('payoutMethods')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('deletedAt', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** For a withdrawal, in its transaction: the member's chosen (or default) method, locked (removal and concurrent withdrawals to it wait; share locks would deadlock on last_used_at). */
export function methodForWithdrawal(db: Executor, userId: string, id: string | undefined) {
  let q = db.selectFrom('payoutMethods').selectAll().where('userId', '=', userId).where('deletedAt', 'is', null);
  q = id ? q.where('id', '=', id) : q.orderBy((eb) => eb.fn.coalesce('lastUsedAt', 'createdAt'), 'desc').orderBy('id', 'desc').limit(1);
  return q.forNoKeyUpdate().executeTakeFirst();
}

export const findMethod = (db: Executor, id: string) =>
  db.selectFrom('payoutMethods').selectAll().where('id', '=', id).executeTakeFirst();
