// An order-status card, posted by the system whenever the order between the two moves on.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { yuan } from '../../../lib/format.ts';
import { orderWords } from '../format.ts';
import type { ChatOrder } from '../types.ts';

export function OrderMessage({ order }: { order: ChatOrder }) {
  const { t } = useTranslation();
  const completed = (order.event ?? order.status) === 'completed' || order.event === 'auto_confirmed';
  const body = (
    <>
      <span className="chat-order-top">
        <span className="chat-tag">{t('chat.orderCard.label')}</span>
        <strong>{orderWords(t, order.event ?? order.status)}</strong>
      </span>
      <span className="chat-order-title">{order.itemTitle}</span>
      <span className="chat-order-foot">
        <span>{t('chat.orderCard.total', { total: yuan(order.total) })}</span>
        {order.role && (
          <span className="chat-order-go">
            {/* A completed trade's card asks for the review (blind until both have written). */}
            {completed ? t('reviews.askReview') : t('chat.orderCard.view')} <ChevronIcon size={14} />
          </span>
        )}
      </span>
    </>
  );
  // Only the buyer and the seller can open an order; a card is theirs, but say so in code.
  return order.role ? (
    <Link
      to={completed ? `/orders/${order.id}#reviews-title` : `/orders/${order.id}`}
      className="chat-card chat-order"
      data-testid="chat-order-card"
      data-event={order.event ?? ''}
    >
      {body}
    </Link>
  ) : (
    <div className="chat-card chat-order" data-testid="chat-order-card">
      {body}
    </div>
  );
}
