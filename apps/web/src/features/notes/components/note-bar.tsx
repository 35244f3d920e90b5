// The bar at the bottom of a note: "说点什么…" opens the comment box; like, collect and the
// comment count sit beside it. Taps show at once (optimistic); visitors go to sign in first.
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { CommentIcon, HeartIcon, StarIcon } from '../../../ui/icons.tsx';
import { useReaction } from '../reactions.ts';
import type { Note } from '../types.ts';

export function NoteBar({ note, viewerId, onComment }: { note: Note; viewerId: string | null; onComment: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const like = useReaction(note.id, 'like', viewerId);
  const collect = useReaction(note.id, 'collect', viewerId);
  const signIn = () => void navigate(loginPath(location.pathname));
  const guard = (fn: () => void) => () => (viewerId ? fn() : signIn());

  return (
    <div className="note-bar" data-testid="note-bar">
      <button type="button" className="note-bar-input" onClick={guard(onComment)}>
        {viewerId ? t('comments.placeholder') : t('comments.signIn')}
      </button>
      <button
        type="button"
        className={note.likedByMe ? 'note-bar-btn note-bar-liked' : 'note-bar-btn'}
        aria-pressed={note.likedByMe}
        aria-label={t('note.like')}
        data-testid="like"
        onClick={guard(() => like.mutate(!note.likedByMe))}
      >
        <HeartIcon size={22} filled={note.likedByMe} />
        <span data-testid="like-count">{note.likeCount}</span>
      </button>
      <button
        type="button"
        className={note.collectedByMe ? 'note-bar-btn note-bar-collected' : 'note-bar-btn'}
        aria-pressed={note.collectedByMe}
        aria-label={t('note.collect')}
        data-testid="collect"
        onClick={guard(() => collect.mutate(!note.collectedByMe))}
      >
        <StarIcon size={22} filled={note.collectedByMe} />
        <span data-testid="collect-count">{note.collectCount}</span>
      </button>
      <button type="button" className="note-bar-btn" aria-label={t('note.comment')} onClick={guard(onComment)}>
        <CommentIcon size={22} />
        <span data-testid="comment-count">{note.commentCount}</span>
      </button>
    </div>
  );
}
