// The order state machine (API.md "Orders"), pure: which actions each party may take in each
// state, and where they lead. Services ask here before touching a row; no I/O.
import { type DeliveryMethod, ORDER_ACTIONS, type OrderAction, type OrderStatus } from '@jishi/shared';

// The states and delivery methods are packages/shared's lists (the CHECKs are tested against them).
export type { OrderStatus };
export type Delivery = DeliveryMethod;
export type Role = 'buyer' | 'seller' | 'system';
/** A member's actions (packages/shared ORDER_ACTIONS, no_show included) and the system's own. */
export type Action =
  | OrderAction | 'expire' | 'auto_confirm'
  // Reservation deposit (定金托管): the hold runs out; the uncontested no-show claim settles the
  // deposit to the seller.
  | 'expire_reservation' | 'settle_deposit';

/** What a transition looks at: the state, the delivery, and for a deposit order whether the seller has claimed a no-show. */
export type OrderFacts = { status: OrderStatus; delivery: Delivery; deposit?: boolean; noShow?: boolean };

type Rule = {
  from: OrderStatus[];
  to: OrderStatus | ((a: OrderFacts) => OrderStatus);
  by: Role[];
  delivery?: Delivery[];
  /** Further condition on the facts (a deposit order's no-show claim); false reads as wrong_state. */
  when?: (a: OrderFacts, role: Role) => boolean;
};

const RULES: Record<Action, Rule> = {
  // A deposit order's first payment (the deposit) reserves it; the second (the rest) pays it.
  // After the seller's no-show claim the buyer's answer is an after-sale case, not a payment.
  pay: {
    from: ['pending_payment', 'reserved'],
    to: (a) => (a.status === 'pending_payment' && a.deposit ? 'reserved' : 'paid'),
    by: ['buyer', 'system'],
    when: (a) => !a.noShow,
  },
  ship: { from: ['paid'], to: 'shipped', by: ['seller'], delivery: ['shipping'] },
  deliver: { from: ['paid'], to: 'delivered', by: ['seller'], delivery: ['online'] },
  confirm: { from: ['shipped', 'delivered'], to: 'completed', by: ['buyer'], delivery: ['shipping', 'online'] },
  // Hand-over at a local pickup: the seller enters the buyer's code, money moves at once.
  handover: { from: ['paid'], to: 'completed', by: ['seller'], delivery: ['pickup'] },
  // Before shipment either party may cancel; a paid order is refunded in full, a reserved one
  // gets its deposit back in full. Once the seller claimed a no-show only the seller may (the
  // claim is then dropped and the deposit refunded): the buyer contests by an after-sale case.
  cancel: {
    from: ['pending_payment', 'reserved', 'paid'],
    to: 'cancelled',
    by: ['buyer', 'seller', 'system'],
    when: (a, role) => !(a.noShow && role === 'buyer'),
  },
  expire: { from: ['pending_payment'], to: 'cancelled', by: ['system'] },
  auto_confirm: { from: ['shipped', 'delivered'], to: 'completed', by: ['system'] },
  // The order stays reserved while the claim waits 24 h for the buyer's contest.
  no_show: { from: ['reserved'], to: 'reserved', by: ['seller'], delivery: ['pickup'], when: (a) => !a.noShow },
  expire_reservation: { from: ['reserved'], to: 'cancelled', by: ['system'], when: (a) => !a.noShow },
  settle_deposit: { from: ['reserved'], to: 'cancelled', by: ['system'], when: (a) => !!a.noShow },
};

export type Check = { ok: true; to: OrderStatus } | { ok: false; reason: 'wrong_role' | 'wrong_delivery' | 'wrong_state' };

export function transition(a: OrderFacts, action: Action, role: Role): Check {
  const rule = RULES[action];
  if (!rule.by.includes(role)) return { ok: false, reason: 'wrong_role' };
  if (rule.delivery && !rule.delivery.includes(a.delivery)) return { ok: false, reason: 'wrong_delivery' };
  if (!rule.from.includes(a.status)) return { ok: false, reason: 'wrong_state' };
  if (rule.when && !rule.when(a, role)) return { ok: false, reason: 'wrong_state' };
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(a) : rule.to };
}

/** What the viewer can do now: drives the buttons on the order page (the system's own transitions are not in ORDER_ACTIONS). */
export function availableActions(a: OrderFacts, role: 'buyer' | 'seller'): OrderAction[] {
  return ORDER_ACTIONS.filter((act) => transition(a, act, role).ok);
}

/** The facts of an order row, for transition(). */
export const factsOf = (o: { status: string; delivery: string; deposit: number | null; noShowAt: Date | null }): OrderFacts => ({
  status: o.status as OrderStatus,
  delivery: o.delivery as Delivery,
  deposit: o.deposit !== null,
  noShow: o.noShowAt !== null,
});

/** Money sits in escrow in these states (a reserved order's deposit only). */
export const IN_ESCROW: OrderStatus[] = ['reserved', 'paid', 'shipped', 'delivered'];

/** A deposit is 1 fen … `percent`% of the total (the setting depositMaxPercent, 30 by default). */
export const maxDeposit = (total: number, percent = 30) => Math.floor((total * percent) / 100);

// The payment deadline (15 min) and the auto-confirm delays (10 days after shipment, 3 after an
// online delivery) are operator settings: config.paymentExpiryMinutes, autoConfirmShippingDays,
// autoConfirmOnlineDays (modules/admin/rules.ts), written on the order when its clock starts.
