// Credit score (SPEC C7, like 鱼力值): 0–1000, the sum of visible factors so a member can see
// exactly why their score is what it is. Later factors (trades, reviews, disputes, reports)
// join this list; each keeps its own cap so no single factor dominates.
import { DAY_MS } from '../../lib/clock.ts';

export type CreditFactor = { key: string; points: number; max: number; detail: string };
export type Credit = { score: number; factors: CreditFactor[] };

export const CREDIT_BASE = 500;

export function computeCredit(u: { createdAt: Date; verifiedAt: Date | null }, now: Date): Credit {
  const ageDays = Math.max(0, Math.floor((now.getTime() - u.createdAt.getTime()) / DAY_MS));
  const factors: CreditFactor[] = [
    { key: 'base', points: CREDIT_BASE, max: CREDIT_BASE, detail: 'Every member starts here' },
    {
      key: 'verification',
      points: u.verifiedAt ? 100 : 0,
      max: 100,
      detail: u.verifiedAt ? 'Real-name verified' : 'Not real-name verified',
    },
    {
      key: 'account_age',
      points: Math.min(100, Math.floor(ageDays / 3)),
      max: 100,
      detail: `Member for ${ageDays} days (1 point per 3 days, up to 100)`,
    },
  ];
  const score = Math.max(0, Math.min(1000, factors.reduce((s, f) => s + f.points, 0)));
  return { score, factors };
}
