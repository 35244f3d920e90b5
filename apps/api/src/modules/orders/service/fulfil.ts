// Fulfilment and completion. Completion is the one place escrow is released: to the seller
// minus the fee, and the fee to platform revenue, in one ledger transaction that the ledger
// allows once per order.
import { withTx } from '../../../db/index.ts';
import { type AppError, conflict, forbidden, notFound, tooManyRequests, unprocessable } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import { type Guard, noKey } from '../../../lib/idempotency.ts';
import { clearKey, countHit, secondsUntil } from '../../../lib/rate-limit.ts';
import { PLATFORM_FEES, escrowAccount, memberAccount } from '../../ledger/accounts.ts';
import { postTransaction } from '../../ledger/post.ts';
import { addEvent, lockOrder, type OrderRow } from '../repo.ts';
import { type Action, factsOf, type Role, transition } from '../state.ts';

type Tx = Parameters<Parameters<typeof withTx>[1]>[0];

/** `fn` refused, but what it changed must commit (a wrong pickup code counts a try): commit, then throw. */
class Refusal {
  constructor(readonly err: AppError) {}
}

/**
 * One party's step on an order, in one transaction: the Idempotency-Key's record commits with it
 * (a Refusal's too: a duplicate under the same key replays it and changes nothing more).
 */
async function act<T extends OrderRow>(
  deps: Deps,
  userId: string,
  orderId: string,
  action: Action,
  fn: (tx: Tx, o: OrderRow, now: Date) => Promise<T | Refusal>,
  guard: Guard<OrderRow>,
): Promise<T> {
  const now = deps.clock.now();
  const r = await withTx(deps.db, async (tx) => {
    await guard.claim(tx);
    const o = await lockOrder(tx, orderId);
    if (!o || (o.buyerId !== userId && o.sellerId !== userId)) throw notFound('order');
    // An open after-sale case holds the escrow (modules/aftersale): nothing completes the order meanwhile.
    if (o.status === 'refunding') throw conflict('case_open', 'An after-sale case is open on this order; it decides where the money goes.');
    const role: Role = o.buyerId === userId ? 'buyer' : 'seller';
    const t = transition(factsOf(o), action, role);
    if (!t.ok && t.reason === 'wrong_role') throw forbidden('not_allowed', `Only the ${role === 'buyer' ? 'seller' : 'buyer'} can do this.`);
    if (!t.ok && t.reason === 'wrong_delivery') throw conflict('invalid_state', `This is a ${o.delivery} order.`, { orderStatus: o.status });
    if (!t.ok) throw conflict('invalid_state', `Not possible while the order is ${o.status}.`, { orderStatus: o.status });
    const r = await fn(tx, o, now);
    if (r instanceof Refusal) await guard.refuse(tx, r.err);
    else await guard.record(tx, r);
    return r;
  });
  if (r instanceof Refusal) throw r.err;
  return r;
}

export const shipOrder = (deps: Deps, userId: string, orderId: string, s: { carrier: string; trackingNumber: string }, guard = noKey<OrderRow>()) =>
  act(deps, userId, orderId, 'ship', async (tx, o, now) => {
    const r = await tx
      .updateTable('orders')
      .set({ status: 'shipped', carrier: s.carrier, trackingNumber: s.trackingNumber, autoConfirmAt: new Date(now.getTime() + deps.config.autoConfirmShippingDays * 86_400_000), updatedAt: now })
      .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
    await addEvent(tx, o.id, 'shipped', userId, s);
    return r;
  }, guard);

export const deliverOrder = (deps: Deps, userId: string, orderId: string, guard = noKey<OrderRow>()) =>
  act(deps, userId, orderId, 'deliver', async (tx, o, now) => {
    const r = await tx
      .updateTable('orders')
      .set({ status: 'delivered', autoConfirmAt: new Date(now.getTime() + deps.config.autoConfirmOnlineDays * 86_400_000), updatedAt: now })
      .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
    await addEvent(tx, o.id, 'delivered', userId);
    return r;
  }, guard);

export const confirmOrder = (deps: Deps, userId: string, orderId: string, guard = noKey<OrderRow>()) =>
  act(deps, userId, orderId, 'confirm', (tx, o, now) => complete(tx, o, userId, 'completed', now), guard);

// Wrong pickup codes allowed per order (5) within a lock window (15 min): the settings
// pickupCodeTries and pickupCodeLockMinutes (modules/admin/rules.ts).

/**
 * The seller enters the buyer's pickup code. Tries are counted under the order's row lock, in the
 * transaction that compares the code: concurrent tries queue on the lock, so the 6th wrong code
 * within 15 minutes is refused whatever the timing, and a duplicate under one Idempotency-Key
 * replays the first answer without counting again.
 */
export const handOver = (deps: Deps, userId: string, orderId: string, code: string, guard = noKey<OrderRow>()) =>
  act(deps, userId, orderId, 'handover', async (tx, o, now) => {
    const key = `handover:${orderId}`;
    const HANDOVER_TRIES = deps.config.pickupCodeTries;
    const HANDOVER_WINDOW_S = deps.config.pickupCodeLockMinutes * 60;
    const hits = await tx.selectFrom('rateCounters').select(['count', 'windowStart']).where('key', '=', key).executeTakeFirst();
    const windowEnd = hits ? hits.windowStart.getTime() + HANDOVER_WINDOW_S * 1000 : 0;
    if (hits && hits.count >= HANDOVER_TRIES && windowEnd > now.getTime()) {
      throw tooManyRequests('rate_limited', secondsUntil(new Date(windowEnd), now), 'Too many wrong pickup codes for this order. Try again later.');
    }
    if (o.pickupCode !== code) {
      await countHit(tx, key, HANDOVER_WINDOW_S, now);
      return new Refusal(
        unprocessable('invalid_pickup_code', 'That is not the pickup code of this order.', { errors: [{ path: 'pickupCode', message: 'wrong code' }] }),
      );
    }
    await clearKey(tx, key);
    return complete(tx, o, userId, 'completed', now);
  }, guard);

/** Settles the escrow: seller gets total − fee, the platform the fee. Once per order. Also used by after-sale releases. */
export async function complete(tx: Tx, o: OrderRow, actorId: string | null, event: string, now: Date) {
  const r = await tx
    .updateTable('orders').set({ status: 'completed', completedAt: now, updatedAt: now })
    .where('id', '=', o.id).returningAll().executeTakeFirstOrThrow();
  await postTransaction(tx, {
    kind: 'settlement',
    reference: o.id,
    postings: [
      { from: escrowAccount(o.id), to: memberAccount(o.sellerId), amount: o.sellerProceeds },
      { from: escrowAccount(o.id), to: PLATFORM_FEES, amount: o.fee },
    ],
  });
  await addEvent(tx, o.id, event, actorId);
  return r;
}

/** Shipped orders complete themselves 10 days after shipment, online ones 3 days after delivery. */
export async function autoConfirmDue(deps: Deps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  return withTx(deps.db, async (tx) => {
    const due = await tx
      .selectFrom('orders').selectAll().where('status', 'in', ['shipped', 'delivered']).where('autoConfirmAt', '<=', now)
      .orderBy('autoConfirmAt').limit(limit).forUpdate().skipLocked().execute();
    for (const o of due) await complete(tx, o, null, 'auto_confirmed', now);
    return due.length;
  });
}
