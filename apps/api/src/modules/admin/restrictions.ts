// What moderation does to the rest of the app, in one place for the modules that apply it:
// a hidden note, comment, item or message is gone for everyone but its author and operators;
// a limited member may not list or message until the limit ends.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { forbidden } from '../../lib/errors.ts';

export type LimitKind = 'listing' | 'messaging';

/**
 * May `viewerId` see a hidden thing written by `authorId`? Its author and operators may. Called
 * only for hidden rows, so the role look-up costs nothing on the ordinary path.
 */
export async function maySeeHidden(db: Executor, viewerId: string | null | undefined, authorId: string | null): Promise<boolean> {
  if (!viewerId) return false;
  if (viewerId === authorId) return true;
  const u = await db.selectFrom('users').select('role').where('id', '=', viewerId).executeTakeFirst();
  return u?.role === 'moderator' || u?.role === 'admin';
}

/** The member's limit of this kind in force at `now`, if any (the one that ends last). */
export async function activeLimit(db: Executor, userId: string, kind: LimitKind, now: Date) {
  return db
    .selectFrom('memberLimits')
    .select(['id', 'until', 'reason'])
    .where('userId', '=', userId)
    .where('kind', '=', kind)
    .where('liftedAt', 'is', null)
    .where('until', '>', now)
    .orderBy('until', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const CODES: Record<LimitKind, [string, string]> = {
  listing: ['listing_restricted', 'A moderator has paused your new listings'],
  messaging: ['messaging_restricted', 'A moderator has paused your messages'],
};

/** 403 `listing_restricted` / `messaging_restricted` (with `until`) for a limited member. */
export async function assertNotRestricted(deps: { db: Executor; clock: { now(): Date } }, userId: string, kind: LimitKind) {
  const now = deps.clock.now();
  const limit = await activeLimit(deps.db, userId, kind, now);
  if (!limit) return;
  const [code, what] = CODES[kind];
  throw forbidden(code, `${what} until ${limit.until.toISOString()}. Reason: ${limit.reason}`, { until: limit.until.toISOString() });
}

/** Limits in force for many members at once (the moderation queue's history). */
export async function limitsOf(db: Executor, userIds: string[], now: Date) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('memberLimits')
    .select(['id', 'userId', 'kind', 'until', 'reason', 'createdAt'])
    .where('userId', 'in', userIds)
    .where('liftedAt', 'is', null)
    .where('until', '>', now)
    .execute();
}

/** Ends every session of the member (a ban): their tokens and cookies stop working at once. */
export const endSessions = (db: Executor, userId: string, now: Date) =>
  db.updateTable('sessions').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).execute();

export const notHidden = sql<boolean>`hidden_at IS NULL`;
