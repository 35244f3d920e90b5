// Withdrawal (提现): money leaves a member's available balance for their payout method.
// 1. In one transaction: the withdrawal row and a posting user → clearing. The balance CHECK
//    makes overdrawing impossible, even for concurrent requests (they serialize on the row).
// 2. After commit, the payout provider is asked (never inside the transaction).
// 3. Its answer is booked: clearing → external on success, clearing → user on failure.
import { sql } from 'kysely';
import { withTx } from '../../db/index.ts';
import { unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { PAYOUTS, PAYOUT_CLEARING, memberAccount } from './accounts.ts';
import { InsufficientFunds, postTransaction } from './post.ts';

export const MIN_WITHDRAWAL = 100; // ¥1

export async function requestWithdrawal(deps: Deps, userId: string, amount: number) {
  if (amount < MIN_WITHDRAWAL) {
    throw unprocessable('amount_below_minimum', 'The smallest withdrawal is ¥1.00.', {
      errors: [{ path: 'amount', message: 'at least 100 fen' }],
    });
  }
  let withdrawal: { id: string; amount: number; status: string };
  try {
    withdrawal = await withTx(deps.db, async (tx) => {
      const w = await tx
        .insertInto('withdrawals')
        .values({ userId, amount, status: 'processing', method: deps.providers.payouts.name })
        .returning(['id', 'amount', 'status'])
        .executeTakeFirstOrThrow();
      await postTransaction(tx, {
        kind: 'withdrawal',
        reference: w.id,
        postings: [{ from: memberAccount(userId), to: PAYOUT_CLEARING, amount }],
      });
      return w;
    });
  } catch (err) {
    if (err instanceof InsufficientFunds) {
      throw unprocessable('insufficient_funds', 'The amount is more than your available balance.', {
        errors: [{ path: 'amount', message: 'more than available' }],
      });
    }
    throw err;
  }
  return completeWithdrawal(deps, withdrawal.id);
}

/** Asks the provider and books its answer. Safe to call again for a withdrawal still processing. */
export async function completeWithdrawal(deps: Deps, withdrawalId: string) {
  const w = await deps.db.selectFrom('withdrawals').selectAll().where('id', '=', withdrawalId).executeTakeFirstOrThrow();
  if (w.status !== 'processing') return w;
  const result = await deps.providers.payouts.send({ withdrawalId: w.id, userId: w.userId, amount: w.amount });
  return withTx(deps.db, async (tx) => {
    // Only the first booking wins; a concurrent completion finds the row no longer processing.
    const locked = await tx
      .selectFrom('withdrawals').selectAll().where('id', '=', w.id).where('status', '=', 'processing')
      .forUpdate().executeTakeFirst();
    if (!locked) return tx.selectFrom('withdrawals').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
    if (result.ok) {
      await postTransaction(tx, { kind: 'withdrawal_paid', reference: w.id, postings: [{ from: PAYOUT_CLEARING, to: PAYOUTS, amount: w.amount }] });
    } else {
      await postTransaction(tx, {
        kind: 'withdrawal_reversed', reference: w.id,
        postings: [{ from: PAYOUT_CLEARING, to: memberAccount(w.userId), amount: w.amount }],
      });
    }
    return tx
      .updateTable('withdrawals')
      .set({
        status: result.ok ? 'paid' : 'failed',
        providerRef: result.ok ? result.ref : null,
        failureReason: result.ok ? null : result.reason,
        updatedAt: sql`now()`,
      })
      .where('id', '=', w.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function withdrawnTotal(deps: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const row = await deps.db
    .selectFrom('withdrawals')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('total'))
    .where('userId', '=', userId)
    .where('status', '=', 'paid')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
