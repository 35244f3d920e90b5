// Paying an order into escrow. The gateway is called outside any transaction; its answer, its
// signed callback, or the reconciliation sweep's status query is booked by markPaid, which is
// idempotent: the order is paid, and the money posted to escrow, exactly once however many
// times any path arrives.
//
// With an Idempotency-Key, the key commits with the payment row ("pending", 202); the booking
// of the gateway's answer refreshes it (200 paid, or 402 declined) in the booking's own
// transaction. A retry never charges again: it replays the payment's outcome as booked so far.
import { type Tx, withTx } from '../../../db/index.ts';
import { AppError, conflict, notFound } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { type Guard, noKey } from '../../../lib/idempotency.ts';
import { GATEWAY, escrowAccount } from '../../ledger/accounts.ts';
import { AlreadyPosted, postTransaction } from '../../ledger/post.ts';
import { payResource, refreshOrderAnswers, refreshRefusal } from '../answers.ts';
import type { ChargeResult } from '../gateway.ts';
import { addEvent, lockOrder, type OrderRow } from '../repo.ts';
import { factsOf, transition } from '../state.ts';
import { refundPayment } from './cancel.ts';

export type PayOutcome = { order: OrderRow; pending: boolean };

const declined = (reason: string) =>
  new AppError(402, 'payment_declined', `The payment was declined (${reason}). Nothing was charged.`, { reason });

