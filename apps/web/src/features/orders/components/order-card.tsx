import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateTime, yuan } from '../../../lib/format.ts';
import type { Order } from '../api.ts';
import { statusLabelKey } from './order-status.tsx';

/** An order in a list: cover, title, total, status. */
export function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/orders/${order.id}`} className="card order-card" data-testid="order-card">
        {order.item.coverUrl ? (
          <img src={order.item.coverUrl} alt="" className="order-cover" />
        ) : (
          <span className="order-cover" />
        )}
        <span className="order-item-text">
          <span className="order-item-title">{order.item.title}</span>
          <span className="muted small">
            {dateTime(order.createdAt)} · {t('order.qty', { count: order.quantity })}
          </span>
          <span className="order-card-total">
            {t('money.total')} <strong>{yuan(order.total)}</strong>
          </span>
        </span>
        <span className={`order-card-status status-${order.status}`}>{t(statusLabelKey(order))}</span>
      </Link>
    </li>
  );
}
