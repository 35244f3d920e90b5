// The order state machine (API.md "Orders"), pure: which actions each party may take in each
// state, and where they lead. Services ask here before touching a row; no I/O.
export type OrderStatus =
  | 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'refunding' | 'refunded';
export type Delivery = 'pickup' | 'shipping' | 'online';
export type Role = 'buyer' | 'seller' | 'system';
export type Action = 'pay' | 'ship' | 'deliver' | 'confirm' | 'handover' | 'cancel' | 'expire' | 'auto_confirm';

type Rule = { from: OrderStatus[]; to: OrderStatus; by: Role[]; delivery?: Delivery[] };

const RULES: Record<Action, Rule> = {
  pay: { from: ['pending_payment'], to: 'paid', by: ['buyer', 'system'] },
  ship: { from: ['paid'], to: 'shipped', by: ['seller'], delivery: ['shipping'] },
  deliver: { from: ['paid'], to: 'delivered', by: ['seller'], delivery: ['online'] },
  confirm: { from: ['shipped', 'delivered'], to: 'completed', by: ['buyer'], delivery: ['shipping', 'online'] },
  // Hand-over at a local pickup: the seller enters the buyer's code, money moves at once.
  handover: { from: ['paid'], to: 'completed', by: ['seller'], delivery: ['pickup'] },
  // Before shipment either party may cancel; a paid order is refunded in full.
  cancel: { from: ['pending_payment', 'paid'], to: 'cancelled', by: ['buyer', 'seller', 'system'] },
  expire: { from: ['pending_payment'], to: 'cancelled', by: ['system'] },
  auto_confirm: { from: ['shipped', 'delivered'], to: 'completed', by: ['system'] },
};

export type Check = { ok: true; to: OrderStatus } | { ok: false; reason: 'wrong_role' | 'wrong_delivery' | 'wrong_state' };

export function transition(a: { status: OrderStatus; delivery: Delivery }, action: Action, role: Role): Check {
  const rule = RULES[action];
  if (!rule.by.includes(role)) return { ok: false, reason: 'wrong_role' };
  if (rule.delivery && !rule.delivery.includes(a.delivery)) return { ok: false, reason: 'wrong_delivery' };
  if (!rule.from.includes(a.status)) return { ok: false, reason: 'wrong_state' };
  return { ok: true, to: rule.to };
}

/** What the viewer can do now: drives the buttons on the order page. */
export function availableActions(a: { status: OrderStatus; delivery: Delivery }, role: 'buyer' | 'seller'): Action[] {
  return (Object.keys(RULES) as Action[]).filter((act) => act !== 'expire' && act !== 'auto_confirm' && transition(a, act, role).ok);
}

/** Money sits in escrow in these states. */
export const IN_ESCROW: OrderStatus[] = ['paid', 'shipped', 'delivered'];

export const UNPAID_TTL_MS = 15 * 60_000;
export const AUTO_CONFIRM_MS: Record<'shipping' | 'online', number> = { shipping: 10 * 86_400_000, online: 3 * 86_400_000 };
