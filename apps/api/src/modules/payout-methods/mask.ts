// What a member sees of an account number: enough to recognise it, not enough to use it.
import type { PayoutDestination } from '../../lib/providers.ts';

export const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
export const CN_MOBILE = /^1[3-9]\d{9}$/;

/** 招商银行 ••••1234 (the bank's name is the client's to say), a***@qq.com, 138****5678. */
export function maskAccount(d: Pick<PayoutDestination, 'kind' | 'account'>): string {
  if (d.kind === 'bank_card') return `••••${d.account.slice(-4)}`;
  if (CN_MOBILE.test(d.account)) return `${d.account.slice(0, 3)}****${d.account.slice(-4)}`;
  const at = d.account.indexOf('@');
  return `${d.account.slice(0, 1)}***${d.account.slice(at)}`;
}
