// The edge's interfaces: what the app needs of a payout provider and a payment gateway. The
// sandboxes that implement them live with their domains (modules/ledger/payouts.ts,
// modules/orders/gateway.ts); `Deps` (lib/http.ts) carries one of each.

// Payouts: money from the platform to a member's payout method.
export type PayoutResult = { ok: true; ref: string } | { ok: false; reason: string; retryable?: boolean };

/** Where the money goes, as the provider needs it (decrypted only to call it). */
export type PayoutDestination = { kind: 'alipay' | 'bank_card'; account: string; holderName: string; bank: string | null };
export type VerifyResult = { ok: true; ref: string } | { ok: false; reason: 'invalid_card_number' | 'account_rejected' };

export type PayoutProvider = {
  name: string;
  verify(d: PayoutDestination): Promise<VerifyResult>;
  send(p: { withdrawalId: string; userId: string; amount: number; destination: PayoutDestination | null }): Promise<PayoutResult>;
};

// Payments: the buyer's money into escrow and back on refunds.
export type ChargeResult =
  | { status: 'succeeded'; ref: string }
  | { status: 'pending'; ref: string }
  | { status: 'failed'; reason: string };

/** What the gateway knows of a payment, asked by our payment id (out_trade_no). */
export type PaymentStatus =
  | { status: 'succeeded'; ref: string; amount: number }
  | { status: 'pending' }
  | { status: 'failed'; reason: string }
  | { status: 'not_found' }; // never captured: the gateway has no such payment

export type PaymentGateway = {
  name: string;
  /** Captures into escrow. May throw (GatewayTimeout, network): the outcome is then unknown. */
  charge(p: { paymentId: string; orderId: string; amount: number }): Promise<ChargeResult>;
  /** Refunds in full, idempotent by payment id. May throw: the outcome is then unknown, ask again. */
  refund(p: { paymentId: string; ref: string; amount: number }): Promise<{ ok: true; ref: string } | { ok: false; reason: string }>;
  /** The gateway's own record of a payment, for reconciliation. May throw. */
  status(p: { paymentId: string }): Promise<PaymentStatus>;
};

