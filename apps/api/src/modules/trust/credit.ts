// Credit score (SPEC C7, like 鱼力值): 0–1000, the sum of visible factors so a member can see
// exactly why their score is what it is. A pure function of its inputs: the inputs are read in
// one query (credit-repo.ts) and the result is stored, so thresholds such as the jury's
// JURY_MIN_CREDIT read a number rather than recomputing it.
//
// Each factor has its own cap so that no single one dominates, and the caps of the positive
// factors add up to exactly 1000: a verified member of 300 days with no trades stands at 700 —
// trusted to sit on a jury — and only trades, good reviews and jury service go higher.
import { DAY_MS } from '../../lib/clock.ts';

export type CreditFactorKey =
  | 'base'
  | 'verification'
  | 'account_age'
  | 'sales'
  | 'purchases'
  | 'reviews'
  | 'jury'
  | 'cases_lost'
  | 'cancellations'
  | 'reports_upheld'
  | 'scam_offences';

/** `count` is the number behind the factor (days, trades, cases…) so a client can word it. */
export type CreditFactor = { key: CreditFactorKey; points: number; max: number; count: number; detail: string };
export type Credit = { score: number; factors: CreditFactor[] };

export type CreditInputs = {
  createdAt: Date;
  verifiedAt: Date | null;
  salesCompleted: number;
  purchasesCompleted: number;
  ratingAverage: number | null;
  ratingCount: number;
  juryAgreed: number;
  casesLost: number;
  cancellations: number;
  reportsUpheld: number;
  scamOffences: number;
};

export const CREDIT_BASE = 500;

/** Windows for the penalties that fade: an old mistake should not follow a member forever. */
export const CANCELLATION_WINDOW_DAYS = 365;
export const SCAM_OFFENCE_WINDOW_DAYS = 90;

export const NO_ACTIVITY = {
  salesCompleted: 0,
  purchasesCompleted: 0,
  ratingAverage: null,
  ratingCount: 0,
  juryAgreed: 0,
  casesLost: 0,
  cancellations: 0,
  reportsUpheld: 0,
  scamOffences: 0,
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function computeCredit(u: CreditInputs, now: Date): Credit {
  const ageDays = Math.max(0, Math.floor((now.getTime() - u.createdAt.getTime()) / DAY_MS));
  const reviewPoints =
    u.ratingAverage === null || u.ratingCount === 0
      ? 0
      : // 3 stars is neutral; full weight from 10 reviews on, so one early review moves little.
        Math.round(((u.ratingAverage - 3) / 2) * 100 * (Math.min(u.ratingCount, 10) / 10));
  const factors: CreditFactor[] = [
    { key: 'base', points: CREDIT_BASE, max: CREDIT_BASE, count: 0, detail: 'Every member starts here' },
    {
      key: 'verification',
      points: u.verifiedAt ? 100 : 0,
      max: 100,
      count: u.verifiedAt ? 1 : 0,
      detail: u.verifiedAt ? 'Real-name verified' : 'Not real-name verified',
    },
    {
      key: 'account_age',
      points: Math.min(100, Math.floor(ageDays / 3)),
      max: 100,
      count: ageDays,
      detail: `Member for ${plural(ageDays, 'day')} (1 point per 3 days, up to 100)`,
    },
    {
      key: 'sales',
      points: Math.min(100, 10 * u.salesCompleted),
      max: 100,
      count: u.salesCompleted,
      detail: `${plural(u.salesCompleted, 'completed sale')} (10 points each, up to 100)`,
    },
    {
      key: 'purchases',
      points: Math.min(50, 5 * u.purchasesCompleted),
      max: 50,
      count: u.purchasesCompleted,
      detail: `${plural(u.purchasesCompleted, 'completed purchase')} (5 points each, up to 50)`,
    },
    {
      key: 'reviews',
      points: reviewPoints,
      max: 100,
      count: u.ratingCount,
      detail:
        u.ratingCount === 0
          ? 'No reviews yet'
          : `Average ${u.ratingAverage?.toFixed(1)} from ${plural(u.ratingCount, 'review')} (3 stars is neutral; full weight from 10 reviews)`,
    },
    {
      key: 'jury',
      points: Math.min(50, 10 * u.juryAgreed),
      max: 50,
      count: u.juryAgreed,
      detail: `${plural(u.juryAgreed, 'jury vote')} that agreed with the outcome (10 points each, up to 50)`,
    },
    {
      key: 'cases_lost',
      points: -Math.min(300, 100 * u.casesLost),
      max: 0,
      count: u.casesLost,
      detail: `${plural(u.casesLost, 'after-sale case')} lost (−100 each)`,
    },
    {
      key: 'cancellations',
      points: -Math.min(150, 30 * u.cancellations),
      max: 0,
      count: u.cancellations,
      detail: `${plural(u.cancellations, 'paid order')} cancelled by this member in the last ${CANCELLATION_WINDOW_DAYS} days (−30 each)`,
    },
    {
      key: 'reports_upheld',
      points: -Math.min(300, 100 * u.reportsUpheld),
      max: 0,
      count: u.reportsUpheld,
      detail: `${plural(u.reportsUpheld, 'report')} upheld by moderators (−100 each)`,
    },
    {
      key: 'scam_offences',
      points: -Math.min(200, 20 * u.scamOffences),
      max: 0,
      count: u.scamOffences,
      detail: `${plural(u.scamOffences, 'message or post', 'messages or posts')} flagged by the scam shield in the last ${SCAM_OFFENCE_WINDOW_DAYS} days (−20 each)`,
    },
  ];
  const score = Math.max(0, Math.min(1000, factors.reduce((s, f) => s + f.points, 0)));
  return { score, factors };
}
