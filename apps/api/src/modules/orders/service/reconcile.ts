// Reconciliation with the payment gateway. A capture whose answer was lost (a timeout) and
// whose callback never got through (our endpoint down, the gateway gave up) would leave the
// payment 'created' forever, the buyer's money taken and the order unpaid. Every payment still
// 'created' some minutes after its last charge is asked about (the gateway's query-order API)
// and booked by the same idempotent steps as the callback: markPaid (which refunds at once if
// the order expired or was cancelled meanwhile) or markFailed.
import { sql } from 'kysely';
import type { Deps } from '../../../lib/http.ts';
import type { PaymentStatus } from '../gateway.ts';
import { markFailed, markPaid } from './pay.ts';

/** A charge answers in seconds; one silent this long is stuck. Also how often each is asked again. */
export const RECONCILE_AFTER_MS = 5 * 60_000;

/** Returns how many payments it settled (booked paid or failed). */
export async function reconcilePayments(deps: Deps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  // Leased by moving updated_at: a sweep in another process skips them, and a payment the
  // gateway still calls pending is asked again RECONCILE_AFTER_MS later.
  const stuck = await sql<{ id: string; amount: number }>`
    UPDATE payments SET updated_at = ${now}
    WHERE id IN (
      SELECT id FROM payments
      WHERE status = 'created' AND updated_at < ${new Date(now.getTime() - RECONCILE_AFTER_MS)}
      ORDER BY updated_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, amount`.execute(deps.db);
  let settled = 0;
  for (const p of stuck.rows) {
    try {
      if (await settle(deps, p.id, Number(p.amount))) settled += 1;
    } catch (err) {
      // One payment's trouble must not stall the others; it is asked again next time.
      deps.log.error({ err, paymentId: p.id }, 'reconciliation: could not book the gateway answer');
    }
  }
  return settled;
}

async function settle(deps: Deps, paymentId: string, amount: number): Promise<boolean> {
  let s: PaymentStatus;
  try {
    s = await deps.providers.payments.status({ paymentId });
  } catch (err) {
    deps.log.warn({ err, paymentId }, 'reconciliation: the gateway did not answer the status query');
    return false;
  }
  switch (s.status) {
    case 'succeeded':
      if (s.amount !== amount) {
        deps.log.error({ paymentId, ours: amount, gateway: s.amount }, 'reconciliation: the gateway captured another amount; left for an operator');
        return false;
      }
      await markPaid(deps, paymentId, s.ref);
      return true;
    case 'failed':
      await markFailed(deps, paymentId, s.reason);
      return true;
    case 'not_found':
      // The gateway never captured it: the order stays payable (a new pay makes a new payment).
      await markFailed(deps, paymentId, 'not_captured');
      return true;
    case 'pending':
      return false;
  }
}
