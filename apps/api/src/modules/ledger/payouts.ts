// Payout providers send money from the platform to a member's payout method. The sandbox
// stands in for a real one (WeChat Pay transfers, Alipay) and misbehaves like one can:
//   - it is idempotent by withdrawal id: asking twice pays once;
//   - `decline`: a definite, final refusal (account closed, name mismatch): nothing was sent;
//   - `outage: 'unavailable'`: a definite "not sent, try again" (SYSTEMERROR-style);
//   - `outage: 'unreachable'`: the call fails before reaching it (nothing sent; the caller
//     cannot tell that apart from a timeout);
//   - `outage: 'timeout'`: the money IS sent but the answer is lost (the caller sees a
//     PayoutTimeout and cannot know); asking again answers ok, still paying once;
//   - `slow`: the answer waits for the given promise (a provider taking its time).
// Before a payout method is kept, the provider verifies it (`verify`, as Alipay's account check
// or a bank's card/name check): the sandbox refuses a card number failing the Luhn check, and
// the accounts in SANDBOX_REJECTED (an account that does not exist or is closed) — see
// docs/payout-methods.md. A payout to one of those, or to no account at all, is declined.
import { createHash } from 'node:crypto';

export type { PayoutDestination, PayoutProvider, PayoutResult, VerifyResult } from '../../lib/providers.ts';
import type { PayoutDestination, PayoutProvider } from '../../lib/providers.ts';

/** Accounts the sandbox knows as nonexistent or closed: verification refuses them. */
export const SANDBOX_REJECTED = new Set(['6217000000000000004', 'closed@example.com', '13900000000']);

/** The check digit every bank card number carries (ISO/IEC 7812). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, alt = false; i >= 0; i--, alt = !alt) {
    let d = digits.charCodeAt(i) - 48;
    if (alt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The provider did not answer in time: the payout may or may not have been made. */
export class PayoutTimeout extends Error {}

type Req = { withdrawalId: string; amount: number; userId: string; destination: PayoutDestination | null };

export function sandboxPayouts(
  opts: {
    decline?: (p: Req) => string | null;
    outage?: (p: Req) => 'unavailable' | 'unreachable' | 'timeout' | null;
    slow?: (p: Req) => Promise<void> | null;
  } = {},
): PayoutProvider & { sent: Map<string, number>; attempts: Map<string, number> } {
  const sent = new Map<string, number>();
  const attempts = new Map<string, number>();
  const ref = (id: string) => `sbx_po_${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
  return {
    name: 'sandbox',
    sent,
    attempts,
    async verify(d) {
      if (d.kind === 'bank_card' && !luhnValid(d.account)) return { ok: false, reason: 'invalid_card_number' };
      if (SANDBOX_REJECTED.has(d.account)) return { ok: false, reason: 'account_rejected' };
      return { ok: true, ref: `sbx_pv_${createHash('sha256').update(`${d.kind}:${d.account}`).digest('hex').slice(0, 16)}` };
    },
    async send(p) {
      attempts.set(p.withdrawalId, (attempts.get(p.withdrawalId) ?? 0) + 1);
      await opts.slow?.(p);
      const outage = opts.outage?.(p) ?? null;
      if (outage === 'unreachable') throw new Error('sandbox payout provider unreachable (ECONNREFUSED)');
      if (sent.has(p.withdrawalId)) return { ok: true, ref: ref(p.withdrawalId) };
      if (outage === 'unavailable') return { ok: false, reason: 'provider_unavailable', retryable: true };
      const reason =
        opts.decline?.(p) ??
        (!p.destination ? 'no_payout_method' : SANDBOX_REJECTED.has(p.destination.account) ? 'account_closed' : null);
      if (reason) return { ok: false, reason };
      sent.set(p.withdrawalId, p.amount);
      if (outage === 'timeout') throw new PayoutTimeout('sandbox payout provider timed out');
      return { ok: true, ref: ref(p.withdrawalId) };
    },
  };
}
