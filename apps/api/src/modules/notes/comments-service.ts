// Comments: one level of replies, wanted requests, soft deletion by the commenter or the note's
// author (the stall host). Counts (note.comment_count, comment.reply_count) move in the same
// transaction as the row they count.
import { withTx } from '../../db/index.ts';
import { forbidden, notFound, unprocessable } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import {
  addReplyToCount,
  type CommentRow,
  type Direction,
  findComment,
  firstReplies,
  insertComment,
  lockNoteForComments,
  removeReplyFromCount,
  repliesPage,
  softDeleteComment,
  topLevelPage,
} from './comments-repo.ts';
import { authorsByIds } from './hydrate.ts';
import { checkAttachableItems, itemCardsById } from './items-port.ts';
import { cutPage, decodeKeyset } from '../../lib/pagination.ts';
import { type CommentContext, presentComment, presentReply } from './presenter.ts';
import { bumpNoteCounter } from './repo.ts';
import { checkStallItem, pinnedComments } from './stall-host.ts';
import { findVisibleNote } from './reactions.ts';
import type { CommentIn } from './schema.ts';
import { recordPostFlag, screenPost } from '../trust/repeat-offender.ts';
import { recordWantedComment } from '../discovery/wanted-service.ts';
import { type NotifyDeps, withNotifications } from '../notifications/service.ts';

const PREVIEW_REPLIES = 3;
const oldestFirst = (a: CommentRow, b: CommentRow) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
const isForeignKeyViolation = (err: unknown) => (err as { code?: string })?.code === '23503';

const invalidParent = (detail: string) =>
  unprocessable('invalid_parent', detail, { errors: [{ path: 'parentId', message: detail }] });

/** Where a reply goes: a reply to a reply joins the thread of its top-level comment. */
function threadOf(target: CommentRow | undefined, noteId: string) {
  if (!target || target.noteId !== noteId) throw invalidParent('Not a comment of this note.');
  if (target.deletedAt) throw unprocessable('comment_deleted', 'That comment was deleted.');
  return target.parentId
    ? { parentId: target.parentId, replyToUserId: target.authorId }
    : { parentId: target.id, replyToUserId: null };
}

