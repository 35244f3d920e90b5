import { describe, expect, it } from 'vitest';
import {
  CLOCKS, type CaseAction, type CaseRole, type CaseStatus, OPEN_STATUSES, availableActions, canOpenOn, deadlineFor, onDeadline,
  tally, transition,
} from './state.ts';

const STATUSES: CaseStatus[] = ['open', 'awaiting_return', 'returning', 'rejected', 'in_jury', 'with_operator', 'refunded', 'released', 'withdrawn'];
const ROLES: CaseRole[] = ['buyer', 'seller', 'system', 'jury', 'operator'];
const ACTIONS: CaseAction[] = ['accept', 'reject', 'return', 'received', 'escalate', 'withdraw', 'lapse', 'refer', 'decide'];

// Every allowed (state, action, role) and where it leads; everything not listed is refused.
const ALLOWED: [CaseStatus, CaseAction, CaseRole, CaseStatus][] = [
  ['open', 'accept', 'seller', 'refunded'],
  ['open', 'accept', 'system', 'refunded'],
  ['open', 'reject', 'seller', 'rejected'],
  ['awaiting_return', 'return', 'buyer', 'returning'],
  ['returning', 'received', 'seller', 'refunded'],
  ['returning', 'received', 'system', 'refunded'],
  ['rejected', 'escalate', 'buyer', 'in_jury'],
  ['open', 'withdraw', 'buyer', 'withdrawn'],
  ['awaiting_return', 'withdraw', 'buyer', 'withdrawn'],
  ['rejected', 'withdraw', 'buyer', 'withdrawn'],
  ['in_jury', 'withdraw', 'buyer', 'withdrawn'],
  ['with_operator', 'withdraw', 'buyer', 'withdrawn'],
  ['rejected', 'lapse', 'system', 'released'],
  ['awaiting_return', 'lapse', 'system', 'released'],
  ['in_jury', 'refer', 'jury', 'with_operator'],
  ['in_jury', 'refer', 'system', 'with_operator'],
  ['in_jury', 'decide', 'jury', 'refunded'],
  ['in_jury', 'decide', 'operator', 'refunded'],
  ['with_operator', 'decide', 'operator', 'refunded'],
  ['awaiting_return', 'decide', 'operator', 'refunded'],
];

describe('case transitions', () => {
  it('allows exactly the listed transitions, for exactly the listed roles', () => {
    const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [`${s}/${a}/${r}`, to]));
    for (const s of STATUSES) {
      for (const a of ACTIONS) {
        for (const r of ROLES) {
          const got = transition(s, a, r, { returnItem: false, verdict: 'refund' });
          const want = allowed.get(`${s}/${a}/${r}`);
          expect(got.ok ? got.to : null, `${s} ${a} by ${r}`).toBe(want ?? null);
        }
      }
    }
  });

  it('says why a step is refused: the wrong party before the wrong state', () => {
    expect(transition('open', 'reject', 'buyer')).toEqual({ ok: false, reason: 'wrong_role' });
    expect(transition('rejected', 'reject', 'seller')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(transition('refunded', 'withdraw', 'buyer')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(transition('awaiting_return', 'decide', 'jury', { returnItem: true, verdict: 'release' })).toEqual({ ok: false, reason: 'wrong_state' });
  });

  it('accepting a case that asks for the item back waits for it', () => {
    expect(transition('open', 'accept', 'seller', { returnItem: true })).toEqual({ ok: true, to: 'awaiting_return' });
    expect(transition('open', 'accept', 'system', { returnItem: true })).toEqual({ ok: true, to: 'awaiting_return' });
  });

  it('escalation goes to operators when no jury can be formed', () => {
    expect(transition('rejected', 'escalate', 'buyer', { returnItem: false, juryFormed: true })).toEqual({ ok: true, to: 'in_jury' });
    expect(transition('rejected', 'escalate', 'buyer', { returnItem: false, juryFormed: false })).toEqual({ ok: true, to: 'with_operator' });
  });

  it('a decision refunds (after the return when asked) or releases', () => {
    expect(transition('in_jury', 'decide', 'jury', { returnItem: false, verdict: 'release' })).toEqual({ ok: true, to: 'released' });
    expect(transition('in_jury', 'decide', 'jury', { returnItem: true, verdict: 'refund' })).toEqual({ ok: true, to: 'awaiting_return' });
    expect(transition('with_operator', 'decide', 'operator', { returnItem: true, verdict: 'release' })).toEqual({ ok: true, to: 'released' });
    expect(transition('awaiting_return', 'decide', 'operator', { returnItem: true, verdict: 'release' })).toEqual({ ok: true, to: 'released' });
    expect(() => transition('in_jury', 'decide', 'jury', { returnItem: false })).toThrow(RangeError);
  });

  it('nothing leaves a closed case', () => {
    for (const s of ['refunded', 'released', 'withdrawn'] as CaseStatus[]) {
      for (const a of ACTIONS) for (const r of ROLES) expect(transition(s, a, r, { returnItem: false, verdict: 'refund' }).ok).toBe(false);
    }
  });

  it('offers each party its buttons', () => {
    expect(availableActions('open', 'seller')).toEqual(['accept', 'reject']);
    expect(availableActions('open', 'buyer')).toEqual(['withdraw']);
    expect(availableActions('awaiting_return', 'buyer')).toEqual(['return', 'withdraw']);
    expect(availableActions('returning', 'seller')).toEqual(['received']);
    expect(availableActions('returning', 'buyer')).toEqual([]);
    expect(availableActions('rejected', 'buyer')).toEqual(['escalate', 'withdraw']);
    expect(availableActions('in_jury', 'seller')).toEqual([]);
    expect(availableActions('refunded', 'buyer')).toEqual([]);
  });
});

