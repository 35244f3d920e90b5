// The --quick regression check: each scenario's API/bare ratio against its floor. Floors are
// the ratios measured at 100k rows on the 2-core machine minus the noise band seen between
// repeated runs (bench/README.md, "Regression check"); until measured, no floor is set.
import type { Row } from './run.ts';

/** slug → the lowest API/bare ratio accepted (measured ratio − noise band). */
export const FLOORS: Record<string, number> = {};

export function checkRatios(rows: Pick<Row, 'slug' | 'ratio' | 'api' | 'bare'>[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.api.errors || r.bare.errors) out.push(`${r.slug}: ${r.api.errors} API errors, ${r.bare.errors} bare errors`);
    const floor = FLOORS[r.slug];
    if (floor !== undefined && r.ratio < floor) out.push(`${r.slug}: API/bare ${r.ratio.toFixed(2)} < floor ${floor}`);
  }
  return out;
}
