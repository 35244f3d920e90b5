import { sql } from 'kysely';
import type { Deps } from '../../lib/http.ts';
import { memberAccount } from './accounts.ts';
import { balanceOf } from './post.ts';
import { processingTotal, withdrawnTotal } from './withdrawals.ts';

/**
 * available: spendable now; pending: proceeds of paid orders still in escrow; withdrawn: paid
 * out; processing: withdrawn from the balance, not yet confirmed by the payout provider (it
 * ends in withdrawn, or back in available).
 */
export async function getWallet(deps: Pick<Deps, 'db'>, userId: string) {
  const [available, pending, withdrawn, processing] = await Promise.all([
    balanceOf(deps.db, memberAccount(userId)),
    pendingProceeds(deps, userId),
    withdrawnTotal(deps, userId),
    processingTotal(deps, userId),
  ]);
  return { available, pending, withdrawn, processing };
}

export async function pendingProceeds(deps: Pick<Deps, 'db'>, sellerId: string): Promise<number> {
  const row = await deps.db
    .selectFrom('orders')
    .select(sql<number>`coalesce(sum(seller_proceeds), 0)`.as('pending'))
    .where('sellerId', '=', sellerId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['paid', 'shipped', 'delivered']),
        // Held by an open after-sale case (modules/aftersale): still paid, still not settled.
        eb.and([eb('status', '=', 'refunding'), eb.exists(eb.selectFrom('afterSales').select('afterSales.id').whereRef('afterSales.orderId', '=', 'orders.id').where('afterSales.escrowHeld', '=', true).where('afterSales.closedAt', 'is', null))]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.pending);
}
