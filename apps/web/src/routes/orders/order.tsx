// One order, for its buyer or its seller: where it stands, what happened, what it cost (and,
// for the seller, the fee and what they get), the pickup code, and what to do next.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AfterSaleEntry } from '../../features/aftersale/components/after-sale-entry.tsx';
import { describeTradeError } from '../../lib/errors.ts';
import { conditionName, deliveryName, yuan } from '../../lib/format.ts';
import { type Order, useOrder } from '../../features/orders/api.ts';
import { DeliveredContent } from '../../features/orders/components/delivered-content.tsx';
import { MoneyRows } from '../../features/orders/components/money-rows.tsx';
import { OrderActions } from '../../features/orders/components/order-actions.tsx';
import { OrderParty } from '../../features/orders/components/order-party.tsx';
import { OrderStatusHeader } from '../../features/orders/components/order-status.tsx';
import { PickupCode } from '../../features/orders/components/pickup-code.tsx';
import { ReservationCard } from '../../features/orders/components/reservation.tsx';
import { Timeline } from '../../features/orders/components/timeline.tsx';
import { OrderReviews } from '../../features/reviews/components/order-reviews.tsx';
import { ApiError } from '../../lib/api.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const header = <PageHeader title={t('order.title')} back="/orders" />;
  if (order.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (order.isError) {
    const missing = order.error instanceof ApiError && order.error.status === 404;
    return (
      <>
        {header}
        <ErrorState
          message={missing ? t('order.notFound') : describeTradeError(t, order.error)}
          onRetry={missing ? undefined : () => void order.refetch()}
        />
      </>
    );
  }
  const o = order.data;
  return (
    <div className="order-page">
      {header}
      {/* Two columns on desktop (the order | its history); invisible wrappers on a phone. */}
      <div className="order-main">
        <OrderStatusHeader order={o} />
        <ReservationCard order={o} />
        {o.pickupCode && o.status === 'paid' && <PickupCode code={o.pickupCode} />}
        <DeliveredContent order={o} />
        <OrderItem order={o} />
        <OrderParty order={o} />
        {o.address && (
          <section className="card" aria-labelledby="ship-to">
            <h2 className="card-title" id="ship-to">
              {t('order.address')}
            </h2>
            <p className="address-who">
              {o.address.name} <span className="muted">{o.address.phone}</span>
            </p>
            <p className="address-line">{o.address.line}</p>
            {o.carrier && (
              <p className="tracking" data-testid="tracking">
                {t('order.trackingLine', { carrier: o.carrier, number: o.trackingNumber ?? '' })}
              </p>
            )}
          </section>
        )}
        <section className="card" aria-labelledby="money-title" data-testid="money">
          <h2 className="card-title" id="money-title">
            {t('order.money')}
          </h2>
          <MoneyRows
            rows={[
              { label: t('money.itemTotal', { price: yuan(o.unitPrice), quantity: o.quantity }), amount: o.itemTotal },
              ...(o.delivery === 'shipping' ? [{ label: t('money.shipping'), amount: o.shippingFee }] : []),
            ]}
            total={o.total}
            after={
              o.role === 'seller'
                ? [
                    { label: t('money.fee'), amount: o.fee, negative: true },
                    { label: t('money.proceeds'), amount: o.sellerProceeds, strong: true },
                  ]
                : []
            }
          />
        </section>
        <AfterSaleEntry orderId={o.id} status={o.status} />
        <OrderReviews orderId={o.id} status={o.status} role={o.role} />
      </div>
      <div className="order-side">
        <Timeline order={o} />
        <p className="order-meta muted small">
          {t('order.number', { id: o.id })} · {deliveryName(o.delivery)}
        </p>
        <OrderActions order={o} />
      </div>
    </div>
  );
}

function OrderItem({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Link to={`/items/${order.itemId}`} className="card order-item">
      {order.item.coverUrl ? (
        <img src={order.item.coverUrl} alt="" className="order-cover" />
      ) : (
        <span className="order-cover" />
      )}
      <span className="order-item-text">
        <span className="order-item-title">{order.item.title}</span>
        <span className="muted small">
          {[conditionName(order.item.condition), t('order.qty', { count: order.quantity })].filter(Boolean).join(' · ')}
        </span>
        <span className="order-item-price">{yuan(order.unitPrice)}</span>
      </span>
    </Link>
  );
}
