// The review card on a completed order: write yours (blind until both have written), then see
// both; the other side's words stay hidden until then.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { Button } from '../../../ui/button.tsx';
import { type ReviewTag, type Review, useOrderReviews, useWriteReview } from '../api.ts';
import { describeReviewError } from '../errors.ts';
import { StarInput, Stars } from './stars.tsx';

const REVIEWABLE = ['completed', 'refunding', 'refunded'];

export function OrderReviews({ orderId, status, role }: { orderId: string; status: string; role: 'buyer' | 'seller' }) {
  const { t } = useTranslation();
  const reviews = useOrderReviews(orderId, REVIEWABLE.includes(status));
  if (!REVIEWABLE.includes(status) || !reviews.data) return null;
  const r = reviews.data;
  return (
    <section className="card order-reviews" aria-labelledby="reviews-title" data-testid="order-reviews">
      <h2 className="card-title" id="reviews-title">
        {t('reviews.title')}
      </h2>
      {r.mine ? (
        <ReviewBlock title={t('reviews.mine')} review={r.mine} />
      ) : r.canReview ? (
        <ReviewForm orderId={orderId} tags={r.tags} windowEndsAt={r.windowEndsAt} role={role} />
      ) : (
        <p className="muted small">{t('reviews.closed')}</p>
      )}
      {r.theirs ? (
        <ReviewBlock title={t('reviews.theirs')} review={r.theirs} />
      ) : (
        <p className="muted small" data-testid="theirs-status">
          {r.theirsSubmitted ? t('reviews.theirsWaiting') : t('reviews.theirsNone')}
        </p>
      )}
    </section>
  );
}

function ReviewBlock({ title, review }: { title: string; review: Review }) {
  const { t } = useTranslation();
  return (
    <div className="review-block">
      <h3 className="review-block-title">{title}</h3>
      <Stars value={review.rating} />
      {review.tags.length > 0 && (
        <ul className="review-tags">
          {review.tags.map((tag) => (
            <li key={tag}>{t(`reviews.tags.${tag}`)}</li>
          ))}
        </ul>
      )}
      {review.text && <p className="review-text">{review.text}</p>}
    </div>
  );
}

function ReviewForm({ orderId, tags, windowEndsAt, role }: { orderId: string; tags: ReviewTag[]; windowEndsAt: string | null; role: 'buyer' | 'seller' }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(5);
  const [chosen, setChosen] = useState<ReviewTag[]>([]);
  const [text, setText] = useState('');
  const write = useWriteReview(orderId);
  const toggle = (tag: ReviewTag) => setChosen((c) => (c.includes(tag) ? c.filter((x) => x !== tag) : [...c, tag]));
  return (
    <form
      className="review-form"
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate({ rating, tags: chosen, ...(text.trim() ? { text: text.trim() } : {}) });
      }}
    >
      <h3 className="review-block-title">{role === 'buyer' ? t('reviews.writeSeller') : t('reviews.writeBuyer')}</h3>
      <StarInput value={rating} onChange={setRating} />
      <fieldset className="review-tag-choices">
        <legend className="sr-only">{t('reviews.title')}</legend>
        {tags.map((tag) => (
          <button
            key={tag}
            type="button"
            className={chosen.includes(tag) ? 'tag-choice on' : 'tag-choice'}
            aria-pressed={chosen.includes(tag)}
            onClick={() => toggle(tag)}
          >
            {t(`reviews.tags.${tag}`)}
          </button>
        ))}
      </fieldset>
      <label className="field-label" htmlFor="review-text">
        {t('reviews.textLabel')}
      </label>
      <textarea
        id="review-text"
        className="input textarea"
        maxLength={500}
        value={text}
        placeholder={t('reviews.textPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      {windowEndsAt && <p className="muted small">{t('reviews.blindNote', { date: formatDate(windowEndsAt) })}</p>}
      {write.isError && (
        <p className="field-error" role="alert">
          {describeReviewError(t, write.error)}
        </p>
      )}
      <Button type="submit" block busy={write.isPending}>
        {write.isPending ? t('reviews.submitting') : t('reviews.submit')}
      </Button>
    </form>
  );
}
