// The credit score is a pure function: each factor on its own, its cap, and the clamp.
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../lib/clock.ts';
import { type CreditInputs, NO_ACTIVITY, computeCredit } from './credit.ts';

const now = new Date('2026-11-27T00:00:00Z');
const base: CreditInputs = { createdAt: now, verifiedAt: null, ...NO_ACTIVITY };
const points = (over: Partial<CreditInputs>, key: string) => computeCredit({ ...base, ...over }, now).factors.find((f) => f.key === key)?.points;

describe('computeCredit', () => {
  it('starts a new, unverified member at the base', () => {
    expect(computeCredit(base, now).score).toBe(500);
  });
  it('verification: 100', () => expect(points({ verifiedAt: now }, 'verification')).toBe(100));
  it('account age: a point per 3 days, up to 100', () => {
    expect(points({ createdAt: new Date(now.getTime() - 30 * DAY_MS) }, 'account_age')).toBe(10);
    expect(points({ createdAt: new Date(now.getTime() - 2000 * DAY_MS) }, 'account_age')).toBe(100);
  });
  it('sales: 10 each up to 100; purchases: 5 each up to 50', () => {
    expect(points({ salesCompleted: 3 }, 'sales')).toBe(30);
    expect(points({ salesCompleted: 40 }, 'sales')).toBe(100);
    expect(points({ purchasesCompleted: 3 }, 'purchases')).toBe(15);
    expect(points({ purchasesCompleted: 40 }, 'purchases')).toBe(50);
  });
  it('reviews: neutral at 3 stars, full weight from 10 reviews', () => {
    expect(points({ ratingAverage: 5, ratingCount: 10 }, 'reviews')).toBe(100);
    expect(points({ ratingAverage: 5, ratingCount: 1 }, 'reviews')).toBe(10);
    expect(points({ ratingAverage: 3, ratingCount: 50 }, 'reviews')).toBe(0);
    expect(points({ ratingAverage: 1, ratingCount: 20 }, 'reviews')).toBe(-100);
    expect(points({ ratingAverage: null, ratingCount: 0 }, 'reviews')).toBe(0);
  });
  it('jury service agreeing with outcomes: 10 each up to 50', () => {
    expect(points({ juryAgreed: 2 }, 'jury')).toBe(20);
    expect(points({ juryAgreed: 9 }, 'jury')).toBe(50);
  });
  it('penalties, each capped', () => {
    expect(points({ casesLost: 1 }, 'cases_lost')).toBe(-100);
    expect(points({ casesLost: 9 }, 'cases_lost')).toBe(-300);
    expect(points({ cancellations: 2 }, 'cancellations')).toBe(-60);
    expect(points({ cancellations: 20 }, 'cancellations')).toBe(-150);
    expect(points({ reportsUpheld: 1 }, 'reports_upheld')).toBe(-100);
    expect(points({ scamOffences: 3 }, 'scam_offences')).toBe(-60);
    expect(points({ scamOffences: 30 }, 'scam_offences')).toBe(-200);
  });
  it('positive caps add up to exactly 1000 and the score is clamped to 0…1000', () => {
    const best = computeCredit(
      { createdAt: new Date(0), verifiedAt: now, salesCompleted: 99, purchasesCompleted: 99, ratingAverage: 5, ratingCount: 99, juryAgreed: 99, casesLost: 0, cancellations: 0, reportsUpheld: 0, scamOffences: 0 },
      now,
    );
    expect(best.score).toBe(1000);
    expect(best.factors.reduce((s, f) => s + f.max, 0)).toBe(1000);
    const worst = computeCredit({ ...base, ratingAverage: 1, ratingCount: 99, casesLost: 9, cancellations: 9, reportsUpheld: 9, scamOffences: 99 }, now);
    expect(worst.score).toBe(0);
  });
  it('a verified member of 300 days with no trades reaches the jury threshold of 700', () => {
    expect(computeCredit({ ...base, verifiedAt: now, createdAt: new Date(now.getTime() - 300 * DAY_MS) }, now).score).toBe(700);
  });
});
