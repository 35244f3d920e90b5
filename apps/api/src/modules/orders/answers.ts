// What a keyed order request answers (lib/idempotency.ts): recorded in the transaction that
// changes the order, and refreshed when a provider's answer completes the request later — a
// capture booked by the callback or the reconciliation sweep, a refund confirmed by the gateway.
import type { Executor, Tx } from '../../db/index.ts';
import { type AppError, toProblem } from '../../lib/errors.ts';
import { refreshIdempotent, type StoredResponse } from '../../lib/idempotency.ts';
import { presentOrder } from './presenter.ts';
import { findEvents, findOrder, type OrderRow } from './repo.ts';

/** A pay request waits on this payment's outcome. */
export const payResource = (paymentId: string) => `pay:${paymentId}`;
/** A cancel request's refund goes through this payment. */
export const refundResource = (paymentId: string) => `refund:${paymentId}`;

export async function orderAnswer(db: Executor, o: OrderRow, viewerId: string, status: number): Promise<StoredResponse> {
  return { status, body: presentOrder(o, viewerId, await findEvents(db, [o.id])) };
}

export const orderResponse =
  (status: number, viewerId: string) =>
  (db: Executor, o: OrderRow): Promise<StoredResponse> =>
    orderAnswer(db, o, viewerId, status);

/** Answers recorded for `resource` now tell the order as it is (after a capture or a refund). */
export async function refreshOrderAnswers(tx: Tx, resource: string, orderId: string, status = 200) {
  await refreshIdempotent(tx, resource, async (userId) => orderAnswer(tx, (await findOrder(tx, orderId)) as OrderRow, userId, status));
}

/** Answers recorded for `resource` now tell this refusal (a declined payment, money that came too late). */
export async function refreshRefusal(tx: Tx, resource: string, err: AppError) {
  await refreshIdempotent(tx, resource, async () => ({ status: err.status, body: toProblem(err) }));
}
