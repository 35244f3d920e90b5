// Likes, collects and follows: idempotent switches. A note's counter moves in the same
// transaction as the row it counts, and only when that statement really added or removed the
// row — so a repeated PUT (even twenty at once) counts once.
import { compiled, compiledShapes } from '../../db/compiled.ts';
import type { Executor } from '../../db/index.ts';
import { notFound, unprocessable } from '../../lib/errors.ts';
import {
  addFollow,
  addReaction,
  bumpNoteCounter,
  type Counter,
  type Reaction,
  removeFollow,
  removeReaction,
} from './repo.ts';
import { type NotifyDeps, withNotifications } from '../notifications/service.ts';

const COUNTER: Record<Reaction, Counter> = { noteLikes: 'likeCount', noteCollects: 'collectCount' };

/**
 * A note whose author is an active member (a banned member's notes are gone for everyone) and
 * that no moderator has hidden (a hidden one stays visible to its author, `viewerId`).
 */
// Compiled once per shape (db/compiled.ts): a visitor's view, or a member's (who also sees
// their own hidden notes).
const visibleNote = compiledShapes(
  { noteId: 'text', viewerId: 'text' },
  (db, p, who: 'visitor' | 'member') =>
    db
      .selectFrom('notes')
      .innerJoin('users', 'users.id', 'notes.authorId')
      .select(['notes.id', 'notes.authorId', 'notes.kind'])
      .where('notes.id', '=', p.text('noteId'))
      .where('users.status', '=', 'active')
      .where((eb) => eb.or([eb('notes.hiddenAt', 'is', null), ...(who === 'member' ? [eb('notes.authorId', '=', p.text('viewerId'))] : [])])),
  'visible note',
);

export const findVisibleNote = (db: Executor, noteId: string, viewerId: string | null = null) =>
  viewerId ? visibleNote('member').first(db, { noteId, viewerId }) : visibleNote('visitor').first(db, { noteId });

const activeUser = compiled(
  { userId: 'text' },
  (db, p) => db.selectFrom('users').select(['id']).where('id', '=', p.text('userId')).where('status', '=', 'active'),
  'active user',
);

export const findActiveUser = (db: Executor, userId: string) => activeUser.first(db, { userId });

const isForeignKeyViolation = (err: unknown) => (err as { code?: string })?.code === '23503';

export async function setReaction(
  deps: NotifyDeps,
  table: Reaction,
  userId: string,
  noteId: string,
  on: boolean,
) {
  const note = await findVisibleNote(deps.db, noteId);
  if (!note) throw notFound('note');
  try {
    await withNotifications(deps, async (tx, notify) => {
      const changed = on
        ? await addReaction(tx, table, userId, noteId)
        : await removeReaction(tx, table, userId, noteId);
      if (changed) await bumpNoteCounter(tx, noteId, COUNTER[table], on ? 1 : -1);
      if (changed && on) {
        await notify({ recipientId: note.authorId, type: table === 'noteLikes' ? 'like' : 'collect', actorId: userId, noteId });
      }
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw notFound('note'); // deleted meanwhile
    throw err;
  }
}

export async function setFollow(deps: NotifyDeps, followerId: string, followeeId: string, on: boolean) {
  if (followerId === followeeId) throw unprocessable('cannot_follow_self', 'You cannot follow yourself.');
  if (!(await findActiveUser(deps.db, followeeId))) throw notFound('user');
  try {
    if (on) {
      await withNotifications(deps, async (tx, notify) => {
        if (await addFollow(tx, followerId, followeeId)) await notify({ recipientId: followeeId, type: 'follow', actorId: followerId });
      });
    } else await removeFollow(deps.db, followerId, followeeId);
  } catch (err) {
    if (isForeignKeyViolation(err)) throw notFound('user');
    throw err;
  }
}
