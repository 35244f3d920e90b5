// Fixed-window counters in PostgreSQL, so every API process sees the same counts.
import { sql } from 'kysely';
import type { Executor } from '../db/index.ts';

export type Hit = { count: number; windowStart: Date; lockedUntil: Date | null };

/** Counts one event against `key` in a window of `windowSeconds`; a stale window restarts at 1. */
export async function countHit(db: Executor, key: string, windowSeconds: number, now: Date): Promise<Hit> {
  const windowStartCutoff = new Date(now.getTime() - windowSeconds * 1000);
  const row = await db
    .insertInto('rateCounters')
    .values({ key, windowStart: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`CASE WHEN rate_counters.window_start < ${windowStartCutoff} THEN 1 ELSE rate_counters.count + 1 END`,
        windowStart: sql`CASE WHEN rate_counters.window_start < ${windowStartCutoff} THEN ${now} ELSE rate_counters.window_start END`,
        lockedUntil: sql`CASE WHEN rate_counters.locked_until > ${now} THEN rate_counters.locked_until END`,
      }),
    )
    .returning(['count', 'windowStart', 'lockedUntil'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function lockKey(db: Executor, key: string, until: Date): Promise<void> {
  await db.updateTable('rateCounters').set({ lockedUntil: until }).where('key', '=', key).execute();
}

export async function lockedUntil(db: Executor, key: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('rateCounters').select('lockedUntil').where('key', '=', key).executeTakeFirst();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function clearKey(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rateCounters').where('key', '=', key).execute();
}

export const secondsUntil = (t: Date, now: Date) => Math.max(1, Math.ceil((t.getTime() - now.getTime()) / 1000));