export async function createComment(
  deps: NotifyDeps,
  userId: string,
  noteId: string,
  input: CommentIn,
  opts: { createdAt?: Date } = {},
) {
  // A lure is posted with its warning; a member past the repeat-offender limit is refused (429).
  const flag = await screenPost(deps, userId, input.body, opts.createdAt);
  try {
    return await withNotifications(deps, async (tx, notify) => {
      const note = await lockNoteForComments(tx, noteId);
      if (!note) throw notFound('note');
      if (input.itemId) {
        await checkAttachableItems(tx, userId, [input.itemId], 'itemId');
        await checkStallItem(tx, noteId, input.itemId); // the stall host's rules and closing
      }
      let thread: { parentId: string | null; replyToUserId: string | null } = { parentId: null, replyToUserId: null };
      let repliedTo: string | null = null;
      if (input.parentId) {
        const target = await findComment(tx, input.parentId);
        thread = threadOf(target, noteId);
        repliedTo = target?.authorId ?? null;
        if (!(await addReplyToCount(tx, thread.parentId as string)))
          throw unprocessable('comment_deleted', 'That thread was deleted.');
      }
      const comment = await insertComment(tx, {
        noteId,
        authorId: userId,
        ...thread,
        body: input.body,
        itemId: input.itemId ?? null,
        wantedTitle: input.wanted?.title ?? null,
        wantedMaxPrice: input.wanted?.maxPrice ?? null,
        createdAt: opts.createdAt,
      });
      if (flag) await recordPostFlag(tx, flag, 'comment', comment.id);
      await recordWantedComment(tx, comment);
      await bumpNoteCounter(tx, noteId, 'commentCount', 1);
      // The one replied to hears of a reply; the note's author of every other comment on it.
      const about = { actorId: userId, noteId, commentId: comment.id, at: comment.createdAt };
      if (repliedTo) await notify({ ...about, recipientId: repliedTo, type: 'reply' });
      if (note.authorId !== repliedTo) await notify({ ...about, recipientId: note.authorId, type: 'comment' });
      return { comment, noteAuthorId: note.authorId };
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw notFound('note');
    throw err;
  }
}

export async function deleteComment(deps: Pick<Deps, 'db' | 'clock'>, userId: string, commentId: string) {
  await withTx(deps.db, async (tx) => {
    const c = await findComment(tx, commentId);
    if (!c) throw notFound('comment');
    const note = await lockNoteForComments(tx, c.noteId);
    if (!note) throw notFound('comment');
    if (c.authorId !== userId && note.authorId !== userId) {
      throw forbidden('not_author', "Only the comment's author or the note's author may delete it.");
    }
    const deleted = await softDeleteComment(tx, commentId, userId, deps.clock.now());
    if (!deleted) return; // already deleted: nothing to count twice
    await bumpNoteCounter(tx, c.noteId, 'commentCount', -1);
    if (c.parentId) await removeReplyFromCount(tx, c.parentId);
  });
}

/** A comment a moderator hid is left out for everyone but its author (the cursor is cut before). */
const shown = (viewerId: string | null) => (c: CommentRow) => !c.hiddenAt || c.authorId === viewerId;

async function contextFor(deps: Pick<Deps, 'db'>, rows: CommentRow[], viewerId: string | null, noteAuthorId: string) {
  const itemIds = rows.flatMap((r) => (r.itemId && !r.deletedAt ? [r.itemId] : []));
  const [authors, items] = await Promise.all([
    authorsByIds(
      deps.db,
      rows.flatMap((r) => [r.authorId, r.replyToUserId]),
    ),
    itemCardsById(deps.db, itemIds, viewerId),
  ]);
  return { authors, items, viewerId, noteAuthorId } satisfies CommentContext;
}

export async function presentNewComment(deps: Pick<Deps, 'db'>, c: CommentRow, viewerId: string, noteAuthorId: string) {
  return presentComment(c, [], await contextFor(deps, [c], viewerId, noteAuthorId));
}

export async function listComments(
  deps: Pick<Deps, 'db'>,
  noteId: string,
  viewerId: string | null,
  q: { cursor?: string; limit: number; sort: 'newest' | 'oldest' },
) {
  const note = await findVisibleNote(deps.db, noteId, viewerId);
  if (!note) throw notFound('note');
  const dir: Direction = q.sort === 'oldest' ? 'asc' : 'desc';
  const rows = await topLevelPage(deps.db, noteId, dir, decodeKeyset(q.cursor), q.limit + 1);
  const cut = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const { nextCursor } = cut;
  // The host's pinned comments open the first page; the pages leave them out.
  const page = q.cursor ? cut.page : [...(await pinnedComments(deps.db, noteId)), ...cut.page];
  const replies = await firstReplies(
    deps.db,
    page.map((r) => r.id),
    PREVIEW_REPLIES,
  );
  const ctx = await contextFor(deps, [...page, ...replies], viewerId, note.authorId);
  const byParent = new Map<string, CommentRow[]>();
  for (const r of replies.sort(oldestFirst))
    byParent.set(r.parentId as string, [...(byParent.get(r.parentId as string) ?? []), r]);
  return {
    items: page.filter(shown(viewerId)).map((c) => presentComment(c, (byParent.get(c.id) ?? []).filter(shown(viewerId)), ctx)),
    nextCursor,
  };
}

export async function listReplies(
  deps: Pick<Deps, 'db'>,
  commentId: string,
  viewerId: string | null,
  q: { cursor?: string; limit: number },
) {
  const c = await findComment(deps.db, commentId);
  const note = c ? await findVisibleNote(deps.db, c.noteId, viewerId) : undefined;
  if (!c || !note || !shown(viewerId)(c)) throw notFound('comment');
  const rows = await repliesPage(deps.db, commentId, decodeKeyset(q.cursor), q.limit + 1);
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const ctx = await contextFor(deps, page, viewerId, note.authorId);
  return { items: page.filter(shown(viewerId)).map((r) => presentReply(r, ctx)), nextCursor };
}
