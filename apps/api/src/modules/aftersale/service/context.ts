// The unit of work every case step runs in: one transaction that locks the order, then the
// case (always in that order, like the order services, so nothing deadlocks), asks the state
// machine, moves the money and writes the events; after commit, the gateway refund, the debt
// recovery and the notification pushes.
import type { Updateable } from 'kysely';
import { type Tx, withTx } from '../../../db/index.ts';
import type { AfterSales } from '../../../db/types.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import type { Guard } from '../../../lib/idempotency.ts';
import { type Notice, notificationOutbox } from '../../notifications/service.ts';
import { lockOrder, type OrderRow } from '../../orders/index.ts';
import { canView } from '../access.ts';
import { bookRefund, deliverRefund, recoverOwed, releaseOrder, resumeOrder } from '../money.ts';
import { addCaseEvent, type CaseRow, findCase, lockCase, updateCase } from '../repo.ts';
import { type CaseAction, type CaseRole, type CaseStatus, clocksOf, CLOSED_STATUSES, type Outcome, deadlineFor, transition } from '../state.ts';

export type AfterCommit = { refunds: Set<string>; sellers: Set<string> };

export type CaseCtx = {
  tx: Tx;
  deps: Deps;
  c: CaseRow;
  o: OrderRow;
  now: Date;
  notify: (n: Notice) => Promise<unknown>;
  after: AfterCommit;
};

/** Runs `fn` on case `caseId` under the order's and the case's row locks; then the after-commit work. */
export async function withCase<T extends CaseRow>(
  deps: Deps,
  caseId: string,
  guard: Guard<T> | null,
  fn: (ctx: CaseCtx) => Promise<T>,
): Promise<T> {
  const found = await findCase(deps.db, caseId);
  if (!found) throw notFound('case');
  const outbox = notificationOutbox(deps);
  const after: AfterCommit = { refunds: new Set(), sellers: new Set() };
  const result = await withTx(deps.db, async (tx) => {
    await guard?.claim(tx);
    const o = (await lockOrder(tx, found.orderId)) as OrderRow;
    const c = (await lockCase(tx, caseId)) as CaseRow;
    const r = await fn({ tx, deps, c, o, now: deps.clock.now(), notify: (n) => outbox.notify(tx, n), after });
    await guard?.record(tx, r);
    return r;
  });
  await afterCommit(deps, after);
  await outbox.flush();
  return result;
}

export async function afterCommit(deps: Deps, after: AfterCommit) {
  for (const id of after.refunds) {
    await deliverRefund(deps, id).catch((err) => deps.log.warn({ err, caseId: id }, 'case refund not delivered yet; the sweep retries'));
  }
  for (const id of after.sellers) {
    await recoverOwed(deps.db, id).catch((err) => deps.log.warn({ err, sellerId: id }, 'debt recovery deferred to the sweep'));
  }
}

/** The caller's side in the case; someone who may see it but is no party gets 403, anyone else 404. */
export async function partyOf(ctx: CaseCtx, user: { id: string; role: string }): Promise<'buyer' | 'seller'> {
  if (ctx.c.buyerId === user.id) return 'buyer';
  if (ctx.c.sellerId === user.id) return 'seller';
  if (await canView(ctx.tx, ctx.c, user)) throw forbidden('not_allowed', 'Only the buyer and the seller take the steps of a case.');
  throw notFound('case');
}

/** Asks the state machine; refusals as the API names them. */
export function check(c: CaseRow, action: CaseAction, role: CaseRole, o: Outcome = { returnItem: c.returnItem }): CaseStatus {
  const t = transition(c.status as CaseStatus, action, role, o);
  if (t.ok) return t.to;
  if (t.reason === 'wrong_role') throw forbidden('not_allowed', `The ${role} cannot ${action} this case.`);
  throw conflict('invalid_state', `Not possible while the case is ${c.status}.`, { caseStatus: c.status });
}

/** A step whose clock ran out (the sweep may not have taken it yet) is refused as such. */
export function assertInTime(ctx: CaseCtx) {
  if (ctx.c.deadlineAt && ctx.c.deadlineAt <= ctx.now) {
    throw conflict('window_passed', 'The time for this step has run out.', { deadlineAt: ctx.c.deadlineAt.toISOString() });
  }
}

/**
 * Moves the case to `to` with its event; the money follows the state: `refunded` books the
 * refund, `released` settles (or completes again), `withdrawn` lets the order go on.
 */
export async function moveCase(
  ctx: CaseCtx,
  to: CaseStatus,
  event: { type: string; actor: CaseRole; data?: Record<string, unknown> },
  patch: Updateable<AfterSales> = {},
): Promise<CaseRow> {
  const { tx, c, o, now } = ctx;
  let money: Updateable<AfterSales> = {};
  if (to === 'refunded') {
    money = await bookRefund(tx, c, o, now);
    ctx.after.refunds.add(c.id);
    ctx.after.sellers.add(c.sellerId);
  } else if (to === 'released') {
    money = await releaseOrder(tx, c, o, now);
    ctx.after.sellers.add(c.sellerId);
  } else if (to === 'withdrawn') {
    await resumeOrder(tx, c, o, now);
  }
  const closed = CLOSED_STATUSES.includes(to);
  const row = await updateCase(tx, c.id, {
    ...patch,
    ...money,
    status: to,
    deadlineAt: deadlineFor(to, now, clocksOf(ctx.deps.config)),
    closedAt: closed ? now : null,
    updatedAt: now,
  });
  await addCaseEvent(tx, c, event.type, event.actor, event.data);
  if (closed && event.type !== to) await addCaseEvent(tx, c, to, 'system', to === 'refunded' ? { amount: c.amount } : {});
  ctx.c = row;
  return row;
}
