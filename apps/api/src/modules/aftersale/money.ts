// The money of a case. Three rules hold everywhere here:
// 1. A case ends in a refund or a settlement, never both: the decision runs under the order's
//    row lock, and the ledger's unique (kind, reference) indexes back that up — one case_refund
//    per case, one settlement per order (ledger:verify checks both).
// 2. No balance goes below zero. On a settled order the seller pays the refund from their
//    available balance; what they cannot cover the platform advances to the buyer (an external
//    source, like the gateway) and takes back from the seller's next proceeds, and their
//    withdrawals wait meanwhile (balance_owed).
// 3. The gateway is called after commit. The decision books the refund to clearing:refunds in
//    its own transaction; the gateway's confirmation moves it on to external:gateway, and a
//    sweep retries a refund the gateway has not confirmed.
import { sql, type Updateable } from 'kysely';
import { type Db, type Executor, type Tx, withTx } from '../../db/index.ts';
import type { AfterSales } from '../../db/types.ts';
import { unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { GATEWAY, PLATFORM_FEES, accountKind, escrowAccount, memberAccount } from '../ledger/accounts.ts';
import { postTransaction } from '../ledger/post.ts';
import { addEvent as addOrderEvent, type OrderRow, releaseStock } from '../orders/index.ts';
import { settleDeposit } from '../orders/service/deposit.ts';
import { complete } from '../orders/service/fulfil.ts';
import type { CaseRow } from './repo.ts';

export const REFUND_CLEARING = 'clearing:refunds';
/** Negative balance = what the platform advanced for this seller and has not had back yet. */
export const advanceAccount = (sellerId: string) => `external:advances:${sellerId}`;

/** The platform fee given back with a refund of `amount` out of `total`: in proportion, half-up. */
export function feeReturned(fee: number, amount: number, total: number): number {
  if (total === 0) return 0;
  // Integer arithmetic: round_half_up(fee × amount / total).
  return Math.floor((2 * fee * amount + total) / (2 * total));
}

async function lockBalances(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  const sorted = [...new Set(ids)].sort();
  await tx
    .insertInto('ledgerAccounts')
    .values(sorted.map((id) => ({ id, ...accountKind(id) })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  // In id order, the order postTransaction locks in: concurrent postings never deadlock with us.
  const rows = await tx.selectFrom('ledgerAccounts').select(['id', 'balance']).where('id', 'in', sorted).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r.balance]));
}

/**
 * Books the refund of case `c` (the caller holds the order's and the case's row locks and has
 * checked the transition) and sets the order `refunded`. Returns the case's money columns, to
 * be written with its new status; the gateway is asked after commit.
 */
export async function bookRefund(tx: Tx, c: CaseRow, o: OrderRow, now: Date): Promise<Updateable<AfterSales>> {
  const amount = c.amount;
  let returned = 0;
  let advanced = 0;
  if (c.escrowHeld && c.orderStatusBefore === 'reserved') {
    // A contested no-show (定金托管): the deposit goes back to the buyer, nothing settles, the
    // reservation is over and the stock comes back.
    await postTransaction(tx, { kind: 'case_refund', reference: c.id, postings: [{ from: escrowAccount(o.id), to: REFUND_CLEARING, amount }] });
    await releaseStock(tx, o.itemId, o.quantity);
  } else if (c.escrowHeld) {
    // The money never left escrow: the refund goes back, the rest settles now (the buyer keeps
    // the item on a partial refund), with the fee charged on what the seller keeps only.
    const rest = o.total - amount;
    const feeKept = Math.min(rest, o.fee - feeReturned(o.fee, amount, o.total));
    await postTransaction(tx, {
      kind: 'case_refund',
      reference: c.id,
      postings: [
        { from: escrowAccount(o.id), to: REFUND_CLEARING, amount },
        { from: escrowAccount(o.id), to: memberAccount(o.sellerId), amount: rest - feeKept },
        { from: escrowAccount(o.id), to: PLATFORM_FEES, amount: feeKept },
      ],
    });
  } else {
    // Settled already: the seller gives back what they received of it, the platform its fee.
    returned = feeReturned(o.fee, amount, o.total);
    const fromSeller = amount - returned;
    const balances = await lockBalances(tx, [REFUND_CLEARING, advanceAccount(o.sellerId), PLATFORM_FEES, memberAccount(o.sellerId)]);
    const covered = Math.min(balances.get(memberAccount(o.sellerId)) ?? 0, fromSeller);
    advanced = fromSeller - covered;
    await postTransaction(tx, {
      kind: 'case_refund',
      reference: c.id,
      postings: [
        { from: memberAccount(o.sellerId), to: REFUND_CLEARING, amount: covered },
        { from: PLATFORM_FEES, to: REFUND_CLEARING, amount: returned },
        { from: advanceAccount(o.sellerId), to: REFUND_CLEARING, amount: advanced },
      ],
    });
  }
  await tx.updateTable('orders').set({ status: 'refunded', updatedAt: now }).where('id', '=', o.id).execute();
  await addOrderEvent(tx, o.id, 'refunded', null, { amount, caseId: c.id });
  return { refundStatus: amount === 0 ? 'paid' : 'processing', feeReturned: returned, advanced, escrowHeld: false };
}

