// One masonry card: the cover at its own shape (within 3:4 … 4:3), a 地摊 / 求购 badge, a price
// tag when items are attached, the title in two lines, the author and a heart.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { HeartIcon } from '../../../ui/icons.tsx';
import { shortYuan } from '../../../lib/money.ts';
import { useReaction } from '../../notes/reactions.ts';
import type { FeedCard } from '../../notes/types.ts';
import { DistanceBadge } from '../../search/components/result-tiles.tsx';
import { ReasonLine } from '../../discovery/components/reason-line.tsx';

/** Height / width of a cover as shown: tall photos stop at 4:3 portrait, wide ones at 3:4. */
export const coverRatio = (c: FeedCard['cover']) => (c ? Math.min(4 / 3, Math.max(3 / 4, c.height / c.width)) : 1);

/** "¥49" / "免费送", and "起" when the note offers several prices. */
export function PriceTag({ items }: { items: FeedCard['items'] }) {
  const { t } = useTranslation();
  const live = items.filter((i) => i.status === 'on_sale');
  if (live.length === 0) return null;
  const low = Math.min(...live.map((i) => i.price));
  const several = new Set(live.map((i) => i.price)).size > 1;
  const label = low === 0 ? t('feed.free') : several ? t('feed.from', { price: shortYuan(low) }) : shortYuan(low);
  return (
    <span className="card-price" data-testid="card-price">
      {label}
    </span>
  );
}

export function KindBadge({ kind }: { kind: FeedCard['kind'] }) {
  const { t } = useTranslation();
  if (kind === 'note') return null;
  return <span className={`kind-badge kind-${kind}`}>{t(`feed.kind.${kind}`)}</span>;
}

function LikeButton({ card, viewerId }: { card: FeedCard; viewerId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const like = useReaction(card.id, 'like', viewerId);
  const heart = <HeartIcon size={15} filled={card.likedByMe} />;
  if (!viewerId) {
    return (
      <button
        type="button"
        className="card-like"
        aria-label={t('feed.likeSignIn', { count: card.likeCount })}
        onClick={() => void navigate(loginPath(`/notes/${card.id}`))}
      >
        {heart}
        <span>{card.likeCount}</span>
      </button>
    );
  }
  return (
    <button
      type="button"
      className={card.likedByMe ? 'card-like card-liked' : 'card-like'}
      aria-pressed={card.likedByMe}
      aria-label={t('feed.like', { count: card.likeCount })}
      onClick={() => like.mutate(!card.likedByMe)}
      data-testid="card-like"
    >
      {heart}
      <span>{card.likeCount}</span>
    </button>
  );
}

export function NoteCard({ card, viewerId }: { card: FeedCard; viewerId: string | null }) {
  return (
    <article className="note-card" data-testid="note-card">
      <Link to={`/notes/${card.id}`} className="note-card-link">
        {card.cover ? (
          <span className="note-card-cover" style={{ aspectRatio: `1 / ${coverRatio(card.cover)}` }}>
            <img src={card.cover.url} alt="" loading="lazy" />
            <KindBadge kind={card.kind} />
            <PriceTag items={card.items} />
            <DistanceBadge km={card.distanceKm} />
          </span>
        ) : (
          <span className={`note-card-cover note-card-text kind-bg-${card.kind}`}>
            <span className="note-card-quote" aria-hidden="true">
              {card.title}
            </span>
            <KindBadge kind={card.kind} />
            <PriceTag items={card.items} />
            <DistanceBadge km={card.distanceKm} />
          </span>
        )}
        <h3 className="note-card-title">{card.title}</h3>
        <ReasonLine reason={card.reason} />
      </Link>
      <div className="note-card-foot">
        <Link to={`/u/${card.author.id}`} className="note-card-author">
          <Avatar url={card.author.avatarUrl} name={card.author.displayName} size={20} />
          <span>{card.author.displayName}</span>
        </Link>
        <LikeButton card={card} viewerId={viewerId} />
      </div>
    </article>
  );
}
