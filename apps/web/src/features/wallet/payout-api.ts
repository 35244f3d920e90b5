// 收款账户 (docs/payout-methods.md): where withdrawals go — an Alipay account or a bank card,
// verified by the payout provider and shown masked.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type Schemas, call, client } from '../../lib/api.ts';

export const BANKS = ['CMB', 'ICBC', 'CCB', 'ABC', 'BOC', 'BOCOM', 'PSBC', 'CIB', 'SPDB', 'CITIC', 'CEB', 'CMBC', 'PAB'] as const;
export type PayoutMethod = Schemas['PayoutMethod'];
export type Bank = NonNullable<PayoutMethod['bank']>;
export type PayoutKind = PayoutMethod['kind'];
/** What a withdrawal keeps of where it went. */
export type PayoutTo = NonNullable<Schemas['PayoutTo']>;
export type NewPayoutMethod = Schemas['NewPayoutMethod'];

/** 招商银行 ••••5675 · 支付宝 a***@qq.com */
export const payoutLabel = (t: TFunction, m: PayoutTo) =>
  m.kind === 'bank_card' && m.bank ? `${t(`payout.banks.${m.bank}`)} ${m.masked}` : `${t('payout.alipay')} ${m.masked}`;

const KEY = ['wallet', 'payout-methods'];

export const usePayoutMethods = () =>
  useQuery({ queryKey: KEY, queryFn: () => call(client.GET('/api/v1/me/payout-methods')) });

export function useAddPayoutMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPayoutMethod) => call(client.POST('/api/v1/me/payout-methods', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRemovePayoutMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.DELETE('/api/v1/me/payout-methods/{id}', { params: { path: { id } } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
