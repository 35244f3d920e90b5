import type { Sweep } from '../../lib/jobs.ts';
import { purgeIdempotencyKeys } from '../../lib/idempotency.ts';
import { completeWithdrawal } from '../ledger/withdrawals.ts';
import { expireDueOrders, retryOwedRefunds } from './service/cancel.ts';
import { autoConfirmDue } from './service/fulfil.ts';

export const moneySweeps: Sweep[] = [
  { name: 'orders-expire', cron: '* * * * *', run: (deps) => expireDueOrders(deps) },
  { name: 'orders-auto-confirm', cron: '* * * * *', run: (deps) => autoConfirmDue(deps) },
  { name: 'refunds-retry', cron: '*/5 * * * *', run: (deps) => retryOwedRefunds(deps) },
  {
    name: 'withdrawals-retry',
    cron: '*/5 * * * *',
    run: async (deps) => {
      // Withdrawals left 'processing' by a crash between commit and the provider's answer.
      const stuck = await deps.db
        .selectFrom('withdrawals').select('id').where('status', '=', 'processing')
        .where('createdAt', '<', new Date(deps.clock.now().getTime() - 60_000)).limit(100).execute();
      for (const w of stuck) await completeWithdrawal(deps, w.id);
      return stuck.length;
    },
  },
  {
    name: 'idempotency-purge',
    cron: '17 * * * *',
    run: async (deps) => {
      await purgeIdempotencyKeys(deps.db, deps.clock.now());
      return 0;
    },
  },
];
