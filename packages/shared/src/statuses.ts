// The states of orders, after-sale cases and offers: one list each, which the API's zod enums
// and state machines are typed from and the database's CHECK constraints are tested against
// (apps/api/src/db/checks.test.ts). Add a state here, in a migration and in the machine.
export const ORDER_STATUSES = [
  'pending_payment', 'reserved', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunding', 'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CASE_STATUSES = [
  'open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator', 'refunded', 'released', 'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Stored states; an accepted offer past its validity is presented as `expired`. */
export const OFFER_STATUSES = ['pending', 'countered', 'accepted', 'declined', 'withdrawn', 'expired', 'used'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/**
 * What a member may do to an order (its `actions`, the buttons on the order page), in the order
 * the page shows them; the system's own transitions (expire, auto_confirm, …) are not listed.
 */
export const ORDER_ACTIONS = ['pay', 'ship', 'deliver', 'confirm', 'handover', 'cancel', 'no_show'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * What the viewer of an after-sale case may do now (its `actions`): a party's steps, or a
 * juror's vote; the system's and operators' own transitions (lapse, refer, decide) are not listed.
 */
export const CASE_ACTIONS = ['accept', 'reject', 'return', 'received', 'escalate', 'withdraw', 'vote'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The scam shield's warning codes (a message, note or comment may carry several); the web
 * words each one. Add a code here, in the shield, and in the web's i18n.
 */
export const SCAM_WARNINGS = ['off_platform_contact', 'deposit_request', 'external_payment', 'suspicious_link'] as const;
export type ScamWarning = (typeof SCAM_WARNINGS)[number];
export const isScamWarning = (v: string): v is ScamWarning => (SCAM_WARNINGS as readonly string[]).includes(v);
