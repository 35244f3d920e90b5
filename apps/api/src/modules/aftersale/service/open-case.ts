// Opening a case: the buyer of a shipped, delivered or recently completed order. The order goes
// `refunding` in the same transaction, under its row lock — the auto-confirm sweep takes orders
// with SKIP LOCKED and re-reads the status, so it either completed the order before (the case
// then opens on a completed order, refunded from the seller's balance) or never sees it.
import { type Tx, isUniqueViolation, withTx } from '../../../db/index.ts';
import { conflict, forbidden, notFound, unprocessable } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import type { Guard } from '../../../lib/idempotency.ts';
import { ownPhotoIds } from '../../media/service.ts';
import { notificationOutbox } from '../../notifications/service.ts';
import { lockOrder } from '../../orders/index.ts';
import { addCaseEvent, attachMedia, type CaseRow, casesOfOrder } from '../repo.ts';
import { canOpenOn, clocksOf, deadlineFor, isOpen, type CaseStatus } from '../state.ts';

export type OpenCaseInput = {
  reason: 'not_received' | 'not_as_described' | 'damaged' | 'counterfeit';
  description: string;
  mediaIds?: string[];
  returnItem?: boolean;
  amount?: number;
};

export async function assertOwnPhotos(tx: Tx, userId: string, ids: readonly string[]) {
  const own = await ownPhotoIds(tx, userId, ids);
  const errors = ids.flatMap((id, i) => (own.has(id) ? [] : [{ path: `mediaIds.${i}`, message: 'not a photo you uploaded' }]));
  if (errors.length) throw unprocessable('invalid_media', 'Evidence must be photos you uploaded.', { errors });
}

export async function openCase(deps: Deps, buyerId: string, orderId: string, input: OpenCaseInput, guard?: Guard<CaseRow>): Promise<CaseRow> {
  const outbox = notificationOutbox(deps);
  const row = await withTx(deps.db, async (tx) => {
    await guard?.claim(tx);
    const now = deps.clock.now();
    const o = await lockOrder(tx, orderId);
    if (!o || (o.buyerId !== buyerId && o.sellerId !== buyerId)) throw notFound('order');
    if (o.buyerId !== buyerId) throw forbidden('not_allowed', 'Only the buyer opens an after-sale case.');
    const earlier = await casesOfOrder(tx, o.id);
    if (earlier.some((c) => isOpen(c.status as CaseStatus))) throw conflict('case_open', 'A case is already open on this order.');
    // A decided case is final: the refund was made, or the seller's side was upheld.
    if (earlier.some((c) => c.status === 'released' || c.status === 'refunded')) {
      throw conflict('case_closed', 'An after-sale case on this order has been decided already.');
    }
    const can = canOpenOn(o, now, deps.config.afterSaleDays);
    if (!can.ok && can.reason === 'window_passed') {
      throw conflict(
        'window_passed',
        o.status === 'reserved' ? 'The time to contest this no-show has passed.' : `After-sale closes ${deps.config.afterSaleDays} days after completion.`,
      );
    }
    if (!can.ok) throw conflict('invalid_state', `No after-sale on an order that is ${o.status}.`, { orderStatus: o.status });
    // Contesting a no-show claim (定金托管): what is at stake is the deposit in escrow, nothing to return.
    const contest = o.status === 'reserved';
    const held = contest ? (o.deposit ?? 0) : o.total;
    const amount = input.amount ?? held;
    if (amount > held || (amount === 0 && held > 0)) {
      throw unprocessable('invalid_amount', `The refund asked is more than 0 and at most the ${contest ? 'deposit' : 'order total'}.`, {
        errors: [{ path: 'amount', message: `1 … ${held}` }],
      });
    }
    const mediaIds = input.mediaIds ?? [];
    await assertOwnPhotos(tx, buyerId, mediaIds);
    let c: CaseRow;
    try {
      c = await tx
        .insertInto('afterSales')
        .values({
          orderId: o.id, buyerId: o.buyerId, sellerId: o.sellerId, status: 'open', reason: input.reason,
          description: input.description, returnItem: contest ? false : (input.returnItem ?? false), amount,
          orderStatusBefore: o.status, escrowHeld: o.status !== 'completed',
          deadlineAt: deadlineFor('open', now, clocksOf(deps.config)), createdAt: now, updatedAt: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (err) {
      if (isUniqueViolation(err, 'after_sales_one_open')) throw conflict('case_open', 'A case is already open on this order.');
      throw err;
    }
    await attachMedia(tx, c.id, 'buyer', mediaIds);
    await tx.updateTable('orders').set({ status: 'refunding', updatedAt: now }).where('id', '=', o.id).execute();
    await addCaseEvent(tx, c, 'opened', 'buyer', { reason: c.reason, amount, returnItem: c.returnItem });
    await outbox.notify(tx, {
      recipientId: c.sellerId, type: 'aftersale_opened', actorId: c.buyerId, orderId: o.id, itemId: o.itemId, caseId: c.id,
      data: { reason: c.reason, amount },
    });
    await guard?.record(tx, c);
    return c;
  });
  await outbox.flush();
  return row;
}
