// Payout providers send money from the platform to a member's payout method. The sandbox
// stands in for a real one: it is idempotent by withdrawal id (asking twice pays once) and can
// be told to fail, so the reversal path is exercised in tests.
import { createHash } from 'node:crypto';

export type PayoutResult = { ok: true; ref: string } | { ok: false; reason: string };

export type PayoutProvider = {
  name: string;
  send(p: { withdrawalId: string; userId: string; amount: number }): Promise<PayoutResult>;
};

export function sandboxPayouts(opts: { decline?: (p: { amount: number; userId: string }) => string | null } = {}): PayoutProvider & {
  sent: Map<string, number>;
} {
  const sent = new Map<string, number>();
  return {
    name: 'sandbox',
    sent,
    async send(p) {
      const reason = opts.decline?.(p) ?? null;
      if (reason) return { ok: false, reason };
      if (!sent.has(p.withdrawalId)) sent.set(p.withdrawalId, p.amount);
      return { ok: true, ref: `sbx_po_${createHash('sha256').update(p.withdrawalId).digest('hex').slice(0, 16)}` };
    },
  };
}
