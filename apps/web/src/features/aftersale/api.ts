// After-sale cases and the jury (API.md "After-sale, jury (小法庭)"). Money steps (open, accept,
// received, withdraw, vote) carry an Idempotency-Key so a retried tap acts once.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Schemas, call, client } from '../../lib/api.ts';
import { newIdempotencyKey, orderKey } from '../orders/api.ts';

export type AfterSaleCase = Schemas['AfterSaleCase'];
export type CaseReason = AfterSaleCase['reason'];
export type Verdict = Schemas['VoteBody']['verdict'];
export type CasePhoto = AfterSaleCase['evidence']['buyer'][number];

export const REASONS: CaseReason[] = ['not_as_described', 'damaged', 'counterfeit', 'not_received'];
export const caseKey = (id: string) => ['after-sales', id] as const;
const orderCaseKey = (orderId: string) => ['orders', orderId, 'after-sale'] as const;
const idem = (key = newIdempotencyKey()) => ({ header: { 'idempotency-key': key } });

/** Look again while the other side, a clock or the jury may move the case. */
const live = (s: AfterSaleCase['status'] | undefined) =>
  s && !['refunded', 'released', 'withdrawn'].includes(s) ? 15_000 : false;

export const useCase = (id: string) =>
  useQuery({
    queryKey: caseKey(id),
    queryFn: () => call(client.GET('/api/v1/after-sales/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => live(q.state.data?.status),
  });

export const useOrderAfterSale = (orderId: string, enabled = true) =>
  useQuery({
    queryKey: orderCaseKey(orderId),
    enabled,
    queryFn: () => call(client.GET('/api/v1/orders/{id}/after-sale', { params: { path: { id: orderId } } })),
  });

export function useOpenCase(orderId: string) {
  const qc = useQueryClient();
  // One key per form: a retried tap replays the first answer instead of opening a second case.
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (body: Schemas['OpenCaseBody']) =>
      call(client.POST('/api/v1/orders/{id}/after-sale', { params: { path: { id: orderId }, ...idem(key) }, body })),
    onSuccess: (c) => {
      qc.setQueryData(caseKey(c.id), c);
      void qc.invalidateQueries({ queryKey: orderKey(orderId) });
      void qc.invalidateQueries({ queryKey: orderCaseKey(orderId) });
    },
  });
}

export type StepInput =
  | { step: 'accept' | 'received' | 'escalate' | 'withdraw' }
  | { step: 'reject'; body: Schemas['RejectCaseBody'] }
  | { step: 'return'; body: Schemas['ReturnBody'] };

/** One step on a case; the money steps (accept, received, withdraw) under an Idempotency-Key. */
function takeStep(id: string, s: StepInput) {
  const path = { id };
  switch (s.step) {
    case 'accept':
      return call(client.POST('/api/v1/after-sales/{id}/accept', { params: { path, ...idem() } }));
    case 'received':
      return call(client.POST('/api/v1/after-sales/{id}/received', { params: { path, ...idem() } }));
    case 'withdraw':
      return call(client.POST('/api/v1/after-sales/{id}/withdraw', { params: { path, ...idem() } }));
    case 'escalate':
      return call(client.POST('/api/v1/after-sales/{id}/escalate', { params: { path } }));
    case 'reject':
      return call(client.POST('/api/v1/after-sales/{id}/reject', { params: { path }, body: s.body }));
    case 'return':
      return call(client.POST('/api/v1/after-sales/{id}/return', { params: { path }, body: s.body }));
  }
}

export function useCaseStep(c: Pick<AfterSaleCase, 'id' | 'orderId'>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: StepInput) => takeStep(c.id, s),
    onSuccess: (next) => {
      qc.setQueryData(caseKey(next.id), next);
      void qc.invalidateQueries({ queryKey: orderKey(c.orderId) });
      void qc.invalidateQueries({ queryKey: orderCaseKey(c.orderId) });
      void qc.invalidateQueries({ queryKey: ['wallet'] });
    },
  });
}

export const useJuryDuties = () =>
  useInfiniteQuery({
    queryKey: ['jury', 'cases'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/jury/cases', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useVote(caseId: string) {
  const qc = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (body: Schemas['VoteBody']) =>
      call(client.POST('/api/v1/jury/cases/{id}/vote', { params: { path: { id: caseId }, ...idem(key) }, body })),
    onSuccess: (c) => {
      qc.setQueryData(caseKey(c.id), c);
      void qc.invalidateQueries({ queryKey: ['jury'] });
    },
  });
}

export const useJuryLog = () =>
  useInfiniteQuery({
    queryKey: ['jury', 'log'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/jury/log', {
          params: { query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
