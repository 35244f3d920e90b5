// The --quick regression check: each scenario's API/bare ratio (same run, same SQL) against the
// level measured at 100k rows on the 2-core machine, less the noise band seen between repeated
// runs of the same code (bench/README.md, "Regression check"). `--strict` checks issue 17's
// goal (0.8× the floor) itself, with no band.
import type { Row } from './run.ts';

/** Issue 17: every read path at ≥ 0.8× its floor. */
export const GOAL = 0.8;

/**
 * slug → [level, band]: the mean API/bare ratio of three repeated --quick runs and their spread
 * (max − min), at least MIN_BAND. A run fails when a ratio is below min(level, GOAL) − band: a
 * path that reaches the goal is held to the goal, one that does not to its own level.
 */
// Measured 2026-11-28 19:47–19:57 UTC in three runs one after another (seventh session) on the
// 2-core machine with nothing else running (load average 2.8–7.6 during the runs: the bench's own
// autocannon, servers and PostgreSQL), the code after the pool runner (db/index.ts). The floor was
// faster this session than in any before (bench/README.md, seventh session), which lowers the
// ratio of the fastest reads, and the spread between runs was wider: the bands are the spreads
// measured. The old code (3f16404) measured back to back with the new at 19:58–20:01 gave the
// same nearby (0.65, 0.66 against 0.67, 0.65) and items page (0.55, 0.77 against 0.55, 0.64):
// the lower levels are the machine's, not a regression. The sixth session's levels (16:50–16:59)
// were: latest 0.85, following 0.83, nearby 0.79, recommended 1.00, note 0.72, item 0.66, items
// page 0.74, search 0.89, search near 0.86, stall 0.86. These levels assume a quiet machine: with
// other work on the cores the ratios fall (2026-11-27, load 16–38: 0.25–0.58), and the check then
// fails for the load, not for the code.
/** The least band a level gets, however close its runs were. */
const MIN_BAND = 0.1;
const band = (spread: number) => Math.max(MIN_BAND, spread);
export const LEVELS: Record<string, [number, number]> = {
  'feed-latest': [0.88, band(0.23)], // 0.98, 0.91, 0.75
  'feed-following': [0.92, band(0.12)], // 0.87, 0.90, 0.99
  'feed-nearby': [0.7, band(0.12)], // 0.74, 0.73, 0.62
  'feed-recommended': [0.86, band(0.16)], // 0.80, 0.82, 0.96
  note: [0.78, band(0.19)], // 0.89, 0.70, 0.75
  item: [0.67, band(0.21)], // 0.78, 0.66, 0.57
  'items-page': [0.68, band(0.32)], // 0.81, 0.49, 0.74
  search: [0.86, band(0.15)], // 0.93, 0.86, 0.78
  'search-near': [0.88, band(0.12)], // 0.83, 0.95, 0.86
  stall: [0.92, band(0.27)], // 0.75, 0.98, 1.02
};

export function checkRatios(rows: Pick<Row, 'slug' | 'ratio' | 'api' | 'bare'>[], strict = false): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.api.errors || r.bare.errors) out.push(`${r.slug}: ${r.api.errors} API errors, ${r.bare.errors} bare errors`);
    const lv = LEVELS[r.slug];
    const floor = strict ? GOAL : lv ? Math.max(0, Math.min(lv[0], GOAL) - lv[1]) : 0;
    if (floor > 0 && r.ratio < floor) {
      out.push(`${r.slug}: API/bare ${r.ratio.toFixed(2)} < ${floor.toFixed(2)} (${strict ? 'goal' : `min(level ${lv?.[0]}, goal ${GOAL}) − band ${lv?.[1]}`})`);
    }
  }
  return out;
}
