// The comment section: top-level comments (newest first, cursor pages), each with its first
// replies and "展开 N 条回复" for the rest; deleting asks first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../../ui/sheet.tsx';
import { ErrorState } from '../../../ui/status.tsx';
import { useComments, useDeleteComment, useReplies } from '../api.ts';
import { describeCommunityError } from '../errors.ts';
import type { Comment } from '../types.ts';
import { CommentItem, type ReplyTarget } from './comment-item.tsx';

type Actions = {
  noteAuthorId: string;
  signedIn: boolean;
  onReply: (target: ReplyTarget) => void;
  onDelete: (commentId: string) => void;
};

function Thread({ noteId, c, actions }: { noteId: string; c: Comment; actions: Actions }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const all = useReplies(noteId, c.id, open);
  const replies = open && all.data ? all.data.pages.flatMap((p) => p.items) : c.replies;
  const hidden = c.replyCount - replies.length;
  return (
    <li className="thread">
      <CommentItem c={c} actions={actions} />
      {replies.length > 0 && (
        <ul className="replies">
          {replies.map((r) => (
            <li key={r.id}>
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
}: {
  noteId: string;
  noteAuthorId: string;
  count: number;
  signedIn: boolean;
  onReply: (target: ReplyTarget) => void;
}) {
  const { t } = useTranslation();
  const comments = useComments(noteId);
  const remove = useDeleteComment(noteId);
  const [deleting, setDeleting] = useState<string | null>(null);
  const actions: Actions = { noteAuthorId, signedIn, onReply, onDelete: setDeleting };
  const threads = comments.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card comments" aria-labelledby="comments-title" data-testid="comments">
      <h2 className="card-title" id="comments-title">
        {t('comments.title', { count })}
      </h2>
      {comments.isPending ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : comments.isError ? (
        <ErrorState message={describeCommunityError(t, comments.error)} onRetry={() => void comments.refetch()} />
      ) : threads.length === 0 ? (
        <p className="comments-empty">{signedIn ? t('comments.empty') : t('comments.emptySignedOut')}</p>
      ) : (
        <ul className="threads">
          {threads.map((c) => (
            <Thread key={c.id} noteId={noteId} c={c} actions={actions} />
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