export async function payOrder(deps: Deps, buyerId: string, orderId: string, guard: Guard<PayOutcome> = noKey()): Promise<PayOutcome> {
  const now = deps.clock.now();
  const prepared = await withTx(deps.db, async (tx) => {
    await guard.claim(tx);
    const o = await lockOrder(tx, orderId);
    if (!o || o.buyerId !== buyerId) throw notFound('order');
    const t = transition(factsOf(o), 'pay', 'buyer');
    if (!t.ok) throw conflict('invalid_state', `An order that is ${o.status} cannot be paid.`, { orderStatus: o.status });
    if (o.status === 'pending_payment' && o.expiresAt <= now) throw conflict('order_expired', 'This order expired unpaid; place a new one.');
    if (o.status === 'reserved' && o.reservedUntil && o.reservedUntil <= now) {
      throw conflict('reservation_expired', 'The reservation has run out; the deposit is refunded.');
    }
    const { purpose, amount } = dueNow(o);
    if (amount === 0) {
      // A free giveaway with nothing to pay: no gateway, no money, straight to paid.
      const order = await setPaid(tx, o, now);
      await guard.record(tx, { order, pending: false });
      return { order, payment: null };
    }
    // Concurrent pays serialize on the order lock and share one payment: one charge.
    // A deposit order has two: the deposit, then the balance; each is its own payment.
    const existing = await tx
      .selectFrom('payments').selectAll().where('orderId', '=', o.id).where('purpose', '=', purpose).where('status', 'in', ['created', 'succeeded'])
      .executeTakeFirst();
    // Charging (again) now: updated_at tells the reconciliation sweep this payment is not stuck.
    const payment = existing
      ? await tx.updateTable('payments').set({ updatedAt: now }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
      : await tx
          .insertInto('payments')
          .values({ orderId: o.id, provider: deps.providers.payments.name, amount, purpose, status: 'created', createdAt: now, updatedAt: now })
          .returningAll()
          .executeTakeFirstOrThrow();
    await guard.record(tx, { order: o, pending: true }, { resource: payResource(payment.id) });
    return { order: o, payment };
  });
  if (!prepared.payment) return { order: prepared.order, pending: false };
  const payment = prepared.payment;

  let result: ChargeResult;
  try {
    result = await deps.providers.payments.charge({ paymentId: payment.id, orderId, amount: payment.amount });
  } catch (err) {
    // Unknown outcome (a timeout, a dropped connection): the money may have been captured. The
    // callback, a retry of pay, or the reconciliation sweep settles it; never a second payment.
    deps.log.warn({ err, orderId, paymentId: payment.id }, 'payment gateway did not answer');
    return { order: prepared.order, pending: true };
  }
  if (result.status === 'failed') {
    await markFailed(deps, payment.id, result.reason);
    throw declined(result.reason);
  }
  if (result.status === 'pending') return { order: prepared.order, pending: true };
  return { order: await markPaid(deps, payment.id, result.ref), pending: false };
}

/** Books a captured payment. Safe to call any number of times, from any path, concurrently. */
export async function markPaid(deps: Deps, paymentId: string, ref: string): Promise<OrderRow> {
  const now = deps.clock.now();
  const { order, refund } = await withTx(deps.db, async (tx) => {
    // The order first, then the payment: the order every path that locks both takes (pay, cancel).
    const ofPayment = await tx.selectFrom('payments').select('orderId').where('id', '=', paymentId).executeTakeFirst();
    if (!ofPayment) throw notFound('payment');
    const o = (await lockOrder(tx, ofPayment.orderId)) as OrderRow;
    const p = await tx.selectFrom('payments').selectAll().where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow();
    if (p.status === 'succeeded' || p.status === 'refunded') return { order: o, refund: false };
    await tx.updateTable('payments').set({ status: 'succeeded', providerRef: ref, updatedAt: now }).where('id', '=', p.id).execute();
    // The deposit books 'deposit_hold', the balance and a full payment 'payment': each once per order.
    const kind = p.purpose === 'deposit' ? 'deposit_hold' : 'payment';
    try {
      await postTransaction(tx, { kind, reference: o.id, postings: [{ from: GATEWAY, to: escrowAccount(o.id), amount: p.amount }] });
    } catch (err) {
      if (err instanceof AlreadyPosted) throw conflict('already_paid', 'This order was already paid by another payment.');
      throw err;
    }
    const awaited: Record<string, string> = { full: 'pending_payment', deposit: 'pending_payment', balance: 'reserved' };
    if (o.status === awaited[p.purpose]) {
      const next = p.purpose === 'deposit' ? await setReserved(tx, deps, o, now) : await setPaid(tx, o, now);
      await refreshOrderAnswers(tx, payResource(p.id), o.id);
      return { order: next, refund: false };
    }
    // The money arrived after the order was cancelled or expired: it goes straight back.
    await refreshRefusal(
      tx,
      payResource(p.id),
      conflict('invalid_state', `The order was ${o.status} before the payment arrived; the money is refunded.`, { orderStatus: o.status }),
    );
    return { order: o, refund: true };
  });
  if (refund) await refundPayment(deps, paymentId);
  return order;
}

/** The gateway said no (its answer, callback, or status query): the order stays payable. */
export async function markFailed(deps: Deps, paymentId: string, reason: string) {
  await withTx(deps.db, async (tx) => {
    const failed = await tx
      .updateTable('payments')
      .set({ status: 'failed', failureReason: reason, updatedAt: deps.clock.now() })
      .where('id', '=', paymentId)
      .where('status', '=', 'created')
      .returning('id')
      .executeTakeFirst();
    // A concurrent pay that reused this payment before the first answer marked it failed has
    // its key recorded as pending on it too: refresh the answers whichever request got here first.
    const already = failed ? null : await tx.selectFrom('payments').select('status').where('id', '=', paymentId).executeTakeFirst();
    if (failed || already?.status === 'failed') await refreshRefusal(tx, payResource(paymentId), declined(reason));
  });
}

/** What the buyer pays now: the whole order, or a deposit order's deposit, then its balance. */
export function dueNow(o: OrderRow): { purpose: 'full' | 'deposit' | 'balance'; amount: number } {
  if (o.deposit === null) return { purpose: 'full', amount: o.total };
  return o.status === 'reserved' ? { purpose: 'balance', amount: o.total - o.deposit } : { purpose: 'deposit', amount: o.deposit };
}

/** The deposit is in escrow: the item is held for RESERVATION_HOURS. */
async function setReserved(tx: Tx, deps: Deps, o: OrderRow, now: Date): Promise<OrderRow> {
  const reservedUntil = new Date(now.getTime() + deps.config.reservationHours * 3_600_000);
  const r = await tx
    .updateTable('orders')
    .set({ status: 'reserved', reservedUntil, updatedAt: now })
    .where('id', '=', o.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(tx, o.id, 'reserved', o.buyerId, { deposit: o.deposit, reservedUntil: reservedUntil.toISOString() });
  return r;
}

async function setPaid(tx: Tx, o: OrderRow, now: Date): Promise<OrderRow> {
  const paid = await tx
    .updateTable('orders')
    // A balance that arrives after a no-show claim: the buyer paid after all, the claim falls.
    .set({ status: 'paid', paidAt: now, noShowAt: null, contestUntil: null, updatedAt: now })
    .where('id', '=', o.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(tx, o.id, 'paid', o.buyerId);
  return paid;
}
