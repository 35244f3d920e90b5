// Reservation deposit (定金托管, SPEC C4). Paying and cancelling a deposit order go through
// pay.ts and cancel.ts like any order; this file holds what only a reservation has:
//   - the seller's no-show claim (POST /orders/:id/no-show): the order stays reserved, the
//     buyer has `noShowContestHours` (24 h by default; the deadline is written on the order as
//     contest_until, so a change of the setting applies to later claims) to contest it by an after-sale case (the order is then `refunding` and the
//     deposit stays in escrow until the case ends);
//   - the settlement of an uncontested claim: the deposit goes to the seller (no fee: nothing
//     was sold), the order ends cancelled ('no_show') and the stock comes back;
//   - the hold running out: the order is cancelled and the deposit refunded in full.
// Both sweeps take their orders with SKIP LOCKED and re-check the state under the row lock, so
// an after-sale case opened concurrently (it locks the order too) either comes first — the
// order is then `refunding` and the sweep does not see it — or finds the order settled.
import { type Tx, withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { type Guard, noKey } from '../../../lib/idempotency.ts';
import { escrowAccount, memberAccount } from '../../ledger/accounts.ts';
import { postTransaction } from '../../ledger/post.ts';
import { addEvent, lockOrder, type OrderRow, releaseStock } from '../repo.ts';
import { factsOf, transition } from '../state.ts';
import { cancelLocked, refundPayment } from './cancel.ts';

const HOUR = 3_600_000;

/** The seller records that the buyer did not come to the pickup. */
export async function recordNoShow(deps: Deps, sellerId: string, orderId: string, guard: Guard<OrderRow> = noKey()): Promise<OrderRow> {
  return withTx(deps.db, async (tx) => {
    await guard.claim(tx);
    const now = deps.clock.now();
    const o = await lockOrder(tx, orderId);
    if (!o || (o.buyerId !== sellerId && o.sellerId !== sellerId)) throw notFound('order');
    if (o.status === 'refunding') throw conflict('case_open', 'An after-sale case is open on this order; it decides where the money goes.');
    const t = transition(factsOf(o), 'no_show', o.sellerId === sellerId ? 'seller' : 'buyer');
    if (!t.ok && t.reason === 'wrong_role') throw forbidden('not_allowed', 'Only the seller records a no-show.');
    if (!t.ok) throw conflict('invalid_state', `Not possible while the order is ${o.status}.`, { orderStatus: o.status });
    const contestUntil = new Date(now.getTime() + deps.config.noShowContestHours * HOUR);
    const r = await tx
      .updateTable('orders').set({ noShowAt: now, contestUntil, updatedAt: now }).where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
    await addEvent(tx, o.id, 'no_show', sellerId, { contestUntil: contestUntil.toISOString() });
    await guard.record(tx, r);
    return r;
  });
}

/**
 * The deposit settles to the seller: the buyer did not come (an uncontested claim, or a case
 * decided for the seller). The caller holds the order's row lock. Once per order (the ledger's
 * unique deposit_release); the stock comes back and the order ends cancelled.
 */
export async function settleDeposit(tx: Tx, o: OrderRow, now: Date): Promise<OrderRow> {
  if (o.deposit === null) throw new Error(`order ${o.id} has no deposit`);
  await postTransaction(tx, {
    kind: 'deposit_release',
    reference: o.id,
    postings: [{ from: escrowAccount(o.id), to: memberAccount(o.sellerId), amount: o.deposit }],
  });
  const r = await tx
    .updateTable('orders')
    .set({ status: 'cancelled', cancelledAt: now, cancelReason: 'no_show', updatedAt: now })
    .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
  await releaseStock(tx, o.itemId, o.quantity);
  await addEvent(tx, o.id, 'deposit_settled', null, { amount: o.deposit });
  return r;
}

/** No-show claims past their contest deadline and not contested: their deposits go to the sellers. */
export async function settleNoShows(deps: Deps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  return withTx(deps.db, async (tx) => {
    const due = await tx
      .selectFrom('orders').selectAll().where('status', '=', 'reserved').where('contestUntil', '<=', now)
      .orderBy('contestUntil').limit(limit).forUpdate().skipLocked().execute();
    for (const o of due) {
      if (!transition(factsOf(o), 'settle_deposit', 'system').ok) continue;
      await settleDeposit(tx, o, now);
    }
    return due.length;
  });
}

/** Reservations whose hold ran out (no claim pending): cancelled, stock back, the deposit refunded in full. */
export async function expireReservations(deps: Deps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  const owed: string[] = [];
  const n = await withTx(deps.db, async (tx) => {
    const due = await tx
      .selectFrom('orders').selectAll().where('status', '=', 'reserved').where('noShowAt', 'is', null).where('reservedUntil', '<=', now)
      .orderBy('reservedUntil').limit(limit).forUpdate().skipLocked().execute();
    for (const o of due) {
      if (!transition(factsOf(o), 'expire_reservation', 'system').ok) continue;
      const r = await cancelLocked(tx, o, null, 'reservation_expired', 'reservation_expired', now);
      owed.push(...r.paymentIds);
    }
    return due.length;
  });
  // After commit; a refund the gateway does not confirm now is owed, for refunds-retry.
  for (const id of owed) await refundPayment(deps, id);
  return n;
}
