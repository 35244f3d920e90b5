// Withdrawal (提现): money leaves a member's available balance for their payout method.
// 1. In one transaction: the withdrawal row, a posting user → clearing, and the request's
//    idempotency record. The balance CHECK makes overdrawing impossible, even for concurrent
//    requests (they serialize on the row).
// 2. After commit, the payout provider is asked (never inside the transaction).
// 3. Its answer is booked: clearing → external on success, clearing → user on a final refusal.
//    An unknown outcome (the provider threw or timed out) or a "try again" leaves the withdrawal
//    processing; the retry sweep asks again (the provider is idempotent by withdrawal id).
import { sql } from 'kysely';
import { withTx } from '../../db/index.ts';
import { unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { type Guard, noKey, refreshIdempotent } from '../../lib/idempotency.ts';
import { assertNothingOwed } from '../aftersale/money.ts';
import { payoutTo } from '../payout-methods/presenter.ts';
import { findMethod, methodForWithdrawal } from '../payout-methods/index.ts';
import { destinationOf } from '../payout-methods/service.ts';
import { PAYOUTS, PAYOUT_CLEARING, memberAccount } from './accounts.ts';
import type { PayoutResult } from './payouts.ts';
import { InsufficientFunds, postTransaction } from './post.ts';
import { presentWithdrawal, type WithdrawalRow } from './presenter.ts';

/** ¥1: the default of the setting minWithdrawal (modules/admin/rules.ts). */
export const MIN_WITHDRAWAL = 100;
/** "Not sent, try again" answers accepted before the money goes back to the member. */
export const MAX_PAYOUT_ATTEMPTS = 6;
/** A withdrawal untouched this long while processing is retried by the sweep. */
export const PAYOUT_RETRY_AFTER_MS = 60_000;

export const withdrawalResource = (id: string) => `withdrawal:${id}`;

export async function requestWithdrawal(
  deps: Deps,
  userId: string,
  amount: number,
  guard: Guard<WithdrawalRow> = noKey(),
  /** The member's choice; without it, their default method (the last used, else the newest). */
  payoutMethodId?: string,
) {
  const min = deps.config.minWithdrawal;
  if (amount < min) {
    throw unprocessable('amount_below_minimum', `The smallest withdrawal is ¥${(min / 100).toFixed(2)}.`, {
      errors: [{ path: 'amount', message: `at least ${min} fen` }],
      min,
    });
  }
  await assertNothingOwed(deps.db, userId); // 422 balance_owed: refunds advanced for this seller come first
  let withdrawal: WithdrawalRow;
  try {
    withdrawal = await withTx(deps.db, async (tx) => {
      await guard.claim(tx);
      // Locked: removing the method waits for this withdrawal to commit with it.
      const method = await methodForWithdrawal(tx, userId, payoutMethodId);
      if (!method) {
        throw payoutMethodId
          ? unprocessable('payout_method_not_found', 'That payout method is not one of yours (or was removed).', {
              errors: [{ path: 'payoutMethodId', message: 'not one of your payout methods' }],
            })
          : unprocessable('payout_method_required', 'Add a payout method (an Alipay account or a bank card) before withdrawing.', {
              errors: [{ path: 'payoutMethodId', message: 'no payout method' }],
            });
      }
      const now = deps.clock.now();
      const w = await tx
        .insertInto('withdrawals')
        .values({
          userId, amount, status: 'processing', method: deps.providers.payouts.name, updatedAt: now,
          payoutMethodId: method.id, payoutTo: JSON.stringify(payoutTo(method)),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await tx.updateTable('payoutMethods').set({ lastUsedAt: now }).where('id', '=', method.id).execute();
      await postTransaction(tx, {
        kind: 'withdrawal',
        reference: w.id,
        postings: [{ from: memberAccount(userId), to: PAYOUT_CLEARING, amount }],
      });
      // The answer 'processing' commits with the money: a retry replays it, never withdraws again.
      await guard.record(tx, w, { resource: withdrawalResource(w.id) });
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
  let result: PayoutResult | { ok: null; error: string };
  // A withdrawal from before payout methods existed has none: the provider declines it and the money comes back.
  const method = w.payoutMethodId ? await findMethod(deps.db, w.payoutMethodId) : undefined;
  const destination = method ? destinationOf(deps, method) : null;
  try {
    result = await deps.providers.payouts.send({ withdrawalId: w.id, userId: w.userId, amount: w.amount, destination });
  } catch (err) {
    // Unknown outcome: the money may have left. Only the provider's own answer may settle it.
    deps.log.warn({ err, withdrawalId }, 'payout provider failed; the withdrawal stays processing and is retried');
    result = { ok: null, error: err instanceof Error ? err.message || err.name : String(err) };
  }
  return withTx(deps.db, async (tx) => {
    // Only the first booking wins; a concurrent completion finds the row no longer processing.
    const locked = await tx
      .selectFrom('withdrawals').selectAll().where('id', '=', w.id).where('status', '=', 'processing')
      .forUpdate().executeTakeFirst();
    if (!locked) return tx.selectFrom('withdrawals').selectAll().where('id', '=', w.id).executeTakeFirstOrThrow();
    const attempts = locked.attempts + 1;
    const now = deps.clock.now();
    let change: { status: string; providerRef?: string; failureReason?: string; lastError?: string | null };
    if (result.ok === true) {
      await postTransaction(tx, { kind: 'withdrawal_paid', reference: w.id, postings: [{ from: PAYOUT_CLEARING, to: PAYOUTS, amount: w.amount }] });
      change = { status: 'paid', providerRef: result.ref, lastError: null };
    } else if (result.ok === false && (!result.retryable || attempts >= MAX_PAYOUT_ATTEMPTS)) {
      // A definite "not sent": the money goes back to the member, once (the ledger allows one reversal).
      await postTransaction(tx, {
        kind: 'withdrawal_reversed', reference: w.id,
        postings: [{ from: PAYOUT_CLEARING, to: memberAccount(w.userId), amount: w.amount }],
      });
      change = { status: 'failed', failureReason: result.reason, lastError: result.retryable ? result.reason : null };
    } else {
      change = { status: 'processing', lastError: result.ok === false ? result.reason : result.error };
    }
    const updated = await tx
      .updateTable('withdrawals')
      .set({ ...change, attempts, updatedAt: now })
      .where('id', '=', w.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshIdempotent(tx, withdrawalResource(w.id), async () => ({ status: 201, body: presentWithdrawal(updated) }));
    return updated;
  });
}

/**
 * The payout retry sweep: withdrawals still processing (a provider that failed, timed out or
 * said "try again", or a crash between commit and the provider's answer) are asked again.
 * Rows are leased by moving updated_at, so two processes never ask for the same one at once.
 */
export async function retryStuckWithdrawals(deps: Deps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const leased = await sql<{ id: string }>`
    UPDATE withdrawals SET updated_at = ${now}
    WHERE id IN (
      SELECT id FROM withdrawals
      WHERE status = 'processing' AND updated_at < ${new Date(now.getTime() - PAYOUT_RETRY_AFTER_MS)}
      ORDER BY updated_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`.execute(deps.db);
  for (const w of leased.rows) await completeWithdrawal(deps, w.id);
  return leased.rows.length;
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

/** Money on its way to the member's payout method: withdrawals not yet confirmed. */
export async function processingTotal(deps: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const row = await deps.db
    .selectFrom('withdrawals')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('total'))
    .where('userId', '=', userId)
    .where('status', '=', 'processing')
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
