// 收款账户 (docs/payout-methods.md): where withdrawals go — an Alipay account or a bank card,
// verified by the payout provider and shown masked.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../lib/api.ts';

export const BANKS = ['CMB', 'ICBC', 'CCB', 'ABC', 'BOC', 'BOCOM', 'PSBC', 'CIB', 'SPDB', 'CITIC', 'CEB', 'CMBC', 'PAB'] as const;
export type Bank = (typeof BANKS)[number];
export type PayoutKind = 'alipay' | 'bank_card';
export type PayoutMethod = {
  id: string;
  kind: PayoutKind;
  bank: Bank | null;
  masked: string;
  isDefault: boolean;
  verifiedAt: string;
  lastUsedAt: string | null;
  createdAt: string;
};
/** What a withdrawal keeps of where it went. */
export type PayoutTo = Pick<PayoutMethod, 'id' | 'kind' | 'bank' | 'masked'>;
export type NewPayoutMethod = { kind: PayoutKind; account: string; holderName: string; bank?: Bank };

/** 招商银行 ••••5675 · 支付宝 a***@qq.com */
export const payoutLabel = (t: TFunction, m: PayoutTo) =>
  m.kind === 'bank_card' && m.bank ? `${t(`payout.banks.${m.bank}`)} ${m.masked}` : `${t('payout.alipay')} ${m.masked}`;

const KEY = ['wallet', 'payout-methods'];

export const usePayoutMethods = () =>
  useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: PayoutMethod[] }>('/me/payout-methods') });

export function useAddPayoutMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPayoutMethod) => api.post<PayoutMethod>('/me/payout-methods', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRemovePayoutMethod() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<void>(`/me/payout-methods/${id}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}
