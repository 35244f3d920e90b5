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
// Measured 2026-11-28 12:02, 12:06 and 12:09 UTC on the 2-core machine with nothing else running
// (load average 3.3–5.9 during the runs: the bench's own autocannon, servers and PostgreSQL), the
// code of the fourth session: every compiled statement prepared, which the floor sends prepared
// too, so each server is bound more by its own Node thread and the ratios of the page reads fell
// (item detail 0.80 → 0.66, note 0.85 → 0.73, items page 0.84 → 0.77). The levels of the third
// session (09:48–09:54) were 0.80–0.91. These levels assume a quiet machine: with other work on the
// cores the ratios fall (2026-11-27, load 16–38: 0.25–0.58), and the check then fails for the
// load, not for the code.
const MIN_BAND = 0.1;
export const LEVELS: Record<string, [number, number]> = {
  'feed-latest': [0.93, 0.11], // 0.98, 0.93, 0.87
  'feed-following': [0.91, 0.17], // 0.89, 1.00, 0.83
  'feed-nearby': [0.86, MIN_BAND], // 0.82, 0.92, 0.84
  'feed-recommended': [0.92, 0.18], // 1.00, 0.82, 0.93
  note: [0.73, MIN_BAND], // 0.76, 0.73, 0.70
  item: [0.66, 0.14], // 0.60, 0.74, 0.65
  'items-page': [0.77, MIN_BAND], // 0.74, 0.79, 0.79
  search: [0.87, MIN_BAND], // 0.83, 0.87, 0.91
  'search-near': [0.83, 0.13], // 0.77, 0.90, 0.82
  stall: [0.81, MIN_BAND], // 0.78, 0.79, 0.87
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
