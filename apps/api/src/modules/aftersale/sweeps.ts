// After-sale clocks on the job queue (lib/jobs.ts): each runs once a minute for the
// whole deployment; the deadlines themselves are columns (after_sales.deadline_at,
// after_sale_jurors.due_at), so they survive restarts, and every step re-checks its deadline
// under the case's locks, so a sweep that runs twice acts once.
import type { Sweep } from '../../lib/jobs.ts';
import { recoverDebts } from './money.ts';
import { retryCaseRefunds, runDueCases } from './service/deadlines.ts';
import { replaceMissedJurors } from './service/jury.ts';

export const afterSaleSweeps: Sweep[] = [
  { name: 'aftersale-deadlines', cron: '* * * * *', run: (deps) => runDueCases(deps) },
  { name: 'jury-deadlines', cron: '* * * * *', run: (deps) => replaceMissedJurors(deps) },
  { name: 'aftersale-refunds-retry', cron: '*/5 * * * *', run: (deps) => retryCaseRefunds(deps) },
  { name: 'aftersale-debts', cron: '*/5 * * * *', run: (deps) => recoverDebts(deps) },
];
