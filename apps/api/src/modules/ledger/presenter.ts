// Withdrawals as the API shows them (the wallet's list, the answer to POST /wallet/withdrawals).
import type { PayoutToJson } from '../payout-methods/schema.ts';

export type WithdrawalRow = {
  id: string;
  amount: number;
  status: string;
  failureReason: string | null;
  attempts: number;
  createdAt: Date;
  payoutTo: unknown;
};

export const presentWithdrawal = (w: WithdrawalRow) => ({
  id: w.id,
  amount: w.amount,
  status: w.status as 'processing' | 'paid' | 'failed',
  failureReason: w.failureReason,
  // How many times the payout provider was asked: a 'processing' withdrawal with attempts > 1 is being retried.
  attempts: w.attempts,
  // Where it went, masked, as it was then (null for withdrawals from before payout methods).
  payoutTo: (w.payoutTo ?? null) as PayoutToJson | null,
  createdAt: w.createdAt.toISOString(),
});

export type WithdrawalJson = ReturnType<typeof presentWithdrawal>;
