// Recall and false alarms of the scam shield on a family-labelled set (the held-out report set,
// the tuning set), with misses and false alarms per family. Used by the unit test, which
// prints it, and by bench/scam-shield-speed.ts.
import type { Family, LabelledCase } from './scam-shield.heldout.ts';
import type { ScamWarning } from './scam-shield.ts';

type Scan = (text: string) => { warnings: ScamWarning[] };
export type FamilyCount = { lures: number; missed: number; ordinary: number; alarms: number };
export type FamilyReport = {
  lures: number;
  caught: number;
  ordinary: number;
  alarms: number;
  recall: number;
  falseAlarmRate: number;
  misses: LabelledCase[];
  alarmCases: { case: LabelledCase; got: ScamWarning[] }[];
  perFamily: Partial<Record<Family, FamilyCount>>;
};

export function measureFamilies(scan: Scan, lures: LabelledCase[], ordinary: LabelledCase[]): FamilyReport {
  const perFamily: Partial<Record<Family, FamilyCount>> = {};
  const count = (f: Family) => {
    perFamily[f] ??= { lures: 0, missed: 0, ordinary: 0, alarms: 0 };
    return perFamily[f];
  };
  const misses = lures.filter((c) => {
    const missed = scan(c.text).warnings.length === 0;
    count(c.family).lures++;
    if (missed) count(c.family).missed++;
    return missed;
  });
  const alarmCases = ordinary.flatMap((c) => {
    const got = scan(c.text).warnings;
    count(c.family).ordinary++;
    if (got.length) count(c.family).alarms++;
    return got.length ? [{ case: c, got }] : [];
  });
  return {
    lures: lures.length,
    caught: lures.length - misses.length,
    ordinary: ordinary.length,
    alarms: alarmCases.length,
    recall: lures.length ? (lures.length - misses.length) / lures.length : 1,
    falseAlarmRate: ordinary.length ? alarmCases.length / ordinary.length : 0,
    misses,
    alarmCases,
    perFamily,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line of totals and one of per-family misses / false alarms. */
export function describeReport(name: string, r: FamilyReport): string {
  const families = Object.entries(r.perFamily)
    .filter(([, c]) => c.missed || c.alarms)
    .map(([f, c]) => `${f} ${c.missed}/${c.lures} missed${c.alarms ? `, ${c.alarms}/${c.ordinary} alarms` : ''}`)
    .join('; ');
  return `${name}: recall ${r.caught}/${r.lures} = ${pct(r.recall)}, false alarms ${r.alarms}/${r.ordinary} = ${pct(r.falseAlarmRate)}${families ? ` — ${families}` : ''}`;
}
