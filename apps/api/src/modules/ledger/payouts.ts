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
import { createHash } from 'node:crypto';

export type PayoutResult = { ok: true; ref: string } | { ok: false; reason: string; retryable?: boolean };

export type PayoutProvider = {
  name: string;
  send(p: { withdrawalId: string; userId: string; amount: number }): Promise<PayoutResult>;
};

/** The provider did not answer in time: the payout may or may not have been made. */
export class PayoutTimeout extends Error {}

type Req = { withdrawalId: string; amount: number; userId: string };

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
    async send(p) {
      attempts.set(p.withdrawalId, (attempts.get(p.withdrawalId) ?? 0) + 1);
      await opts.slow?.(p);
      const outage = opts.outage?.(p) ?? null;
      if (outage === 'unreachable') throw new Error('sandbox payout provider unreachable (ECONNREFUSED)');
      if (sent.has(p.withdrawalId)) return { ok: true, ref: ref(p.withdrawalId) };
      if (outage === 'unavailable') return { ok: false, reason: 'provider_unavailable', retryable: true };
      const reason = opts.decline?.(p) ?? null;
      if (reason) return { ok: false, reason };
      sent.set(p.withdrawalId, p.amount);
      if (outage === 'timeout') throw new PayoutTimeout('sandbox payout provider timed out');
      return { ok: true, ref: ref(p.withdrawalId) };
    },
  };
}
