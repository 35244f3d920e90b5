// One review as others see it: stars, tags, words, who wrote it and about which trade, the
// refund mark, and the reviewed member's reply (with a reply box for them when there is none).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { Button } from '../../../ui/button.tsx';
import { describeReviewError } from '../errors.ts';
import { type Review, useReplyToReview } from '../api.ts';
import { Stars } from './stars.tsx';

export function ReviewItem({ review, subjectId, canReply }: { review: Review; subjectId: string; canReply: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="review" data-testid="review">
      <div className="review-head">
        {review.author ? (
          <Link to={`/u/${review.author.id}`} className="review-author">
            <Avatar url={review.author.avatarUrl} name={review.author.displayName} size={28} />
            <span>{review.author.displayName}</span>
          </Link>
        ) : (
          <span className="review-author muted">{t('reviews.deletedAuthor')}</span>
        )}
        <span className="muted small">{review.authorRole === 'buyer' ? t('reviews.fromBuyer') : t('reviews.fromSeller')}</span>
      </div>
      <div className="review-meta">
        <Stars value={review.rating} />
        {review.refunded && <span className="badge badge-accent">{t('reviews.refunded')}</span>}
        <time className="muted small" dateTime={review.createdAt}>
          {formatDate(review.createdAt)}
        </time>
      </div>
      {review.tags.length > 0 && (
        <ul className="review-tags">
          {review.tags.map((tag) => (
            <li key={tag}>{t(`reviews.tags.${tag}`)}</li>
          ))}
        </ul>
      )}
      {review.text && <p className="review-text">{review.text}</p>}
      {review.itemTitle && <p className="muted small review-item-title">{review.itemTitle}</p>}
      {review.reply ? (
        <p className="review-reply">{t('reviews.sellerReply', { text: review.reply })}</p>
      ) : (
        canReply && <ReplyBox reviewId={review.id} subjectId={subjectId} />
      )}
    </li>
  );
}

function ReplyBox({ reviewId, subjectId }: { reviewId: string; subjectId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const reply = useReplyToReview(subjectId);
  if (!open)
    return (
      <Button variant="ghost" className="review-reply-open" onClick={() => setOpen(true)}>
        {t('reviews.reply')}
      </Button>
    );
  return (
    <form
      className="review-reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) reply.mutate({ reviewId, text: text.trim() });
      }}
    >
      <label className="sr-only" htmlFor={`reply-${reviewId}`}>
        {t('reviews.replyLabel')}
      </label>
      <textarea
        id={`reply-${reviewId}`}
        className="input textarea"
        maxLength={300}
        value={text}
        placeholder={t('reviews.replyPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      {reply.isError && <p className="field-error">{describeReviewError(t, reply.error)}</p>}
      <Button type="submit" busy={reply.isPending} disabled={!text.trim()}>
        {t('reviews.sendReply')}
      </Button>
    </form>
  );
}
