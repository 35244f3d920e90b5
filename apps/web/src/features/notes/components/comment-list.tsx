// The comment section: top-level comments (newest first, cursor pages), each with its first
// replies and "展开 N 条回复" for the rest; deleting asks first. The comment just posted is
// shown where it belongs (a reply even in a folded thread) and scrolled into view only if it is
// off screen, so the reader keeps their place.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../../ui/sheet.tsx';
import { ErrorState } from '../../../ui/status.tsx';
import { useComments, useDeleteComment, useReplies } from '../api.ts';
import { describeCommunityError } from '../errors.ts';
import { usePinComment } from '../stall-api.ts';
import type { Comment, Reply } from '../types.ts';
import { CommentItem, type ReplyTarget } from './comment-item.tsx';

type Actions = {
  noteAuthorId: string;
  signedIn: boolean;
  onReply: (target: ReplyTarget) => void;
  onDelete: (commentId: string) => void;
  onPin?: (commentId: string, pinned: boolean) => void;
};

function Thread({ noteId, c, actions, posted }: { noteId: string; c: Comment; actions: Actions; posted: Reply | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const all = useReplies(noteId, c.id, open);
  const loaded = open && all.data ? all.data.pages.flatMap((p) => p.items) : c.replies;
  // A reply just posted to a thread whose preview does not reach it yet is shown at its end.
  const mine = posted && posted.parentId === c.id && !loaded.some((r) => r.id === posted.id) ? [posted] : [];
  const replies = [...loaded, ...mine];
  const hidden = c.replyCount - replies.length;
  return (
    <li className="thread" data-comment-id={c.id}>
      <CommentItem c={c} actions={actions} />
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((r) => (
            <li key={r.id} data-comment-id={r.id}>
              {/* Answering a reply: the server puts it in this thread and names whom it answers. */}
              <CommentItem c={r} reply actions={actions} />
            </li>
          ))}
        </ul>
      )}
      {(hidden > 0 || (open && all.hasNextPage)) && (
        <button
          type="button"
          className="more-replies"
          disabled={all.isFetching}
          onClick={() => (open ? void all.fetchNextPage() : setOpen(true))}
        >
          {all.isFetching ? t('common.loading') : t('comments.moreReplies', { count: Math.max(hidden, 1) })}
        </button>
      )}
    </li>
  );
}

export function CommentList({
  noteId,
  noteAuthorId,
  count,
  signedIn,
  onReply,
  posted = null,
  canPin = false,
}: {
  /** The viewer hosts this stall: 置顶 on top-level comments. */
  canPin?: boolean;
  noteId: string;
  noteAuthorId: string;
  count: number;
  signedIn: boolean;
  onReply: (target: ReplyTarget) => void;
  posted?: Reply | null;
}) {
  const { t } = useTranslation();
  const comments = useComments(noteId);
  const remove = useDeleteComment(noteId);
  const [deleting, setDeleting] = useState<string | null>(null);
  const pin = usePinComment(noteId);
  const actions: Actions = {
    noteAuthorId,
    signedIn,
    onReply,
    onDelete: setDeleting,
    ...(canPin ? { onPin: (commentId: string, pinned: boolean) => pin.mutate({ commentId, pinned }) } : {}),
  };
  const threads = comments.data?.pages.flatMap((p) => p.items) ?? [];
  const section = useRef<HTMLElement>(null);
  const shown = useRef<string | null>(null);
  // Once the posted comment is on the page: into view if it is not (nothing moves if it is), and
  // marked for a moment so the eye finds it.
  useEffect(() => {
    if (!posted || shown.current === posted.id) return;
    const el = section.current?.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(posted.id)}"]`);
    if (!el) return;
    shown.current = posted.id;
    el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    el.classList.add('comment-new');
    setTimeout(() => el.classList.remove('comment-new'), 2400);
  });

  return (
    <section ref={section} className="card comments" aria-labelledby="comments-title" data-testid="comments">
      <h2 className="card-title" id="comments-title">
        {t('comments.title', { count })}
      </h2>
      {pin.isError && <p className="field-error" role="alert">{describeCommunityError(t, pin.error)}</p>}
      {comments.isPending ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : comments.isError ? (
        <ErrorState message={describeCommunityError(t, comments.error)} onRetry={() => void comments.refetch()} />
      ) : threads.length === 0 ? (
        <p className="comments-empty">{signedIn ? t('comments.empty') : t('comments.emptySignedOut')}</p>
      ) : (
        <ul className="threads">
          {threads.map((c) => (
            <Thread key={c.id} noteId={noteId} c={c} actions={actions} posted={posted} />
          ))}
        </ul>
      )}
      {comments.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block btn-small"
          disabled={comments.isFetchingNextPage}
          onClick={() => void comments.fetchNextPage()}
        >
          {comments.isFetchingNextPage ? t('common.loading') : t('comments.more')}
        </button>
      )}
      <ConfirmSheet
        open={deleting !== null}
        title={t('comments.deleteTitle')}
        body={t('comments.deleteBody')}
        confirmLabel={t('comments.delete')}
        busy={remove.isPending}
        error={remove.isError ? describeCommunityError(t, remove.error) : null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting, { onSuccess: () => setDeleting(null) });
        }}
      />
    </section>
  );
}
