// The after-sale case state machine (API.md "After-sale, jury (小法庭)"), pure: which party may
// take which step in which state, where it leads, and which clock runs in each state. Services
// ask here before touching a row; no I/O.
import type { CaseStatus } from '@jishi/shared';
export type { CaseStatus }; // packages/shared's list (the CHECK is tested against it)
export type CaseRole = 'buyer' | 'seller' | 'system' | 'jury' | 'operator';
export type Verdict = 'refund' | 'release';
export type CaseAction =
  | 'accept' // seller (or the system when the seller stays silent): refund, after the return if asked
  | 'reject' // seller, with a description and evidence
  | 'return' // buyer sends the item back with tracking
  | 'received' // seller got the item back (or the system after the seller's silence)
  | 'escalate' // buyer, within the window after a rejection: to the jury, or operators if no jury can be formed
  | 'withdraw' // buyer drops the case; the order goes on
  | 'lapse' // the system: a clock ran out on the buyer (no escalation, no return)
  | 'refer' // to operators: the jury tied, or no replacement could be drawn for a juror who missed the vote
  | 'decide'; // the jury's majority or an operator

export const OPEN_STATUSES: CaseStatus[] = ['open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator'];
export const CLOSED_STATUSES: CaseStatus[] = ['refunded', 'released', 'withdrawn'];

export const isOpen = (s: CaseStatus) => OPEN_STATUSES.includes(s);

type Rule = { from: CaseStatus[]; by: CaseRole[] };

const RULES: Record<CaseAction, Rule> = {
  accept: { from: ['open'], by: ['seller', 'system'] },
  reject: { from: ['open'], by: ['seller'] },
  return: { from: ['awaiting_return'], by: ['buyer'] },
  received: { from: ['returning'], by: ['seller', 'system'] },
  escalate: { from: ['rejected'], by: ['buyer'] },
  // Not while the item travels back: the return is finished first (the seller confirms it).
  withdraw: { from: ['open', 'awaiting_return', 'rejected', 'in_jury', 'with_operator'], by: ['buyer'] },
  lapse: { from: ['rejected', 'awaiting_return'], by: ['system'] },
  refer: { from: ['in_jury'], by: ['jury', 'system'] },
  // Operators may decide a case the jury still holds (overriding it) and a jury's refund that
  // waits for the item; once money has moved (refunded, released) the decision stands.
  decide: { from: ['in_jury', 'with_operator', 'awaiting_return'], by: ['jury', 'operator'] },
};

export type Outcome = {
  returnItem: boolean;
  verdict?: Verdict;
  /** escalate: whether enough eligible jurors were found. */
  juryFormed?: boolean;
};

export type Check = { ok: true; to: CaseStatus } | { ok: false; reason: 'wrong_role' | 'wrong_state' };

export function transition(status: CaseStatus, action: CaseAction, role: CaseRole, o: Outcome = { returnItem: false }): Check {
  const rule = RULES[action];
  if (!rule.by.includes(role)) return { ok: false, reason: 'wrong_role' };
  if (!rule.from.includes(status)) return { ok: false, reason: 'wrong_state' };
  // The jury decides only while it sits; awaiting_return after a jury's refund is the operators' to revisit.
  if (action === 'decide' && role === 'jury' && status !== 'in_jury') return { ok: false, reason: 'wrong_state' };
  return { ok: true, to: target(action, o) };
}

function target(action: CaseAction, o: Outcome): CaseStatus {
  switch (action) {
    case 'accept':
      return o.returnItem ? 'awaiting_return' : 'refunded';
    case 'reject':
      return 'rejected';
    case 'return':
      return 'returning';
    case 'received':
      return 'refunded';
    case 'escalate':
      return o.juryFormed === false ? 'with_operator' : 'in_jury';
    case 'withdraw':
      return 'withdrawn';
    case 'lapse':
      return 'released';
    case 'refer':
      return 'with_operator';
    case 'decide':
      if (!o.verdict) throw new RangeError('decide needs a verdict');
      return o.verdict === 'release' ? 'released' : o.returnItem ? 'awaiting_return' : 'refunded';
  }
}

