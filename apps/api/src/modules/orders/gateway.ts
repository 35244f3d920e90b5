// Payment gateways take the buyer's money into escrow and give it back on refunds. The sandbox
// stands in for WeChat Pay / Alipay / Stripe and behaves like them: it is idempotent by our
// payment id, confirms by an HMAC-SHA256-signed, timestamped callback to the API (sometimes
// twice, as real gateways retry), and can be told to decline, to answer later, or to time out.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export type ChargeResult =
  | { status: 'succeeded'; ref: string }
  | { status: 'pending'; ref: string }
  | { status: 'failed'; reason: string };

export type PaymentGateway = {
  name: string;
  charge(p: { paymentId: string; orderId: string; amount: number }): Promise<ChargeResult>;
  refund(p: { paymentId: string; ref: string; amount: number }): Promise<{ ok: true; ref: string } | { ok: false; reason: string }>;
};

export class GatewayTimeout extends Error {}

export type CallbackEvent = {
  eventId: string;
  type: 'payment.succeeded' | 'payment.failed';
  paymentId: string;
  ref: string;
  amount: number;
  reason?: string;
};

export const SIGNATURE_HEADER = 'jishi-sandbox-signature';
export const SIGNATURE_TOLERANCE_S = 300;

export function signCallback(key: Buffer, body: string, at: number): string {
  const t = Math.floor(at / 1000);
  return `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;
}

export function verifyCallbackSignature(key: Buffer, body: string, header: string | undefined, now: number):
  'ok' | 'missing' | 'invalid' | 'stale' {
  if (!header) return 'missing';
  const m = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/);
  if (!m) return 'invalid';
  const t = Number(m[1]);
  const expected = createHmac('sha256', key).update(`${t}.${body}`).digest();
  const given = Buffer.from(m[2] as string, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  // Checked after the signature, so a forged stale request learns nothing.
  if (Math.abs(now / 1000 - t) > SIGNATURE_TOLERANCE_S) return 'stale';
  return 'ok';
}

export type SandboxOptions = {
  signingKey: Buffer;
  /** Decide per charge: null to capture, a reason to decline. */
  decline?: (p: { amount: number; orderId: string }) => string | null;
  /** 'instant' answers succeeded at once (and still calls back); 'async' answers pending and confirms by callback only. */
  mode?: 'instant' | 'async';
  timeout?: (p: { amount: number; orderId: string }) => boolean;
  /** Deliver every callback this many times (real gateways retry until they get a 2xx). */
  callbackCopies?: number;
  now?: () => number;
};

export type SandboxGateway = PaymentGateway & {
  connect(deliver: (body: string, signature: string) => Promise<unknown>): void;
  /** Waits until every callback sent so far has been delivered. */
  settled(): Promise<void>;
  charges: Map<string, { amount: number; ref: string; refunded: boolean }>;
};

export function sandboxGateway(opts: SandboxOptions): SandboxGateway {
  const charges = new Map<string, { amount: number; ref: string; refunded: boolean }>();
  const inflight = new Set<Promise<unknown>>();
  let deliver: ((body: string, signature: string) => Promise<unknown>) | null = null;
  const now = opts.now ?? Date.now;

  function callBack(e: Omit<CallbackEvent, 'eventId'>) {
    const body = JSON.stringify({ ...e, eventId: `evt_${randomUUID()}` });
    for (let i = 0; i < (opts.callbackCopies ?? 1); i++) {
      const p = new Promise((r) => setTimeout(r, 0))
        .then(() => deliver?.(body, signCallback(opts.signingKey, body, now())))
        .catch(() => {}) // a real gateway would retry later; the sweep job covers us
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
  }

  return {
    name: 'sandbox',
    charges,
    connect(d) {
      deliver = d;
    },
    async settled() {
      while (inflight.size) await Promise.all([...inflight]);
    },
    async charge(p) {
      if (opts.timeout?.(p)) throw new GatewayTimeout('sandbox gateway timed out');
      const reason = opts.decline?.(p) ?? null;
      const ref = `sbx_pay_${createHash('sha256').update(p.paymentId).digest('hex').slice(0, 20)}`;
      if (reason) {
        callBack({ type: 'payment.failed', paymentId: p.paymentId, ref, amount: p.amount, reason });
        return { status: 'failed', reason };
      }
      // Idempotent by payment id: asking again never captures twice.
      if (!charges.has(p.paymentId)) charges.set(p.paymentId, { amount: p.amount, ref, refunded: false });
      callBack({ type: 'payment.succeeded', paymentId: p.paymentId, ref, amount: p.amount });
      return opts.mode === 'async' ? { status: 'pending', ref } : { status: 'succeeded', ref };
    },
    async refund(p) {
      // Like a real gateway, refunding twice refunds once. The sandbox keeps no state across
      // restarts, so a payment it no longer remembers is refunded by its reference alone.
      const c = charges.get(p.paymentId);
      if (c) c.refunded = true;
      return { ok: true, ref: `${p.ref}_rf` };
    },
  };
}
