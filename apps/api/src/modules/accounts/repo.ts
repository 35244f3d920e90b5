import { type RawBuilder, type Selectable, sql } from 'kysely';
import { compiled } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import type { Users } from '../../db/types.ts';

export type UserRow = Selectable<Users>;

export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByUsername = (db: Executor, username: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();

export const insertUser = (
  db: Executor,
  u: { username: string; passwordHash: string; displayName: string; createdAt?: Date },
) => db.insertInto('users').values(u).returningAll().executeTakeFirstOrThrow();

export const updateUser = (db: Executor, id: string, patch: Partial<Omit<UserRow, 'id'>>) =>
  db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const insertSession = (db: Executor, s: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string }) =>
  db.insertInto('sessions').values(s).execute();

// A live session and its member, for the sessions `match` picks.
type LiveSessionRow = { id: string; username: string; role: string; status: string; tokenHash: string; expiresAt: Date };
const liveSessions = (match: RawBuilder<unknown>, now: Date) => sql<LiveSessionRow>`
    SELECT u.id, u.username, u.role, u.status, s.token_hash, s.expires_at
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE ${match} AND s.revoked_at IS NULL AND s.expires_at > ${now}`;

// Every member's request reads its session: compiled once (db/compiled.ts) and prepared once
// per connection (db/prepared.ts: PostgreSQL plans it once instead of on every request).
const liveSession = compiled(
  { tokenHash: 'text', now: 'date' },
  (_db, p) => sql<LiveSessionRow>`/*prepared:accounts_live_session*/${liveSessions(sql`s.token_hash = ${p.text('tokenHash')}`, p.date('now'))}`,
  'live session',
);

export const findLiveSession = (db: Executor, tokenHash: string, now: Date) => liveSession.first(db, { tokenHash, now });

// The session cache reads the sessions it serves again in batches (session-cache.ts).
const liveSessionsIn = compiled(
  { tokenHashes: 'texts', now: 'date' },
  (_db, p) => liveSessions(sql`s.token_hash = any(${p.texts('tokenHashes')})`, p.date('now')),
  'live sessions',
);

/** The live sessions among `tokenHashes`, by token hash (a revoked or expired one is absent). */
export async function findLiveSessions(db: Executor, tokenHashes: string[], now: Date): Promise<Map<string, LiveSessionRow>> {
  const rows = await liveSessionsIn.all(db, { tokenHashes, now });
  return new Map(rows.map((r) => [r.tokenHash, r]));
}

export const revokeSession = (db: Executor, tokenHash: string, now: Date) =>
  db.updateTable('sessions').set({ revokedAt: now }).where('tokenHash', '=', tokenHash).execute();

export const mediaOwnedBy = (db: Executor, mediaId: string, ownerId: string) =>
  db.selectFrom('media').select('id').where('id', '=', mediaId).where('ownerId', '=', ownerId).executeTakeFirst();

/** What a list shows of a member (authors, peers, buyers): one query for many, keyed by id. */
export type UserSummary = { id: string; displayName: string; avatarId: string | null; status: string };

const usersIn = compiled(
  { ids: 'texts' },
  (db, p) => db.selectFrom('users').select(['id', 'displayName', 'avatarId', 'status']).where('id', '=', sql<string>`any(${p.texts('ids')})`),
  'users by ids',
);

export async function usersByIds(db: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, UserSummary>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await usersIn.all(db, { ids: list });
  return new Map(rows.map((r) => [r.id, r]));
}
