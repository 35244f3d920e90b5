// The cheap signals of the interest profile: views and searches, one upserted row per member,
// target (or query) and Beijing day. Recorded once the read has its answer;
// a failure is logged and never fails the read.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Deps } from '../../lib/http.ts';
import { fold } from '../search/text.ts';

const BEIJING_MS = 8 * 3_600_000;
const dayOf = (at: Date) => new Date(Math.floor((at.getTime() + BEIJING_MS) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

type SignalDeps = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'log'>>;

export async function recordView(deps: SignalDeps, userId: string | null | undefined, targetType: 'note' | 'item', targetId: string) {
  if (!userId) return;
  const at = deps.clock.now();
  try {
    await upsertView(deps.db, userId, targetType, targetId, at);
  } catch (err) {
    deps.log?.warn({ err }, 'view not recorded');
  }
}

export async function upsertView(db: Executor, userId: string, targetType: 'note' | 'item', targetId: string, at: Date) {
  await sql`
    INSERT INTO member_views (user_id, target_type, target_id, day, count, last_at)
    VALUES (${userId}, ${targetType}, ${targetId}, ${dayOf(at)}::date, 1, ${at})
    ON CONFLICT (user_id, day, target_type, target_id)
    DO UPDATE SET count = member_views.count + 1, last_at = excluded.last_at`.execute(db);
}

/** A member's search words, folded (full-width, traditional, case) so 沙發 and 沙发 count together. */
export async function recordSearch(deps: SignalDeps, userId: string | null | undefined, q: string | undefined) {
  const text = q ? fold(q).toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100) : '';
  if (!userId || !text) return;
  const at = deps.clock.now();
  try {
    await sql`
      INSERT INTO member_searches (user_id, query, day, count, last_at)
      VALUES (${userId}, ${text}, ${dayOf(at)}::date, 1, ${at})
      ON CONFLICT (user_id, day, query)
      DO UPDATE SET count = member_searches.count + 1, last_at = excluded.last_at`.execute(deps.db);
  } catch (err) {
    deps.log?.warn({ err }, 'search not recorded');
  }
}
