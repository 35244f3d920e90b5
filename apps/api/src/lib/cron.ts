// Five-field cron expressions (minute hour day-of-month month day-of-week, UTC), as the sweeps
// write them: `*`, `n`, `a-b`, `*/n`, `a-b/n` and lists of those. Parsed once into one set of
// allowed values per field; matching a minute is five lookups.
//
// Why not pg-boss's own cron: its timekeeper re-parses every expression with cron-parser and
// luxon every 30 s and walks back to the previous run, 170–270 ms of the event loop at a time in
// the profile of an idle server (bench/README.md) — a stall every request in flight then waits
// out, in every process.

type Field = { min: number; max: number };
const FIELDS: Field[] = [
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12 }, // month
  { min: 0, max: 7 }, // day of week, 0 and 7 both Sunday
];

export type Cron = {
  readonly expression: string;
  readonly sets: readonly (readonly boolean[])[];
  /** Whether day-of-month / day-of-week were restricted (cron ORs the two when both are). */
  readonly domStar: boolean;
  readonly dowStar: boolean;
};

function int(s: string, expr: string): number {
  if (!/^\d+$/.test(s)) throw new Error(`cron "${expr}": "${s}" is not a number`);
  return Number(s);
}

function parseField(text: string, f: Field, expr: string): boolean[] {
  const set = new Array<boolean>(f.max + 1).fill(false);
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (range === undefined || range === '' || extra !== undefined) throw new Error(`cron "${expr}": bad field "${text}"`);
    const step = stepText === undefined ? 1 : int(stepText, expr);
    if (step < 1) throw new Error(`cron "${expr}": step must be at least 1`);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [f.min, f.max];
    else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (a === undefined || b === undefined || more !== undefined) throw new Error(`cron "${expr}": bad range "${range}"`);
      [lo, hi] = [int(a, expr), int(b, expr)];
    } else {
      lo = int(range, expr);
      hi = stepText === undefined ? lo : f.max; // `5/15` is 5, 20, 35, 50
    }
    if (lo < f.min || hi > f.max || lo > hi) throw new Error(`cron "${expr}": ${range} is outside ${f.min}-${f.max}`);
    for (let v = lo; v <= hi; v += step) set[v] = true;
  }
  return set;
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}": five fields expected (minute hour day month weekday)`);
  const sets = parts.map((p, i) => parseField(p, FIELDS[i] as Field, expression));
  const dow = sets[4] as boolean[];
  if (dow[7]) dow[0] = true;
  return { expression, sets, domStar: parts[2] === '*', dowStar: parts[4] === '*' };
}

/** Whether the cron fires in the UTC minute that contains `at`. */
export function cronMatches(c: Cron, at: Date): boolean {
  const [minute, hour, dom, month, dow] = c.sets as [boolean[], boolean[], boolean[], boolean[], boolean[]];
  if (!minute[at.getUTCMinutes()] || !hour[at.getUTCHours()] || !month[at.getUTCMonth() + 1]) return false;
  const byDom = dom[at.getUTCDate()] === true;
  const byDow = dow[at.getUTCDay()] === true;
  // Vixie cron: when both day fields are restricted, either one matching is enough.
  if (!c.domStar && !c.dowStar) return byDom || byDow;
  return byDom && byDow;
}
