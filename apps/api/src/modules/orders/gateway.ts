// Payment gateways take the buyer's money into escrow and give it back on refunds. The sandbox
// stands in for WeChat Pay / Alipay / Stripe and behaves like them: it is idempotent by our
// payment id, confirms by an HMAC-SHA256-signed, timestamped callback to the API (sometimes
// twice, as real gateways retry), answers a status query (their "query order" API), and can be
// told to decline, to answer later, to time out after capturing, to lose its callbacks, and to
// refuse or time out refunds.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export type { ChargeResult, PaymentGateway, PaymentStatus } from '../../lib/providers.ts';
import type { PaymentGateway } from '../../lib/providers.ts';

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

/** How the sandbox treats one charge; every field defaults to a prompt, successful capture. */
export type SandboxBehaviour = {
  /** Refuse the charge with this reason. */
  decline?: string | null;
  /** Answer 'pending' and confirm by callback only. */
  async?: boolean;
  /** Capture the money, then lose the answer: the caller sees GatewayTimeout (the worst case). */
  timeout?: boolean;
  /** Every delivery of this payment's callbacks fails (our endpoint down, a partition); the gateway gives up. */
  callbackFails?: boolean;
  /** The refund of this payment: refused ('decline', nothing moves) or made with its answer lost ('timeout'). */
  refund?: 'decline' | 'timeout' | null;
};

type ChargeInfo = { amount: number; orderId: string; paymentId: string };

export type SandboxOptions = {
  signingKey: Buffer;
  /** Decide per charge: null to capture, a reason to decline. */
  decline?: (p: ChargeInfo) => string | null;
  /** 'instant' answers succeeded at once (and still calls back); 'async' answers pending and confirms by callback only. */
  mode?: 'instant' | 'async';
  /** Per charge: capture, then time out (see SandboxBehaviour.timeout). */
  timeout?: (p: ChargeInfo) => boolean;
  /** Per charge, everything at once; read at each call, so a test may change it between calls. */
  behave?: (p: ChargeInfo) => SandboxBehaviour;
  /** Deliver every callback this many times (real gateways retry until they get a 2xx). */
  callbackCopies?: number;
  now?: () => number;
};

export type SandboxCharge = { amount: number; orderId: string; ref: string; refunded: boolean; refundRequests: number; callbacksLost: number };

export type SandboxGateway = PaymentGateway & {
  connect(deliver: (body: string, signature: string) => Promise<unknown>): void;
  /** Waits until every callback sent so far has been delivered. */
  settled(): Promise<void>;
  /** Money the sandbox captured, by our payment id. */
  charges: Map<string, SandboxCharge>;
};

export function sandboxGateway(opts: SandboxOptions): SandboxGateway {
  const charges = new Map<string, SandboxCharge>();
  const declined = new Map<string, string>();
  const inflight = new Set<Promise<unknown>>();
  let deliver: ((body: string, signature: string) => Promise<unknown>) | null = null;
  const now = opts.now ?? Date.now;
  const behaviour = (p: ChargeInfo): SandboxBehaviour => ({
    decline: opts.decline?.(p) ?? null,
    async: opts.mode === 'async',
    timeout: opts.timeout?.(p) ?? false,
    ...opts.behave?.(p),
  });
  const refOf = (paymentId: string) => `sbx_pay_${createHash('sha256').update(paymentId).digest('hex').slice(0, 20)}`;

  function callBack(e: Omit<CallbackEvent, 'eventId'>, lost: boolean) {
    const body = JSON.stringify({ ...e, eventId: `evt_${randomUUID()}` });
    for (let i = 0; i < (opts.callbackCopies ?? 1); i++) {
      const p = new Promise((r) => setTimeout(r, 0))
        .then(() => {
          if (lost) throw new Error('sandbox: callback delivery failed');
          return deliver?.(body, signCallback(opts.signingKey, body, now()));
        })
        .catch(() => {
          const c = charges.get(e.paymentId);
          if (c) c.callbacksLost += 1;
        }) // a real gateway retries a while, then gives up; reconciliation covers us
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
      const b = behaviour(p);
      const ref = refOf(p.paymentId);
      if (b.decline && !charges.has(p.paymentId)) {
        declined.set(p.paymentId, b.decline);
        callBack({ type: 'payment.failed', paymentId: p.paymentId, ref, amount: p.amount, reason: b.decline }, !!b.callbackFails);
        return { status: 'failed', reason: b.decline };
      }
      // Idempotent by payment id: asking again never captures twice.
      if (!charges.has(p.paymentId)) {
        charges.set(p.paymentId, { amount: p.amount, orderId: p.orderId, ref, refunded: false, refundRequests: 0, callbacksLost: 0 });
      }
      callBack({ type: 'payment.succeeded', paymentId: p.paymentId, ref, amount: p.amount }, !!b.callbackFails);
      if (b.timeout) throw new GatewayTimeout('sandbox gateway timed out (the money was captured)');
      return b.async ? { status: 'pending', ref } : { status: 'succeeded', ref };
    },
    async refund(p) {
      // Like a real gateway, refunding twice refunds once. The sandbox keeps no state across
      // restarts, so a payment it no longer remembers is refunded by its reference alone.
      const c = charges.get(p.paymentId);
      if (c) c.refundRequests += 1;
      const mode = c ? behaviour({ amount: c.amount, orderId: c.orderId, paymentId: p.paymentId }).refund : null;
      if (mode === 'decline' && !c?.refunded) return { ok: false, reason: 'refund_unavailable' };
      if (c) c.refunded = true;
      if (mode === 'timeout') throw new GatewayTimeout('sandbox gateway timed out (the refund was made)');
      return { ok: true, ref: `${p.ref}_rf` };
    },
    async status(p) {
      const c = charges.get(p.paymentId);
      if (c) return { status: 'succeeded', ref: c.ref, amount: c.amount };
      const reason = declined.get(p.paymentId);
      return reason ? { status: 'failed', reason } : { status: 'not_found' };
    },
  };
}
