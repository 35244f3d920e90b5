// The --quick regression check: each scenario's API/bare ratio (same run, same SQL) against the
// level measured at 100k rows on the 2-core machine, less the noise band seen between repeated
// runs of the same code (bench/README.md, "Regression check"). `--strict` checks issue 17's
// goal (0.8× the floor) instead, which the API does not reach on that machine today.
import type { Row } from './run.ts';

/** Issue 17: every read path at ≥ 0.8× its floor. */
export const GOAL = 0.8;

/**
 * slug → [level, band]: the mean API/bare ratio of the repeated --quick runs and their spread
 * (max − min). A run fails when a ratio is below level − band. A band as wide as the level means
 * the runs could not tell that scenario from noise; it is then not checked (floor 0).
 */
// Measured 2026-11-27, three --quick runs at 20:35, 20:45 and 21:27 UTC (load average 12–28 on
// 2 cores, other developers' test suites running): level = the mean ratio, band = the spread
// (max − min), at least 0.15. With the first two runs alone the band was narrower and the third
// run, with no change to those paths, fell below it (following 0.26, nearby 0.54): that is the
// noise this machine had. Recommended: one run finished no API request in 5 s (ratio 0), so its
// band covers its level and it is not checked. The 21:27 run had note detail in one round trip.
export const LEVELS: Record<string, [number, number]> = {
  'feed-latest': [0.54, 0.39], // 0.34, 0.73, 0.56
  'feed-following': [0.42, 0.35], // 0.61, 0.38, 0.26
  'feed-nearby': [0.66, 0.23], // 0.66, 0.77, 0.54
  'feed-recommended': [0.56, 0.91], // 0.91, 0.00, 0.77
  note: [0.37, 0.15], // 0.33, 0.36, 0.42
  item: [0.4, 0.2], // 0.30, 0.40, 0.51
  'items-page': [0.36, 0.15], // 0.42, 0.37, 0.30
  search: [0.57, 0.15], // 0.58, 0.49, 0.63
  'search-near': [0.4, 0.17], // 0.31, 0.48, 0.40
  stall: [0.64, 0.31], // 0.49, 0.80, 0.63
};

export function checkRatios(rows: Pick<Row, 'slug' | 'ratio' | 'api' | 'bare'>[], strict = false): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.api.errors || r.bare.errors) out.push(`${r.slug}: ${r.api.errors} API errors, ${r.bare.errors} bare errors`);
    const lv = LEVELS[r.slug];
    const floor = strict ? GOAL : lv ? Math.max(0, lv[0] - lv[1]) : 0;
    if (floor > 0 && r.ratio < floor) {
      out.push(`${r.slug}: API/bare ${r.ratio.toFixed(2)} < ${floor.toFixed(2)} (${strict ? 'goal' : `level ${lv?.[0]} − band ${lv?.[1]}`})`);
    }
  }
  return out;
}
