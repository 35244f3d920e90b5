// One comment or reply: who, what (text, a 借楼 item card, a 求购 request), when, and the
// actions the viewer has (回复, 删除). A deleted one keeps its place and says so.
import { formatFen } from '@jishi/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateTime } from '../../../lib/format.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import type { Reply } from '../types.ts';
import { ItemCardRow } from './item-card.tsx';

export type ReplyTarget = { parentId: string; name: string };

type Actions = {
  noteAuthorId: string;
  signedIn: boolean;
  onReply: (target: ReplyTarget) => void;
  onDelete: (commentId: string) => void;
  /** The stall host pins and unpins top-level comments. */
  onPin?: (commentId: string, pinned: boolean) => void;
};

export function WantedCard({ wanted }: { wanted: NonNullable<Reply['wanted']> }) {
  const { t } = useTranslation();
  return (
    <div className="wanted-card" data-testid="wanted-card">
      <span className="kind-badge kind-wanted">{t('feed.kind.wanted')}</span>
      <span className="wanted-title">{wanted.title}</span>
      <span className="wanted-price">
        {wanted.maxPrice === null
          ? t('comments.wantedAnyPrice')
          : t('comments.wantedMax', { price: formatFen(wanted.maxPrice) })}
      </span>
    </div>
  );
}

export function CommentItem({ c, reply, actions }: { c: Reply; reply?: boolean; actions: Actions }) {
  const { t } = useTranslation();
  const size = reply ? 24 : 32;
  if (c.deleted || !c.author) {
    return (
      <div
        className={reply ? 'comment comment-reply comment-deleted' : 'comment comment-deleted'}
        data-testid="comment"
      >
        <span className="avatar avatar-ghost" style={{ width: size, height: size }} aria-hidden="true" />
        <p className="comment-body muted">{t('comments.deleted')}</p>
      </div>
    );
  }
  const author = c.author;
  return (
    <div className={reply ? 'comment comment-reply' : 'comment'} data-testid="comment">
      <Link to={`/u/${author.id}`} className="comment-avatar" aria-hidden="true" tabIndex={-1}>
        <Avatar url={author.avatarUrl} name={author.displayName} size={size} />
      </Link>
      <div className="comment-main">
        <p className="comment-head">
          <Link to={`/u/${author.id}`} className="comment-name">
            {author.displayName}
          </Link>
          {author.id === actions.noteAuthorId && <span className="author-badge">{t('comments.author')}</span>}
          {c.pinned && <span className="pinned-badge" data-testid="pinned-badge">{t('stallHost.pinned')}</span>}
        </p>
        {(c.body || c.replyToUser) && (
          <p className="comment-body">
            {c.replyToUser && (
              <span className="comment-replyto">{t('comments.replyTo', { name: c.replyToUser.displayName })}</span>
            )}
            {c.body}
          </p>
        )}
        {c.item && <ItemCardRow card={c.item} />}
        {c.wanted && <WantedCard wanted={c.wanted} />}
        <p className="comment-foot">
          <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
          {actions.signedIn && (
            <button
              type="button"
              className="comment-action"
              onClick={() => actions.onReply({ parentId: c.id, name: author.displayName })}
            >
              {t('comments.reply')}
            </button>
          )}
          {actions.onPin && !reply && (
            <button type="button" className="comment-action" onClick={() => actions.onPin?.(c.id, !c.pinned)}>
              {c.pinned ? t('stallHost.unpin') : t('stallHost.pin')}
            </button>
          )}
          {c.canDelete && (
            <button type="button" className="comment-action" onClick={() => actions.onDelete(c.id)}>
              {t('comments.delete')}
            </button>
          )}
        </p>
      </div>
    </div>
  );
}
