// The wallet (SPEC C5): balances, the statement (keyset-paged), withdrawals (idempotent).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { newIdempotencyKey } from '../orders/api.ts';
import type { PayoutTo } from './payout-api.ts';

/** processing: withdrawn from the balance, not yet confirmed by the payout channel. */
export type Wallet = { available: number; pending: number; withdrawn: number; processing: number };
export type Entry = {
  id: string;
  amount: number;
  kind: string;
  orderId?: string;
  withdrawalId?: string;
  createdAt: string;
};
export type Withdrawal = {
  id: string;
  amount: number;
  status: 'processing' | 'paid' | 'failed';
  failureReason: string | null;
  /** Times the payout channel was asked: processing with attempts > 1 is being retried. */
  attempts: number;
  /** The payout method it was sent to, masked (null for withdrawals from before payout methods). */
  payoutTo: PayoutTo | null;
  createdAt: string;
};
type Page<T> = { items: T[]; nextCursor: string | null };

export const useWallet = () => useQuery({ queryKey: ['wallet'], queryFn: () => api.get<Wallet>('/wallet') });

export const useEntries = () =>
  useInfiniteQuery({
    queryKey: ['wallet', 'entries'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Entry>>(`/wallet/entries?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });

export const useWithdrawals = () =>
  useInfiniteQuery({
    queryKey: ['wallet', 'withdrawals'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Withdrawal>>(`/wallet/withdrawals?limit=10${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useWithdraw() {
  const qc = useQueryClient();
  return useMutation({
    // The key is made per tap: the server replays a refusal for a reused key, and a new tap
    // after fixing the amount is a new request.
    mutationFn: ({ amount, payoutMethodId, key }: { amount: number; payoutMethodId?: string; key?: string }) =>
      api.post<Withdrawal>('/wallet/withdrawals', { amount, payoutMethodId }, { 'Idempotency-Key': key ?? newIdempotencyKey() }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['wallet'] }),
  });
}
