// The reference model of the order fuzz: what the orders, items, wallets and withdrawals of a
// few members must be after any sequence of steps, written from API.md and SPEC C4/C5 (not from
// the services). Each action yields an expectation: which answers are right, and how the model
// changes when the server gives one of them. After-sale steps slot in the same way: a `cases`
// list here, their actions in actions.ts.
import type { Res } from '../../../test/helpers.ts';

export type Status = 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled';
export type Delivery = 'pickup' | 'shipping' | 'online';

export type MItem = { id: string; seller: number; price: number; shippingFee: number; delivery: Delivery[]; quantity: number; taken: number; withdrawn: boolean };
export type MOrder = {
  id: string; item: number; buyer: number; seller: number; qty: number; delivery: Delivery;
  total: number; fee: number; proceeds: number; status: Status; code: string | null;
  expiresAt: number; autoConfirmAt: number | null; tries: { count: number; start: number } | null;
};
export type MWithdrawal = { id: string; member: number; amount: number; status: 'processing' | 'paid' | 'failed'; updatedAt: number };
export type State = { now: number; items: MItem[]; orders: MOrder[]; available: number[]; withdrawals: MWithdrawal[] };

export const FEE_BPS = 60;
export const UNPAID_MS = 15 * 60_000;
export const AUTO_CONFIRM_MS = { shipping: 10 * 86_400_000, online: 3 * 86_400_000 } as const;
export const HANDOVER_TRIES = 5;
export const HANDOVER_WINDOW_MS = 15 * 60_000;
export const PAYOUT_RETRY_MS = 60_000;
export const MIN_WITHDRAWAL = 100;

/** The edges' behaviour, chosen by amount so that the model knows it in advance. */
export const gatewayDeclines = (total: number) => total > 0 && total % 17 === 0;
export const payoutDeclines = (amount: number) => amount % 13 === 0;
export const payoutTimesOut = (amount: number) => amount % 11 === 0 && amount % 13 !== 0;

export const feeOf = (total: number) => Math.floor((total * FEE_BPS + 5000) / 10000);
export const inEscrow = (s: Status) => s === 'paid' || s === 'shipped' || s === 'delivered';

/** A verdict on one answer: null when right, else why not. */
export type Expectation = { accept(res: Res): string | null; apply(res: Res): void; describe: string };

export function clone(s: State): State {
  return structuredClone(s);
}

export function pending(s: State, member: number): number {
  return s.orders.filter((o) => o.seller === member && inEscrow(o.status)).reduce((a, o) => a + o.proceeds, 0);
}

export function wallet(s: State, member: number) {
  const mine = s.withdrawals.filter((w) => w.member === member);
  const sum = (st: MWithdrawal['status']) => mine.filter((w) => w.status === st).reduce((a, w) => a + w.amount, 0);
  return { available: s.available[member] as number, pending: pending(s, member), withdrawn: sum('paid'), processing: sum('processing') };
}

export const itemAvailable = (i: MItem) => i.quantity - i.taken;
export const itemStatus = (i: MItem) => (i.withdrawn ? 'withdrawn' : itemAvailable(i) === 0 ? 'sold_out' : 'on_sale');

// ── expectations ───────────────────────────────────────────────────────────────────────────

const nothing = () => {};

/** A refusal with this status (and code, when given), changing nothing. */
export function refused(status: number, code?: string): Expectation {
  return {
    describe: `${status}${code ? ` ${code}` : ''}`,
    accept: (r) => (r.status === status && (!code || r.json?.code === code) ? null : `expected ${status} ${code ?? ''}`),
    apply: nothing,
  };
}

/** Success with the order in `status`; `apply` updates the model. */
export function orderIs(status: Status, apply: (r: Res) => void, httpStatus = 200): Expectation {
  return {
    describe: `${httpStatus} ${status}`,
    accept: (r) => (r.status === httpStatus && r.json?.status === status ? null : `expected ${httpStatus} with status ${status}`),
    apply,
  };
}

/**
 * Defects the fuzz tolerates so that a run goes on past them — each reported to the lead and
 * counted in the suite's output, never silent. Remove an entry when its fix lands.
 */
export const KNOWN_DEFECTS: Record<string, string> = {
};
export const knownSeen: Record<string, number> = {};

/** An expectation that matches a known defect: counted when it is the answer taken. */
export function known(name: keyof typeof KNOWN_DEFECTS, e: Expectation): Expectation {
  return { ...e, describe: `${e.describe} (known defect ${name})`, apply: (r) => { knownSeen[name] = (knownSeen[name] ?? 0) + 1; e.apply(r); } };
}

/** Any of several expectations; the first that accepts applies. */
export function oneOf(...es: Expectation[]): Expectation {
  let chosen: Expectation | undefined;
  return {
    describe: es.map((e) => e.describe).join(' | '),
    accept: (r) => {
      chosen = es.find((e) => e.accept(r) === null);
      return chosen ? null : `expected one of ${es.map((e) => e.describe).join(' | ')}`;
    },
    apply: (r) => chosen?.apply(r),
  };
}

// ── state changes shared by actions and sweeps ─────────────────────────────────────────────

export function cancel(s: State, o: MOrder) {
  // Stock comes back; a paid order's money goes back to the buyer (escrow → gateway).
  (s.items[o.item] as MItem).taken -= o.qty;
  o.status = 'cancelled';
}

export function complete(s: State, o: MOrder) {
  // Escrow is released: proceeds to the seller's available balance, the fee to the platform.
  o.status = 'completed';
  s.available[o.seller] = (s.available[o.seller] ?? 0) + o.proceeds;
}

/** What the sweeps do when the clock has moved: expiry, auto-confirm, payout retries. */
export function sweep(s: State) {
  for (const o of s.orders) {
    if (o.status === 'pending_payment' && o.expiresAt <= s.now) cancel(s, o);
    if ((o.status === 'shipped' || o.status === 'delivered') && o.autoConfirmAt !== null && o.autoConfirmAt <= s.now) complete(s, o);
  }
  for (const w of s.withdrawals) {
    // The provider took the money but its answer was lost: asked again, it says paid.
    if (w.status === 'processing' && w.updatedAt < s.now - PAYOUT_RETRY_MS) {
      w.status = 'paid';
      w.updatedAt = s.now;
    }
  }
}
