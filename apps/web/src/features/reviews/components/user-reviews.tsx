// A member's reviews on their profile: the average, the count and the tag cloud, then the
// reviews themselves (visible ones only — the API never sends a blind one).
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button.tsx';
import { useUserReviews } from '../api.ts';
import { ReviewItem } from './review-item.tsx';
import { Stars } from './stars.tsx';

export function UserReviews({ userId, viewerId }: { userId: string; viewerId: string | null }) {
  const { t } = useTranslation();
  const reviews = useUserReviews(userId);
  const pages = reviews.data?.pages ?? [];
  const first = pages[0];
  if (!first) return null;
  const items = pages.flatMap((p) => p.items);
  const { summary } = first;
  return (
    <section className="card user-reviews" aria-labelledby="user-reviews-title" data-testid="user-reviews">
      <div className="user-reviews-head">
        <h2 className="card-title" id="user-reviews-title">
          {t('reviews.title')}
        </h2>
        {summary.average !== null && (
          <span className="user-reviews-summary">
            <Stars value={summary.average} />
            <span className="muted small">{t('reviews.summary', { avg: summary.average.toFixed(1), count: summary.count })}</span>
          </span>
        )}
      </div>
      {summary.tags.length > 0 && (
        <ul className="review-tags review-cloud" aria-label={t('reviews.title')}>
          {summary.tags.map((c) => (
            <li key={c.tag}>
              {t(`reviews.tags.${c.tag}`)} <span className="muted">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
      {items.length === 0 ? (
        <p className="muted small">{t('reviews.empty')}</p>
      ) : (
        <ul className="review-list">
          {items.map((r) => (
            <ReviewItem key={r.id} review={r} subjectId={userId} canReply={viewerId === userId} />
          ))}
        </ul>
      )}
      {reviews.hasNextPage && (
        <Button variant="ghost" block busy={reviews.isFetchingNextPage} onClick={() => void reviews.fetchNextPage()}>
          {t('reviews.more')}
        </Button>
      )}
    </section>
  );
}
