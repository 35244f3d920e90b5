// The head of an order page: where it stands in words, for this viewer's role and delivery.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { yuan } from '../../../lib/format.ts';
import type { Order } from '../api.ts';

/** The list label: "待发货" for a paid shipping order, "待自提" for a pickup one, … */
export function statusLabelKey(o: Pick<Order, 'status' | 'delivery'>) {
  if (o.status === 'paid') return `orders.status.paid_${o.delivery}` as const;
  return `orders.status.${o.status}` as const;
}

/** The whole minutes from `from` to `to`: the rule's value this order was given (its deadlines are written on it). */
const minutesBetween = (from: string | null, to: string | null) => (from && to ? Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60_000) : 0);

export function OrderStatusHeader({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { status, role, delivery } = order;
  // An unpaid order the system let lapse carries a code as its reason ('unpaid'), not words a
  // member typed: say what happened instead of showing the code.
  const expired = order.events.some((e) => e.type === 'expired');
  let body: string;
  switch (status) {
    case 'pending_payment':
      body = role === 'buyer' ? t('order.sub.pendingBuyer') : t('order.sub.pendingSeller', { minutes: minutesBetween(order.createdAt, order.expiresAt) });
      break;
    case 'reserved':
      body = order.noShowAt
        ? t(role === 'buyer' ? 'order.sub.noShowBuyer' : 'order.sub.noShowSeller', { hours: Math.round(minutesBetween(order.noShowAt, order.contestUntil) / 60) })
        : t(role === 'buyer' ? 'order.sub.reservedBuyer' : 'order.sub.reservedSeller');
      break;
    case 'paid':
      body = t(`order.sub.paid_${delivery}_${role}`);
      break;
    case 'shipped':
    case 'delivered':
      body =
        role === 'buyer'
          ? t('order.sub.receiveBuyer', { date: order.autoConfirmAt ? formatDate(order.autoConfirmAt) : '—' })
          : t('order.sub.receiveSeller');
      break;
    case 'completed':
      body =
        role === 'seller'
          ? t('order.sub.completedSeller', { amount: yuan(order.sellerProceeds) })
          : t('order.sub.completedBuyer');
      break;
    case 'cancelled':
      body = expired
        ? t('order.sub.expired')
        : order.cancelReason === 'no_show'
          ? t('order.sub.noShowSettled')
          : order.depositPaid && !order.events.some((e) => e.type === 'paid')
            ? t('order.sub.cancelledDeposit')
            : order.events.some((e) => e.type === 'paid')
          ? t('order.sub.cancelledRefund')
          : t('order.sub.cancelled');
      break;
    default:
      body = '';
  }
  return (
    <section className={`order-status order-status-${status}`} data-testid="order-status">
      <h1 className="order-status-title">{t(statusLabelKey(order))}</h1>
      {body && <p className="order-status-body">{body}</p>}
      {status === 'cancelled' && !expired && order.cancelReason && !['no_show', 'reservation_expired'].includes(order.cancelReason) && (
        <p className="order-status-reason" data-testid="cancel-reason">
          {t('order.cancelledBecause', { reason: order.cancelReason })}
        </p>
      )}
    </section>
  );
}
