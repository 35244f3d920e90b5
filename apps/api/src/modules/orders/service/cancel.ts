// Cancellation before shipment returns the stock and, for a paid order, refunds in full.
// The refund goes through the gateway after commit; the booking (escrow → gateway) follows its
// answer. A cancelled order whose payment is still 'succeeded' is a refund owed: the sweep
// retries it until the gateway confirms. The gateway refunds at most once per payment (it is
// idempotent by our payment id), so a retry after a lost answer never refunds twice.
import { sql } from 'kysely';
import { withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { type Guard, noKey } from '../../../lib/idempotency.ts';
import { GATEWAY, escrowAccount } from '../../ledger/accounts.ts';
import { postTransaction } from '../../ledger/post.ts';
import { refreshOrderAnswers, refundResource } from '../answers.ts';
import { addEvent, lockOrder, type OrderRow, releaseStock } from '../repo.ts';
import { factsOf, type Role, transition } from '../state.ts';

export async function cancelOrder(
  deps: Deps,
  actor: { id: string | null; role: 'member' | 'system' },
  orderId: string,
  reason?: string,
  guard: Guard<OrderRow> = noKey(),
) {
  const now = deps.clock.now();
  const { order, paymentIds } = await withTx(deps.db, async (tx) => {
    await guard.claim(tx);
    const o = await lockOrder(tx, orderId);
    if (!o || (actor.role !== 'system' && o.buyerId !== actor.id && o.sellerId !== actor.id)) throw notFound('order');
    const role: Role = actor.role === 'system' ? 'system' : o.buyerId === actor.id ? 'buyer' : 'seller';
    const t = transition(factsOf(o), 'cancel', role);
    if (!t.ok) {
      if (t.reason === 'wrong_role') throw forbidden('not_allowed', 'You cannot cancel this order.');
      throw conflict('invalid_state', `An order that is ${o.status} can no longer be cancelled.`, { orderStatus: o.status });
    }
    const r = await cancelLocked(tx, o, actor.id, reason ?? null, 'cancelled', now);
    // The answer commits with the cancellation; the (last) refund's booking refreshes it.
    const last = r.paymentIds.at(-1);
    await guard.record(tx, r.order, last ? { resource: refundResource(last) } : {});
    return r;
  });
  for (const id of paymentIds) await refundPayment(deps, id);
  return (await deps.db.selectFrom('orders').selectAll().where('id', '=', order.id).executeTakeFirst()) as OrderRow;
}

export async function cancelLocked(
  tx: Parameters<Parameters<typeof withTx>[1]>[0],
  o: OrderRow,
  actorId: string | null,
  reason: string | null,
  event: 'cancelled' | 'expired' | 'reservation_expired',
  now: Date,
) {
  const order = await tx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: reason, updatedAt: now })
    .where('id', '=', o.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await releaseStock(tx, o.itemId, o.quantity);
  await addEvent(tx, o.id, event, actorId, reason ? { reason } : {});
  // Every captured payment goes back: a deposit order may have two (the deposit first).
  const paid = await tx
    .selectFrom('payments').select('id').where('orderId', '=', o.id).where('status', '=', 'succeeded')
    .orderBy(sql`purpose = 'balance'`).orderBy('createdAt').execute();
  return { order, paymentIds: paid.map((p) => p.id) };
}

/**
 * Asks the gateway to refund a captured payment of a cancelled order, then books it once.
 * A refusal or an unknown outcome (the gateway threw) leaves the refund owed, for the sweep.
 */
export async function refundPayment(deps: Deps, paymentId: string): Promise<boolean> {
  const p = await deps.db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
  if (p?.status !== 'succeeded' || !p.providerRef) return false;
  let result: Awaited<ReturnType<Deps['providers']['payments']['refund']>>;
  try {
    result = await deps.providers.payments.refund({ paymentId: p.id, ref: p.providerRef, amount: p.amount });
  } catch (err) {
    deps.log.warn({ err, paymentId }, 'refund: the gateway did not answer; the sweep asks again');
    return false;
  }
  if (!result.ok) {
    deps.log.warn({ paymentId, reason: result.reason }, 'refund declined by the gateway; the sweep will retry');
    return false;
  }
  return withTx(deps.db, async (tx) => {
    // The order first, then the payment, like every path that locks both (pay, markPaid, cancel):
    // the refunded event's insert takes a key-share lock on the order anyway, and taken after the
    // payment it deadlocked with markPaid (which holds the order and waits for the payment).
    await lockOrder(tx, p.orderId);
    const locked = await tx
      .selectFrom('payments').select(['id', 'orderId', 'amount', 'purpose']).where('id', '=', paymentId).where('status', '=', 'succeeded')
      .forUpdate().executeTakeFirst();
    if (!locked) return false; // booked by a concurrent call
    await postTransaction(tx, {
      kind: locked.purpose === 'deposit' ? 'deposit_refund' : 'refund',
      reference: locked.orderId,
      postings: [{ from: escrowAccount(locked.orderId), to: GATEWAY, amount: locked.amount }],
    });
    await tx.updateTable('payments').set({ status: 'refunded', updatedAt: deps.clock.now() }).where('id', '=', paymentId).execute();
    await addEvent(tx, locked.orderId, locked.purpose === 'deposit' ? 'deposit_refunded' : 'refunded', null, { amount: locked.amount });
    await refreshOrderAnswers(tx, refundResource(paymentId), locked.orderId);
    return true;
  });
}

/** The 15-minute rule: unpaid orders past their time are cancelled and their stock returned. */
export async function expireDueOrders(deps: Deps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  const owed: string[] = [];
  const n = await withTx(deps.db, async (tx) => {
    // SKIP LOCKED: several processes may sweep at once; each order is taken by one of them.
    const due = await tx
      .selectFrom('orders').selectAll().where('status', '=', 'pending_payment').where('expiresAt', '<=', now)
      .orderBy('expiresAt').limit(limit).forUpdate().skipLocked().execute();
    for (const o of due) {
      const r = await cancelLocked(tx, o, null, 'unpaid', 'expired', now);
      owed.push(...r.paymentIds);
    }
    return due.length;
  });
  for (const id of owed) await refundPayment(deps, id);
  return n;
}

/** Refunds owed (cancelled orders whose payment is still captured), retried until booked. Returns how many were booked. */
export async function retryOwedRefunds(deps: Deps): Promise<number> {
  const owed = await deps.db
    .selectFrom('payments').innerJoin('orders', 'orders.id', 'payments.orderId')
    .select('payments.id').where('payments.status', '=', 'succeeded').where('orders.status', '=', 'cancelled')
    // A deposit settled to the seller (the buyer did not come) is not owed back.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ledgerTransactions').select('id').where('kind', '=', 'deposit_release').whereRef('reference', '=', 'orders.id'))),
    )
    .limit(200).execute();
  let booked = 0;
  for (const p of owed) if (await refundPayment(deps, p.id)) booked += 1;
  return booked;
}
