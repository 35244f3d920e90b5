// After-sale cases and the jury (API.md "After-sale, jury (小法庭)"). Money steps (open, accept,
// received, withdraw, vote) carry an Idempotency-Key so a retried tap acts once.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../lib/api.ts';
import { newIdempotencyKey, orderKey } from '../orders/api.ts';

export type CaseStatus = 'open' | 'awaiting_return' | 'returning' | 'rejected' | 'in_jury' | 'with_operator' | 'refunded' | 'released' | 'withdrawn';
export type CaseReason = 'not_received' | 'not_as_described' | 'damaged' | 'counterfeit';
export type Verdict = 'refund' | 'release';
export type CaseAction = 'accept' | 'reject' | 'return' | 'received' | 'escalate' | 'withdraw' | 'vote';
export type CasePhoto = { id: string; width: number; height: number; urls: { thumb: string; card: string; detail: string } };
export type CaseEvent = { type: string; at: string; by: 'buyer' | 'seller' | 'system' | 'jury' | 'operator'; verdict?: Verdict; carrier?: string; trackingNumber?: string; amount?: number };

export type AfterSaleCase = {
  id: string;
  orderId: string;
  status: CaseStatus;
  reason: CaseReason;
  description: string;
  amount: number;
  returnItem: boolean;
  deadlineAt: string | null;
  verdict: Verdict | null;
  decidedBy: 'seller' | 'jury' | 'operator' | 'system' | null;
  decisionReason: string | null;
  viewer: 'buyer' | 'seller' | 'juror' | 'operator';
  actions: CaseAction[];
  order: { title: string; coverUrl: string | null; total: number; delivery: string; category: string | null };
  evidence: { buyer: CasePhoto[]; seller: CasePhoto[] };
  sellerResponse: string | null;
  returnCarrier: string | null;
  returnTrackingNumber: string | null;
  refund: { status: 'processing' | 'paid'; feeReturned: number; advanced: number } | null;
  jury: { seats: number; voted: number } | null;
  myVote: { status: 'pending' | 'voted' | 'missed' | 'dismissed'; dueAt: string; verdict: Verdict | null; reason: string | null } | null;
  createdAt: string;
  closedAt: string | null;
  events: CaseEvent[];
};

export type OrderAfterSale = { case: AfterSaleCase | null; canOpen: boolean; openUntil: string | null };
export type JuryLogEntry = {
  id: string;
  reason: CaseReason;
  title: string;
  category: string | null;
  amount: number;
  status: CaseStatus;
  verdict: Verdict;
  decidedBy: 'jury' | 'operator';
  votes: { refund: number; release: number };
  decidedAt: string;
};
type Page<T> = { items: T[]; nextCursor: string | null };

export const REASONS: CaseReason[] = ['not_as_described', 'damaged', 'counterfeit', 'not_received'];
export const caseKey = (id: string) => ['after-sales', id] as const;
const orderCaseKey = (orderId: string) => ['orders', orderId, 'after-sale'] as const;
const casePath = (id: string) => `/after-sales/${encodeURIComponent(id)}`;
const idem = () => ({ 'Idempotency-Key': newIdempotencyKey() });

/** Look again while the other side, a clock or the jury may move the case. */
const live = (s: CaseStatus | undefined) => (s && !['refunded', 'released', 'withdrawn'].includes(s) ? 15_000 : false);

export const useCase = (id: string) =>
  useQuery({ queryKey: caseKey(id), queryFn: () => api.get<AfterSaleCase>(casePath(id)), refetchInterval: (q) => live(q.state.data?.status) });

export const useOrderAfterSale = (orderId: string, enabled = true) =>
  useQuery({ queryKey: orderCaseKey(orderId), enabled, queryFn: () => api.get<OrderAfterSale>(`/orders/${encodeURIComponent(orderId)}/after-sale`) });

export type OpenCaseInput = { reason: CaseReason; description: string; mediaIds: string[]; returnItem: boolean; amount?: number };

export function useOpenCase(orderId: string) {
  const qc = useQueryClient();
  // One key per form: a retried tap replays the first answer instead of opening a second case.
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (input: OpenCaseInput) => api.post<AfterSaleCase>(`/orders/${encodeURIComponent(orderId)}/after-sale`, input, { 'Idempotency-Key': key }),
    onSuccess: (c) => {
      qc.setQueryData(caseKey(c.id), c);
      void qc.invalidateQueries({ queryKey: orderKey(orderId) });
      void qc.invalidateQueries({ queryKey: orderCaseKey(orderId) });
    },
  });
}

export type StepInput =
  | { step: 'accept' | 'received' | 'escalate' | 'withdraw' }
  | { step: 'reject'; body: { description: string; mediaIds: string[] } }
  | { step: 'return'; body: { carrier: string; trackingNumber: string } };

export function useCaseStep(c: Pick<AfterSaleCase, 'id' | 'orderId'>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: StepInput) => {
      const money = s.step === 'accept' || s.step === 'received' || s.step === 'withdraw';
      return api.post<AfterSaleCase>(`${casePath(c.id)}/${s.step}`, 'body' in s ? s.body : undefined, money ? idem() : undefined);
    },
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
    queryFn: ({ pageParam }) => api.get<Page<AfterSaleCase>>(`/jury/cases?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });

export function useVote(caseId: string) {
  const qc = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  return useMutation({
    mutationFn: (v: { verdict: Verdict; reason: string }) => api.post<AfterSaleCase>(`/jury/cases/${encodeURIComponent(caseId)}/vote`, v, { 'Idempotency-Key': key }),
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
    queryFn: ({ pageParam }) => api.get<Page<JuryLogEntry>>(`/jury/log?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });
