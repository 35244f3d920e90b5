// Batch look-ups that turn rows into what a page shows: one query per kind of thing, whatever
// the page length (`where id in (…)`), so no list ever does a query per row.
import { sql } from 'kysely';
import { compiled, compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import { type UserSummary, usersByIds } from '../accounts/index.ts';

export type Author = UserSummary;
export type MediaSize = { id: string; width: number; height: number };

const unique = (ids: readonly (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))];

/** Note and comment authors: accounts' one "users by ids" lookup. */
export const authorsByIds = usersByIds;

// These look-ups are compiled once (db/compiled.ts); a list goes as one array (`= any($1)`).
const anyOf = (ids: string[]) => sql<string>`any(${ids})`;

const mediaSizes = compiled(
  { ids: 'texts' },
  (db, p) => db.selectFrom('media').select(['id', 'width', 'height']).where('id', '=', anyOf(p.texts('ids'))),
  'media sizes',
);

export async function mediaByIds(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, MediaSize>> {
  const list = unique(ids);
  if (list.length === 0) return new Map();
  const rows = await mediaSizes.all(db, { ids: list });
  return new Map(rows.map((r) => [r.id, r]));
}

const reacted = compiledShapes(
  { viewerId: 'text', noteIds: 'texts' },
  (db, p, table: 'noteLikes' | 'noteCollects') =>
    db.selectFrom(table).select('noteId').where('userId', '=', p.text('viewerId')).where('noteId', '=', anyOf(p.texts('noteIds'))),
  'reacted notes',
);

/** The notes among `noteIds` that the viewer liked (or collected). Empty for visitors. */
export async function reactedNoteIds(
  db: Executor,
  table: 'noteLikes' | 'noteCollects',
  viewerId: string | null,
  noteIds: readonly string[],
): Promise<Set<string>> {
  if (!viewerId || noteIds.length === 0) return new Set();
  const rows = await reacted(table).all(db, { viewerId, noteIds: [...noteIds] });
  return new Set(rows.map((r) => r.noteId));
}

const followed = compiled(
  { viewerId: 'text', ids: 'texts' },
  (db, p) => db.selectFrom('follows').select('followeeId').where('followerId', '=', p.text('viewerId')).where('followeeId', '=', anyOf(p.texts('ids'))),
  'followed users',
);

/** The users among `userIds` whom the viewer follows. Empty for visitors. */
export async function followedUserIds(
  db: Executor,
  viewerId: string | null,
  userIds: readonly string[],
): Promise<Set<string>> {
  const list = unique(userIds);
  if (!viewerId || list.length === 0) return new Set();
  const rows = await followed.all(db, { viewerId, ids: list });
  return new Set(rows.map((r) => r.followeeId));
}

const authorOf = compiled(
  { noteId: 'text' },
  (db, p) =>
    db
      .selectFrom('users')
      .select(['id', 'displayName', 'avatarId', 'status'])
      .where('id', '=', (eb) => eb.selectFrom('notes').select('notes.authorId').where('notes.id', '=', p.text('noteId'))),
  'author of note',
);

/** A note's author, by the note's id (a primary-key subquery): no need to read the note first. */
export const authorOfNote = (db: Executor, noteId: string): Promise<Author | undefined> => authorOf.first(db, { noteId });

const followsAuthor = compiled(
  { viewerId: 'text', noteId: 'text' },
  (db, p) =>
    db
      .selectFrom('follows')
      .select('followeeId')
      .where('followerId', '=', p.text('viewerId'))
      .where('followeeId', '=', (eb) => eb.selectFrom('notes').select('notes.authorId').where('notes.id', '=', p.text('noteId'))),
  'follows author of note',
);

/** Whether the viewer follows the author of this note (false for visitors). */
export async function followsAuthorOf(db: Executor, viewerId: string | null, noteId: string): Promise<boolean> {
  if (!viewerId) return false;
  return (await followsAuthor.first(db, { viewerId, noteId })) !== undefined;
}