describe('clocks', () => {
  const at = new Date('2025-03-01T00:00:00Z');
  it('runs one clock per waiting state', () => {
    expect(deadlineFor('open', at)?.getTime()).toBe(at.getTime() + CLOCKS.sellerAnswer);
    expect(deadlineFor('awaiting_return', at)?.getTime()).toBe(at.getTime() + CLOCKS.buyerReturn);
    expect(deadlineFor('returning', at)?.getTime()).toBe(at.getTime() + CLOCKS.sellerReceipt);
    expect(deadlineFor('rejected', at)?.getTime()).toBe(at.getTime() + CLOCKS.escalation);
    for (const s of ['in_jury', 'with_operator', 'refunded', 'released', 'withdrawn'] as CaseStatus[]) expect(deadlineFor(s, at)).toBeNull();
  });

  it('maps a run-out clock to the system step that state allows', () => {
    for (const s of OPEN_STATUSES) {
      const a = onDeadline(s);
      if (deadlineFor(s, at)) {
        expect(a, s).not.toBeNull();
        expect(transition(s, a as CaseAction, 'system', { returnItem: false }).ok, s).toBe(true);
      } else expect(a, s).toBeNull();
    }
    expect(onDeadline('open')).toBe('accept');
    expect(onDeadline('returning')).toBe('received');
    expect(onDeadline('rejected')).toBe('lapse');
  });
});

describe('tally', () => {
  it('decides on a strict majority of the seats, ties only when every seat voted', () => {
    expect(tally([], 7)).toBeNull();
    expect(tally(['refund', 'refund', 'refund'], 7)).toBeNull();
    expect(tally(['refund', 'refund', 'refund', 'refund'], 7)).toBe('refund');
    expect(tally(['release', 'refund', 'release', 'release', 'release'], 7)).toBe('release');
    expect(tally(['refund', 'refund', 'release', 'release'], 4)).toBe('tie');
    expect(tally(['refund', 'release', 'release'], 4)).toBeNull();
    expect(tally(['refund'], 1)).toBe('refund');
  });
});

describe('where a case may open', () => {
  const now = new Date('2025-03-10T00:00:00Z');
  const DAY = 86_400_000;
  it('on shipped and delivered orders, and completed ones within the window', () => {
    expect(canOpenOn({ status: 'shipped', completedAt: null }, now, 7)).toEqual({ ok: true });
    // A reservation's no-show claim is contested within 24 h; a reservation without one is not a case.
    const claimed = new Date(now.getTime() - DAY);
    expect(canOpenOn({ status: 'reserved', completedAt: null, noShowAt: claimed, contestUntil: now }, now, 7)).toEqual({ ok: true });
    expect(canOpenOn({ status: 'reserved', completedAt: null, noShowAt: claimed, contestUntil: new Date(now.getTime() - 1) }, now, 7)).toEqual({ ok: false, reason: 'window_passed' });
    // The deadline written on the order decides, whatever the time since the claim.
    expect(canOpenOn({ status: 'reserved', completedAt: null, noShowAt: claimed, contestUntil: new Date(now.getTime() + DAY) }, now, 7)).toEqual({ ok: true });
    expect(canOpenOn({ status: 'reserved', completedAt: null, noShowAt: null }, now, 7)).toEqual({ ok: false, reason: 'wrong_state' });
    expect(canOpenOn({ status: 'delivered', completedAt: null }, now, 7)).toEqual({ ok: true });
    expect(canOpenOn({ status: 'completed', completedAt: new Date(now.getTime() - 7 * DAY) }, now, 7)).toEqual({ ok: true });
    expect(canOpenOn({ status: 'completed', completedAt: new Date(now.getTime() - 7 * DAY - 1) }, now, 7)).toEqual({ ok: false, reason: 'window_passed' });
    for (const s of ['pending_payment', 'paid', 'cancelled', 'refunding', 'refunded']) {
      expect(canOpenOn({ status: s, completedAt: null }, now, 7)).toEqual({ ok: false, reason: 'wrong_state' });
    }
  });
});
