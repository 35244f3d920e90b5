import { describe, expect, it } from 'vitest';
import { cronMatches, parseCron } from './cron.ts';

const MIN = 60_000;
/** The UTC minutes of [from, from + minutes) the cron fires in. */
function firings(expr: string, from: string, minutes: number): string[] {
  const c = parseCron(expr);
  const start = Date.parse(from);
  const out: string[] = [];
  for (let i = 0; i < minutes; i++) {
    const at = new Date(start + i * MIN);
    if (cronMatches(c, at)) out.push(at.toISOString().slice(0, 16));
  }
  return out;
}
const DAY = 24 * 60;

describe('cron', () => {
  it('fires the sweeps as often as their expressions say, over a day', () => {
    const day = '2026-11-28T00:00:00Z';
    expect(firings('* * * * *', day, DAY)).toHaveLength(DAY);
    expect(firings('*/5 * * * *', day, DAY)).toHaveLength(288);
    expect(firings('*/15 * * * *', day, DAY)).toHaveLength(96);
    expect(firings('17 * * * *', day, DAY)).toHaveLength(24);
    expect(firings('17 * * * *', day, 120)).toEqual(['2026-11-28T00:17', '2026-11-28T01:17']);
    expect(firings('*/15 * * * *', day, 46)).toEqual(['2026-11-28T00:00', '2026-11-28T00:15', '2026-11-28T00:30', '2026-11-28T00:45']);
    expect(firings('0 3 * * *', day, 2 * DAY)).toEqual(['2026-11-28T03:00', '2026-11-29T03:00']);
  });

  it('reads ranges, steps, lists and both Sundays', () => {
    expect(firings('5-10/2,30 9 * * *', '2026-11-28T09:00:00Z', 60)).toEqual(
      ['2026-11-28T09:05', '2026-11-28T09:07', '2026-11-28T09:09', '2026-11-28T09:30'],
    );
    expect(firings('50/5 0 * * *', '2026-11-28T00:00:00Z', 60)).toEqual(['2026-11-28T00:50', '2026-11-28T00:55']);
    // 2026-11-29 is a Sunday: 0 and 7 both name it.
    for (const sunday of ['0', '7']) expect(firings(`0 12 * * ${sunday}`, '2026-11-23T00:00:00Z', 7 * DAY)).toEqual(['2026-11-29T12:00']);
    expect(firings('0 0 1 1 *', '2026-12-31T23:58:00Z', 4)).toEqual(['2027-01-01T00:00']);
  });

  it('ORs day of month and day of week when both are restricted, as cron does', () => {
    // The 1st of December 2026 is a Tuesday; Mondays in the week: the 30th of November and 7th of December.
    const days = firings('0 0 1 * 1', '2026-11-28T00:00:00Z', 10 * DAY).map((d) => d.slice(0, 10));
    expect(days).toEqual(['2026-11-30', '2026-12-01', '2026-12-07']);
    expect(firings('0 0 1 * *', '2026-11-28T00:00:00Z', 10 * DAY)).toEqual(['2026-12-01T00:00']);
  });

  it('refuses what it cannot read, naming the expression', () => {
    for (const bad of ['* * * *', '* * * * * *', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * * 13 *', '* * * * 8', 'a * * * *', '*/0 * * * *', '5-1 * * * *', '1-2-3 * * * *', '*/5/2 * * * *', ', * * * *', '']) {
      expect(() => parseCron(bad), bad).toThrow(/cron "/);
    }
  });
});
