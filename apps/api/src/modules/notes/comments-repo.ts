// Data access for comments. Lists are keyset pages on (created_at, id); see comments_top and
// comments_replies in 0002_community.sql for the indexes they walk.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { Comments } from '../../db/types.ts';
import type { Keyset } from '../../lib/pagination.ts';

export type CommentRow = Selectable<Comments>;
export type Direction = 'asc' | 'desc';

export const findComment = (db: Executor, id: string) =>
  db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Locks the note for a comment write. Every comment write takes this lock first (and deleting
 * a note takes it too), so writers on one note queue in one order and never deadlock.
 */
export const lockNoteForComments = (db: Executor, noteId: string) =>
  db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.authorId')
    .select(['notes.id', 'notes.authorId'])
    .where('notes.id', '=', noteId)
    .where('users.status', '=', 'active')
    .forNoKeyUpdate('notes')
    .executeTakeFirst();

export type CommentValues = {
  noteId: string;
  authorId: string;
  parentId: string | null;
  replyToUserId: string | null;
  body: string;
  itemId: string | null;
  wantedTitle: string | null;
  wantedMaxPrice: number | null;
};

export const insertComment = (db: Executor, v: CommentValues & { createdAt?: Date }) =>
  db.insertInto('comments').values(v).returningAll().executeTakeFirstOrThrow();

/** Counts a new reply on a visible top-level comment; false when that comment is deleted. */
export async function addReplyToCount(db: Executor, parentId: string): Promise<boolean> {
  const row = await db
    .updateTable('comments')
    .set((eb) => ({ replyCount: eb('replyCount', '+', 1) }))
    .where('id', '=', parentId)
    .where('deletedAt', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export const removeReplyFromCount = (db: Executor, parentId: string) =>
  db
    .updateTable('comments')
    .set((eb) => ({ replyCount: eb('replyCount', '-', 1) }))
    .where('id', '=', parentId)
    .execute();

/** Marks the comment deleted; undefined when it already was (a repeated DELETE changes nothing). */
export const softDeleteComment = (db: Executor, id: string, by: string, now: Date) =>
  db
    .updateTable('comments')
    .set({ deletedAt: now, deletedBy: by })
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .returning(['id', 'noteId', 'parentId'])
    .executeTakeFirst();

/**
 * Top-level comments of a note. A deleted one stays only while it has visible replies, so its
 * thread remains readable under "该评论已删除".
 */
export function topLevelPage(db: Executor, noteId: string, dir: Direction, after: Keyset | null, take: number) {
  let q = db
    .selectFrom('comments')
    .selectAll()
    .where('noteId', '=', noteId)
    .where('parentId', 'is', null)
    .where((eb) => eb.or([eb('deletedAt', 'is', null), eb('replyCount', '>', 0)]))
    // Pinned ones are read apart (stall-host.ts pinnedComments) and open the first page.
    .where((eb) => eb.or([eb('pinnedAt', 'is', null), eb('deletedAt', 'is not', null)]));
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('createdAt', 'id'), dir === 'desc' ? '<' : '>', eb.tuple(after.at, after.id)));
  }
  return q.orderBy('createdAt', dir).orderBy('id', dir).limit(take).execute();
}

/** Visible replies of a thread, oldest first. */
export function repliesPage(db: Executor, parentId: string, after: Keyset | null, take: number) {
  let q = db.selectFrom('comments').selectAll().where('parentId', '=', parentId).where('deletedAt', 'is', null);
  if (after) q = q.where((eb) => eb(eb.refTuple('createdAt', 'id'), '>', eb.tuple(after.at, after.id)));
  return q.orderBy('createdAt', 'asc').orderBy('id', 'asc').limit(take).execute();
}

/** The first `n` visible replies of each thread, in one query (an index range per thread). */
export async function firstReplies(db: Executor, parentIds: readonly string[], n: number): Promise<CommentRow[]> {
  if (parentIds.length === 0) return [];
  return db
    .selectFrom('comments as p')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('comments as c')
          .selectAll('c')
          .whereRef('c.parentId', '=', 'p.id')
          .where('c.deletedAt', 'is', null)
          .orderBy('c.createdAt')
          .orderBy('c.id')
          .limit(n)
          .as('r'),
      (join) => join.onTrue(),
    )
    .selectAll('r')
    .where('p.id', 'in', [...parentIds])
    .execute();
}
