// Batch look-ups that turn rows into what a page shows: one query per kind of thing, whatever
// the page length (`where id in (…)`), so no list ever does a query per row.
import type { Executor } from '../../db/index.ts';
import { type UserSummary, usersByIds } from '../accounts/index.ts';

export type Author = UserSummary;
export type MediaSize = { id: string; width: number; height: number };

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))];

/** Note and comment authors: accounts' one "users by ids" lookup. */
export const authorsByIds = usersByIds;

export async function mediaByIds(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, MediaSize>> {
  const list = unique(ids);
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('media').select(['id', 'width', 'height']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The notes among `noteIds` that the viewer liked (or collected). Empty for visitors. */
export async function reactedNoteIds(
  db: Executor,
  table: 'noteLikes' | 'noteCollects',
  viewerId: string | null,
  noteIds: readonly string[],
): Promise<Set<string>> {
  if (!viewerId || noteIds.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('noteId')
    .where('userId', '=', viewerId)
    .where('noteId', 'in', [...noteIds])
    .execute();
  return new Set(rows.map((r) => r.noteId));
}

/** The users among `userIds` whom the viewer follows. Empty for visitors. */
export async function followedUserIds(
  db: Executor,
  viewerId: string | null,
  userIds: readonly string[],
): Promise<Set<string>> {
  const list = unique(userIds);
  if (!viewerId || list.length === 0) return new Set();
  const rows = await db
    .selectFrom('follows')
    .select('followeeId')
    .where('followerId', '=', viewerId)
    .where('followeeId', 'in', list)
    .execute();
  return new Set(rows.map((r) => r.followeeId));
}

/** A note's author, by the note's id (a primary-key subquery): no need to read the note first. */
export const authorOfNote = (db: Executor, noteId: string): Promise<Author | undefined> =>
  db
    .selectFrom('users')
    .select(['id', 'displayName', 'avatarId', 'status'])
    .where('id', '=', (eb) => eb.selectFrom('notes').select('notes.authorId').where('notes.id', '=', noteId))
    .executeTakeFirst();

/** Whether the viewer follows the author of this note (false for visitors). */
export async function followsAuthorOf(db: Executor, viewerId: string | null, noteId: string): Promise<boolean> {
  if (!viewerId) return false;
  const row = await db
    .selectFrom('follows')
    .select('followeeId')
    .where('followerId', '=', viewerId)
    .where('followeeId', '=', (eb) => eb.selectFrom('notes').select('notes.authorId').where('notes.id', '=', noteId))
    .executeTakeFirst();
  return row !== undefined;
}