/** The case ends without a refund: held escrow settles to the seller; a settled order is completed again. */
export async function releaseOrder(tx: Tx, c: CaseRow, o: OrderRow, now: Date): Promise<Updateable<AfterSales>> {
  if (c.escrowHeld && c.orderStatusBefore === 'reserved') {
    // The no-show claim upheld: the deposit settles to the seller (orders/service/deposit.ts).
    await settleDeposit(tx, o, now);
    return { escrowHeld: false };
  }
  if (c.escrowHeld) {
    await complete(tx, o, null, 'completed', now);
    return { escrowHeld: false };
  }
  await tx.updateTable('orders').set({ status: 'completed', updatedAt: now }).where('id', '=', o.id).execute();
  return {};
}

/** The buyer withdrew: the order goes on from where it was (auto-confirm resumes on its own clock). */
export async function resumeOrder(tx: Tx, c: CaseRow, o: OrderRow, now: Date): Promise<void> {
  const status = c.escrowHeld ? c.orderStatusBefore : 'completed';
  await tx.updateTable('orders').set({ status, updatedAt: now }).where('id', '=', o.id).execute();
}

/** After commit: asks the gateway to refund the buyer, then books its confirmation once. */
export async function deliverRefund(deps: Deps, caseId: string): Promise<void> {
  const c = await deps.db.selectFrom('afterSales').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (c?.refundStatus !== 'processing') return;
  const p = await deps.db
    .selectFrom('payments').select(['id', 'providerRef']).where('orderId', '=', c.orderId).where('status', 'in', ['succeeded', 'refunded'])
    .executeTakeFirst();
  let ref = 'no_payment';
  if (p?.providerRef) {
    const r = await deps.providers.payments.refund({ paymentId: p.id, ref: p.providerRef, amount: c.amount });
    if (!r.ok) {
      deps.log.warn({ caseId, reason: r.reason }, 'case refund declined by the gateway; the sweep will retry');
      return;
    }
    ref = r.ref;
  }
  await withTx(deps.db, async (tx) => {
    const locked = await tx.selectFrom('afterSales').select(['id', 'amount']).where('id', '=', caseId).where('refundStatus', '=', 'processing').forUpdate().executeTakeFirst();
    if (!locked) return; // booked by a concurrent delivery
    await postTransaction(tx, { kind: 'case_refund_paid', reference: caseId, postings: [{ from: REFUND_CLEARING, to: GATEWAY, amount: locked.amount }] });
    await tx.updateTable('afterSales').set({ refundStatus: 'paid', refundRef: ref, updatedAt: deps.clock.now() }).where('id', '=', caseId).execute();
  });
}

/** What `userId` owes the platform for refunds it advanced on their behalf, fen. */
export async function balanceOwed(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('ledgerAccounts').select('balance').where('id', '=', advanceAccount(userId)).executeTakeFirst();
  return Math.max(0, -(row?.balance ?? 0));
}

/** For POST /wallet/withdrawals: a seller who owes refunds withdraws nothing until they are repaid. */
export async function assertNothingOwed(db: Executor, userId: string): Promise<void> {
  const owed = await balanceOwed(db, userId);
  if (owed > 0) {
    throw unprocessable('balance_owed', 'Refunds advanced for your sales are repaid from your next proceeds first; withdrawals wait until then.', { owed });
  }
}

/** Takes what `sellerId` owes from their available balance, as far as it goes. */
export async function recoverOwed(db: Db, sellerId: string): Promise<number> {
  return withTx(db, async (tx) => {
    const b = await lockBalances(tx, [advanceAccount(sellerId), memberAccount(sellerId)]);
    const amount = Math.min(Math.max(0, -(b.get(advanceAccount(sellerId)) ?? 0)), b.get(memberAccount(sellerId)) ?? 0);
    if (amount <= 0) return 0;
    await postTransaction(tx, {
      kind: 'debt_recovery',
      reference: sellerId,
      postings: [{ from: memberAccount(sellerId), to: advanceAccount(sellerId), amount }],
    });
    return amount;
  });
}

/** Sellers who owe and have money again (proceeds arrived since): the sweep recovers from each. */
export async function recoverDebts(deps: Deps, limit = 200): Promise<number> {
  const rows = await sql<{ sellerId: string }>`
    SELECT substring(a.id FROM 19) AS "sellerId" FROM ledger_accounts a
    JOIN ledger_accounts m ON m.id = 'user:' || substring(a.id FROM 19)
    WHERE a.id LIKE 'external:advances:%' AND a.balance < 0 AND m.balance > 0
    LIMIT ${limit}`.execute(deps.db);
  let n = 0;
  for (const r of rows.rows) if ((await recoverOwed(deps.db, r.sellerId)) > 0) n++;
  return n;
}