/** What a party can do now: drives the buttons on the case page. */
export function availableActions(status: CaseStatus, role: 'buyer' | 'seller'): CaseAction[] {
  return (['accept', 'reject', 'return', 'received', 'escalate', 'withdraw'] as CaseAction[]).filter(
    (a) => transition(status, a, role).ok,
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The clocks (their defaults; the operator settings case*, juryVoteHours change them — clocksOf).
 * The jury's 48 h are per juror (jury.ts); the rest are on the case. Each deadline is written
 * on the case (or the juror's seat) when the step starts, so a change applies to later steps.
 */
export const CLOCKS = {
  sellerAnswer: 48 * HOUR, // silence counts as acceptance
  buyerReturn: 7 * DAY, // to send the item back once a refund needs it
  sellerReceipt: 10 * DAY, // to confirm the return arrived, like auto-confirm after shipment
  escalation: 3 * DAY, // to take a rejection to the jury
  jurorVote: 48 * HOUR,
} as const;
export type Clocks = { [K in keyof typeof CLOCKS]: number };

type ClockSettings = { caseSellerAnswerHours: number; caseBuyerReturnDays: number; caseSellerReceiptDays: number; caseEscalationDays: number; juryVoteHours: number };

/** The clocks as the settings say now (config is live: read it when a step starts). */
export const clocksOf = (c: ClockSettings): Clocks => ({
  sellerAnswer: c.caseSellerAnswerHours * HOUR,
  buyerReturn: c.caseBuyerReturnDays * DAY,
  sellerReceipt: c.caseSellerReceiptDays * DAY,
  escalation: c.caseEscalationDays * DAY,
  jurorVote: c.juryVoteHours * HOUR,
});

/** When the current step runs out, for a case that just entered `status` at `at`; null when no clock runs. */
export function deadlineFor(status: CaseStatus, at: Date, clocks: Clocks = CLOCKS): Date | null {
  const ms: Partial<Record<CaseStatus, number>> = {
    open: clocks.sellerAnswer,
    awaiting_return: clocks.buyerReturn,
    returning: clocks.sellerReceipt,
    rejected: clocks.escalation,
  };
  const d = ms[status];
  return d === undefined ? null : new Date(at.getTime() + d);
}

/** What the system does when a case's clock runs out in `status`. */
export function onDeadline(status: CaseStatus): CaseAction | null {
  switch (status) {
    case 'open':
      return 'accept';
    case 'returning':
      return 'received';
    case 'rejected':
    case 'awaiting_return':
      return 'lapse';
    default:
      return null;
  }
}

/**
 * The jury's majority over its seats: a verdict once more than half of `size` seats chose it
 * (the remaining votes cannot change it), a tie once every seat voted without one, else none yet.
 */
export function tally(votes: Verdict[], size: number): Verdict | 'tie' | null {
  const refund = votes.filter((v) => v === 'refund').length;
  const release = votes.length - refund;
  if (refund * 2 > size) return 'refund';
  if (release * 2 > size) return 'release';
  if (votes.length >= size) return 'tie';
  return null;
}

/**
 * Whether a case may be opened on an order in `status` completed at `completedAt` — or, for a
 * reservation deposit, on a `reserved` order whose seller claimed a no-show, until the order's
 * `contestUntil` (written when the claim was recorded, from the setting noShowContestHours).
 */
export function canOpenOn(
  order: { status: string; completedAt: Date | null; noShowAt?: Date | null; contestUntil?: Date | null },
  now: Date,
  afterSaleDays: number,
): { ok: true } | { ok: false; reason: 'wrong_state' | 'window_passed' } {
  if (order.status === 'shipped' || order.status === 'delivered') return { ok: true };
  if (order.status === 'reserved') {
    if (!order.noShowAt || !order.contestUntil) return { ok: false, reason: 'wrong_state' };
    return now.getTime() > order.contestUntil.getTime() ? { ok: false, reason: 'window_passed' } : { ok: true };
  }
  if (order.status !== 'completed') return { ok: false, reason: 'wrong_state' };
  if (!order.completedAt || now.getTime() - order.completedAt.getTime() > afterSaleDays * DAY) return { ok: false, reason: 'window_passed' };
  return { ok: true };
}
