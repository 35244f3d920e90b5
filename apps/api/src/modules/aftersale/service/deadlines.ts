// The case clocks, run by the sweeps (sweeps.ts). Each due case is taken under the same locks as
// a member's step and its deadline read again there, so a step that raced the clock wins or loses
// cleanly, and two processes sweeping at once act once.
import type { Deps } from '../../../lib/http.ts';
import { deliverRefund } from '../money.ts';
import { dueCases } from '../repo.ts';
import { type CaseStatus, onDeadline } from '../state.ts';
import { check, moveCase, withCase } from './context.ts';
import { acceptInCase, receivedInCase, tell } from './respond.ts';

export async function runDueCases(deps: Deps, limit = 100): Promise<number> {
  const due = await dueCases(deps.db, deps.clock.now(), limit);
  let n = 0;
  for (const { id } of due) {
    try {
      await withCase(deps, id, null, async (ctx) => {
        if (!ctx.c.deadlineAt || ctx.c.deadlineAt > ctx.now) return ctx.c; // answered meanwhile
        const action = onDeadline(ctx.c.status as CaseStatus);
        n++;
        if (action === 'accept') return acceptInCase(ctx, 'system');
        if (action === 'received') return receivedInCase(ctx, 'system');
        if (action === 'lapse') {
          const row = await moveCase(ctx, check(ctx.c, 'lapse', 'system'), { type: 'lapsed', actor: 'system', data: { from: ctx.c.status } });
          await tell(ctx, ['buyer', 'seller'], 'aftersale_decided', { verdict: 'release' }, null);
          return row;
        }
        n--;
        return ctx.c;
      });
    } catch (err) {
      deps.log.warn({ err, caseId: id }, 'case deadline step failed; retried on the next run');
    }
  }
  return n;
}

/** Refunds booked but not yet confirmed by the gateway (declined, or a crash after commit). */
export async function retryCaseRefunds(deps: Deps, limit = 100): Promise<number> {
  const owed = await deps.db
    .selectFrom('afterSales').select('id').where('refundStatus', '=', 'processing')
    .where('updatedAt', '<', new Date(deps.clock.now().getTime() - 30_000)).limit(limit).execute();
  for (const c of owed) await deliverRefund(deps, c.id).catch((err) => deps.log.warn({ err, caseId: c.id }, 'case refund retry failed'));
  return owed.length;
}
