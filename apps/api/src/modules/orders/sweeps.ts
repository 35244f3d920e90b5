import type { Sweep } from '../../lib/jobs.ts';
import { purgeIdempotencyKeys } from '../../lib/idempotency.ts';
import { retryStuckWithdrawals } from '../ledger/withdrawals.ts';
import { expireDueOrders, retryOwedRefunds } from './service/cancel.ts';
import { expireReservations, settleNoShows } from './service/deposit.ts';
import { autoConfirmDue } from './service/fulfil.ts';
import { reconcilePayments } from './service/reconcile.ts';

export const moneySweeps: Sweep[] = [
  { name: 'orders-expire', cron: '* * * * *', run: (deps) => expireDueOrders(deps) },
  { name: 'orders-auto-confirm', cron: '* * * * *', run: (deps) => autoConfirmDue(deps) },
  // Reservation deposits: holds that ran out are refunded; uncontested no-show claims settle.
  { name: 'reservations-expire', cron: '* * * * *', run: (deps) => expireReservations(deps) },
  { name: 'reservations-no-show', cron: '*/5 * * * *', run: (deps) => settleNoShows(deps) },
  // Captures whose answer and callback were both lost: asked of the gateway and booked (or refunded).
  { name: 'payments-reconcile', cron: '* * * * *', run: (deps) => reconcilePayments(deps) },
  { name: 'refunds-retry', cron: '*/5 * * * *', run: (deps) => retryOwedRefunds(deps) },
  // Withdrawals left 'processing' by a provider that failed or timed out, or by a crash between
  // commit and the provider's answer.
  { name: 'withdrawals-retry', cron: '*/5 * * * *', run: (deps) => retryStuckWithdrawals(deps) },
  {
    name: 'idempotency-purge',
    cron: '17 * * * *',
    run: async (deps) => {
      await purgeIdempotencyKeys(deps.db, deps.clock.now());
      return 0;
    },
  },
];
