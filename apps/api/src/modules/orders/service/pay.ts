// Paying an order into escrow. The gateway is called outside any transaction; its answer, or
// its signed callback, is booked by markPaid, which is idempotent: the order is paid, and the
// money posted to escrow, exactly once however many times either path arrives.
import { type Tx, withTx } from '../../../db/index.ts';
import { AppError, conflict, notFound } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { GATEWAY, escrowAccount } from '../../ledger/accounts.ts';
import { AlreadyPosted, postTransaction } from '../../ledger/post.ts';
import { GatewayTimeout } from '../gateway.ts';
import { addEvent, lockOrder, type OrderRow } from '../repo.ts';
import { transition } from '../state.ts';
import { refundPayment } from './cancel.ts';

export type PayOutcome = { order: OrderRow; pending: boolean };

export async function payOrder(deps: Deps, buyerId: string, orderId: string): Promise<PayOutcome> {
  const now = deps.clock.now();
  const prepared = await withTx(deps.db, async (tx) => {
    const o = await lockOrder(tx, orderId);
    if (!o || o.buyerId !== buyerId) throw notFound('order');
    const t = transition({ status: o.status as never, delivery: o.delivery as never }, 'pay', 'buyer');
    if (!t.ok) throw conflict('invalid_state', `An order that is ${o.status} cannot be paid.`, { orderStatus: o.status });
    if (o.expiresAt <= now) throw conflict('order_expired', 'This order expired unpaid; place a new one.');
    if (o.total === 0) {
      // A free giveaway with nothing to pay: no gateway, no money, straight to paid.
      return { order: await setPaid(tx, o, now), payment: null };
    }
    // Concurrent pays serialize on the order lock and share one payment: one charge.
    const existing = await tx
      .selectFrom('payments').selectAll().where('orderId', '=', o.id).where('status', 'in', ['created', 'succeeded'])
      .executeTakeFirst();
    const payment = existing ?? (await tx
      .insertInto('payments')
      .values({ orderId: o.id, provider: deps.providers.payments.name, amount: o.total, status: 'created' })
      .returningAll()
      .executeTakeFirstOrThrow());
    return { order: o, payment };
  });
  if (!prepared.payment) return { order: prepared.order, pending: false };
  const payment = prepared.payment;

  let result: Awaited<ReturnType<Deps['providers']['payments']['charge']>>;
  try {
    result = await deps.providers.payments.charge({ paymentId: payment.id, orderId, amount: payment.amount });
  } catch (err) {
    if (!(err instanceof GatewayTimeout)) throw err;
    // Unknown outcome: the gateway's callback (or a retry of pay) settles it.
    deps.log.warn({ orderId, paymentId: payment.id }, 'payment gateway timed out');
    return { order: prepared.order, pending: true };
  }
  if (result.status === 'failed') {
    await markFailed(deps, payment.id, result.reason);
    throw new AppError(402, 'payment_declined', `The payment was declined (${result.reason}). Nothing was charged.`, { reason: result.reason });
  }
  if (result.status === 'pending') return { order: prepared.order, pending: true };
  return { order: await markPaid(deps, payment.id, result.ref), pending: false };
}

/** Books a captured payment. Safe to call any number of times, from any path, concurrently. */
export async function markPaid(deps: Deps, paymentId: string, ref: string): Promise<OrderRow> {
  const now = deps.clock.now();
  const { order, refund } = await withTx(deps.db, async (tx) => {
    const p = await tx.selectFrom('payments').selectAll().where('id', '=', paymentId).forUpdate().executeTakeFirst();
    if (!p) throw notFound('payment');
    const o = (await lockOrder(tx, p.orderId)) as OrderRow;
    if (p.status === 'succeeded' || p.status === 'refunded') return { order: o, refund: false };
    await tx.updateTable('payments').set({ status: 'succeeded', providerRef: ref, updatedAt: now }).where('id', '=', p.id).execute();
    try {
      await postTransaction(tx, { kind: 'payment', reference: o.id, postings: [{ from: GATEWAY, to: escrowAccount(o.id), amount: p.amount }] });
    } catch (err) {
      if (err instanceof AlreadyPosted) throw conflict('already_paid', 'This order was already paid by another payment.');
      throw err;
    }
    if (o.status === 'pending_payment') return { order: await setPaid(tx, o, now), refund: false };
    // The money arrived after the order was cancelled or expired: it goes straight back.
    return { order: o, refund: true };
  });
  if (refund) await refundPayment(deps, paymentId);
  return order;
}

export async function markFailed(deps: Deps, paymentId: string, reason: string) {
  await deps.db
    .updateTable('payments')
    .set({ status: 'failed', failureReason: reason, updatedAt: deps.clock.now() })
    .where('id', '=', paymentId)
    .where('status', '=', 'created')
    .execute();
}

async function setPaid(tx: Tx, o: OrderRow, now: Date): Promise<OrderRow> {
  const paid = await tx
    .updateTable('orders')
    .set({ status: 'paid', paidAt: now, updatedAt: now })
    .where('id', '=', o.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addEvent(tx, o.id, 'paid', o.buyerId);
  return paid;
}
