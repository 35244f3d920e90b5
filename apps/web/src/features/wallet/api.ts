// The wallet (SPEC C5): balances, the statement (keyset-paged), withdrawals (idempotent).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Schemas, call, client } from '../../lib/api.ts';
import { newIdempotencyKey } from '../orders/api.ts';

/** processing: withdrawn from the balance, not yet confirmed by the payout channel. */
export type Wallet = Schemas['Wallet'];
export type Entry = Schemas['LedgerEntry'];
/** `attempts` > 1 while processing: being retried; `payoutTo` null for withdrawals from before payout methods. */
export type Withdrawal = Schemas['Withdrawal'];

const cursor = (pageParam: string | null) => pageParam ?? undefined;

export const useWallet = () => useQuery({ queryKey: ['wallet'], queryFn: () => call(client.GET('/api/v1/wallet')) });

export const useEntries = () =>
  useInfiniteQuery({
    queryKey: ['wallet', 'entries'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(client.GET('/api/v1/wallet/entries', { params: { query: { limit: 20, cursor: cursor(pageParam) } } })),
    getNextPageParam: (last) => last.nextCursor,
  });

export const useWithdrawals = () =>
  useInfiniteQuery({
    queryKey: ['wallet', 'withdrawals'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(client.GET('/api/v1/wallet/withdrawals', { params: { query: { limit: 10, cursor: cursor(pageParam) } } })),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useWithdraw() {
  const qc = useQueryClient();
  return useMutation({
    // The key is made per tap: the server replays a refusal for a reused key, and a new tap
    // after fixing the amount is a new request.
    mutationFn: ({ amount, payoutMethodId, key }: { amount: number; payoutMethodId?: string; key?: string }) =>
      call(
        client.POST('/api/v1/wallet/withdrawals', {
          params: { header: { 'idempotency-key': key ?? newIdempotencyKey() } },
          body: { amount, payoutMethodId },
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['wallet'] }),
  });
}
