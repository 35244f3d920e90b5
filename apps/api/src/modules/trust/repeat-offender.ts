// The repeat-offender rule (API.md, "Chat"): lures are delivered with warnings, never dropped,
// but a member with MORE than FLAGGED_PER_DAY flagged writes in 24 hours — chat messages, notes
// and comments counted together, so a scammer cannot move to the comment section — is answered
// 429 `sending_limited` for further flagged ones, and is put in the moderation queue once.
// Ordinary writes are never limited by this rule.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { tooManyRequests } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { scanText } from './scam-shield.ts';

/** Flagged writes a member may make in 24 hours (the default of the setting repeatOffenderFlagsPerDay); only a member already past it is refused. */
export const FLAGGED_PER_DAY = 5;
const DAY_MS = 86_400_000;

type RuleDeps = Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock' | 'config'>>;
export type PostFlag = { authorId: string; warnings: string[]; at: Date };

const nowOf = (deps: RuleDeps) => deps.clock?.now() ?? new Date();

/** Flagged chat messages, notes and comments of a member since `since`. */
export async function flaggedSince(db: Executor, userId: string, since: Date): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM messages WHERE sender_id = ${userId} AND created_at > ${since} AND cardinality(warnings) > 0)
         + (SELECT count(*) FROM content_flags WHERE author_id = ${userId} AND created_at > ${since}) AS n`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Call before a flagged write; throws 429 sending_limited for a member past the limit. */
export async function checkRepeatOffender(deps: RuleDeps, userId: string): Promise<void> {
  const limit = deps.config?.repeatOffenderFlagsPerDay ?? FLAGGED_PER_DAY;
  const n = await flaggedSince(deps.db, userId, new Date(nowOf(deps).getTime() - DAY_MS));
  if (n <= limit) return;
  // Surface the member to moderators once (outside any transaction: the refusal must not undo it).
  const open = await deps.db
    .selectFrom('reports').select('id')
    .where('reporterId', 'is', null).where('targetType', '=', 'user').where('targetId', '=', userId).where('status', '=', 'open')
    .executeTakeFirst();
  if (!open) {
    await deps.db.insertInto('reports').values({
      reporterId: null, targetType: 'user', targetId: userId, reason: 'off_platform',
      detail: `scam shield: more than ${limit} flagged messages, notes or comments in 24 hours`,
    }).execute();
  }
  throw tooManyRequests('sending_limited', 3600, 'Several of your messages or posts looked like off-platform contact or payment. Please keep trades on Jishi; you can still post other things.');
}

/**
 * Screens the text of a note or comment before it is written: null when it is no lure;
 * otherwise applies the rule (may throw 429) and returns the flag to record with the post.
 */
export async function screenPost(deps: RuleDeps, authorId: string, text: string, at?: Date): Promise<PostFlag | null> {
  const { warnings } = scanText(text);
  if (!warnings.length) return null;
  await checkRepeatOffender(deps, authorId);
  return { authorId, warnings, at: at ?? nowOf(deps) };
}

/** Records a flagged post, in the transaction that writes it. */
export async function recordPostFlag(tx: Executor, flag: PostFlag, targetType: 'note' | 'comment', targetId: string) {
  await tx.insertInto('contentFlags').values({ authorId: flag.authorId, targetType, targetId, warnings: flag.warnings, createdAt: flag.at }).execute();
}
