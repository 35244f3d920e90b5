// The seller's answer (accept, or reject with evidence), the return of the item, and the
// buyer's withdrawal. Each is one locked step through withCase.
import type { Deps } from '../../../lib/http.ts';
import type { Guard } from '../../../lib/idempotency.ts';
import type { NotificationType } from '../../notifications/service.ts';
import { attachMedia, type CaseRow } from '../repo.ts';
import { assertInTime, type CaseCtx, check, moveCase, partyOf, withCase } from './context.ts';
import { assertOwnPhotos } from './open-case.ts';

type Caller = { id: string; role: string };

/** Tells the other side (or both, for the system's steps) what happened. */
export async function tell(
  ctx: CaseCtx,
  to: ('buyer' | 'seller')[],
  type: NotificationType,
  data: Record<string, string | number | boolean | null>,
  actor: 'buyer' | 'seller' | null,
) {
  const actorId = actor === 'buyer' ? ctx.c.buyerId : actor === 'seller' ? ctx.c.sellerId : null;
  for (const side of to) {
    await ctx.notify({
      recipientId: side === 'buyer' ? ctx.c.buyerId : ctx.c.sellerId,
      type, actorId, orderId: ctx.c.orderId, itemId: ctx.o.itemId, caseId: ctx.c.id, data,
    });
  }
}

/** Seller accepts (or the system for a silent seller): refunded now, or after the item is back. */
export async function acceptInCase(ctx: CaseCtx, by: 'seller' | 'system') {
  const to = check(ctx.c, 'accept', by);
  const row = await moveCase(ctx, to, { type: 'accepted', actor: by, data: by === 'system' ? { silence: true } : {} });
  await tell(ctx, by === 'system' ? ['buyer', 'seller'] : ['buyer'], 'aftersale_answered', { status: to }, by === 'system' ? null : 'seller');
  return row;
}

export const acceptCase = (deps: Deps, user: Caller, caseId: string, guard?: Guard<CaseRow>) =>
  withCase(deps, caseId, guard ?? null, async (ctx) => {
    check(ctx.c, 'accept', await partyOf(ctx, user));
    return acceptInCase(ctx, 'seller');
  });

export const rejectCase = (deps: Deps, user: Caller, caseId: string, body: { description: string; mediaIds?: string[] }) =>
  withCase(deps, caseId, null, async (ctx) => {
    const to = check(ctx.c, 'reject', await partyOf(ctx, user));
    // After 48 h of silence the case counts as accepted, whether or not the sweep has run yet.
    assertInTime(ctx);
    const mediaIds = body.mediaIds ?? [];
    await assertOwnPhotos(ctx.tx, user.id, mediaIds);
    await attachMedia(ctx.tx, ctx.c.id, 'seller', mediaIds);
    const row = await moveCase(ctx, to, { type: 'rejected', actor: 'seller' }, { sellerResponse: body.description, rejectedAt: ctx.now });
    await tell(ctx, ['buyer'], 'aftersale_answered', { status: 'rejected' }, 'seller');
    return row;
  });

export const shipReturn = (deps: Deps, user: Caller, caseId: string, body: { carrier: string; trackingNumber: string }) =>
  withCase(deps, caseId, null, async (ctx) => {
    const to = check(ctx.c, 'return', await partyOf(ctx, user));
    assertInTime(ctx);
    const row = await moveCase(ctx, to, { type: 'return_shipped', actor: 'buyer', data: body }, {
      returnCarrier: body.carrier, returnTrackingNumber: body.trackingNumber,
    });
    await tell(ctx, ['seller'], 'aftersale_answered', { status: 'returning' }, 'buyer');
    return row;
  });

export async function receivedInCase(ctx: CaseCtx, by: 'seller' | 'system') {
  const to = check(ctx.c, 'received', by);
  const row = await moveCase(ctx, to, { type: 'received', actor: by, data: by === 'system' ? { silence: true } : {} });
  await tell(ctx, by === 'system' ? ['buyer', 'seller'] : ['buyer'], 'aftersale_answered', { status: to }, by === 'system' ? null : 'seller');
  return row;
}

export const confirmReceived = (deps: Deps, user: Caller, caseId: string, guard?: Guard<CaseRow>) =>
  withCase(deps, caseId, guard ?? null, async (ctx) => {
    check(ctx.c, 'received', await partyOf(ctx, user));
    return receivedInCase(ctx, 'seller');
  });

export const withdrawCase = (deps: Deps, user: Caller, caseId: string, guard?: Guard<CaseRow>) =>
  withCase(deps, caseId, guard ?? null, async (ctx) => {
    const to = check(ctx.c, 'withdraw', await partyOf(ctx, user));
    const row = await moveCase(ctx, to, { type: 'withdrawn', actor: 'buyer' });
    await dismissJurors(ctx);
    await tell(ctx, ['seller'], 'aftersale_answered', { status: 'withdrawn' }, 'buyer');
    return row;
  });

/** Jurors who have not voted on a case that left the jury are let go. */
export async function dismissJurors(ctx: CaseCtx) {
  await ctx.tx.updateTable('afterSaleJurors').set({ status: 'dismissed' }).where('caseId', '=', ctx.c.id).where('status', '=', 'pending').execute();
}
