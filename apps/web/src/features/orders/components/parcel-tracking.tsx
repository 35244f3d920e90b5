// Where a shipped parcel is (GET /orders/:id/tracking): the stage in words, then the carrier's
// events newest first, for the buyer and the seller. Read again every minute while the page is
// open; tracking informs only — confirming receipt stays the buyer's step (or the auto-confirm).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Schemas, call, client } from '../../../lib/api.ts';
import { dateTime as when } from '../../../lib/format.ts';
import type { Order } from '../api.ts';

export type Tracking = Schemas['Tracking'];

export const useTracking = (order: Order) =>
  useQuery({
    queryKey: ['orders', order.id, 'tracking'],
    enabled: order.delivery === 'shipping' && !!order.carrier,
    queryFn: () => call(client.GET('/api/v1/orders/{id}/tracking', { params: { path: { id: order.id } } })),
    refetchInterval: 60_000,
  });

export function ParcelTracking({ order }: { order: Order }) {
  const { t } = useTranslation();
  const tracking = useTracking(order);
  if (order.delivery !== 'shipping' || !order.carrier) return null;
  const tr = tracking.data;
  return (
    <section className="card parcel" aria-labelledby="parcel-title" data-testid="parcel-tracking">
      <h2 className="card-title" id="parcel-title">
        {t('parcel.title')}
      </h2>
      <p className="muted small">{t('parcel.number', { carrier: order.carrier, number: order.trackingNumber ?? '' })}</p>
      {tracking.isPending ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : !tr ? (
        <p className="muted small">{t('parcel.unavailable')}</p>
      ) : (
        <>
          <p className={`parcel-status parcel-${tr.status}`} data-testid="parcel-status">
            {t(`parcel.status.${tr.status}`)}
            {tr.delayed && <span className="parcel-delayed"> · {t('parcel.delayed')}</span>}
          </p>
          {tr.events.length > 0 && (
            <ol className="timeline" data-testid="parcel-events">
              {tr.events.map((e, i) => (
                <li key={`${e.type}-${e.at}`} className={i === 0 ? 'timeline-now' : ''}>
                  <span className="timeline-dot" aria-hidden="true" />
                  <span className="timeline-what">{t(`parcel.events.${e.type}`, { place: e.location })}</span>
                  <time className="timeline-when" dateTime={e.at}>
                    {when(e.at)}
                  </time>
                </li>
              ))}
            </ol>
          )}
          {tr.status === 'delivered' && order.role === 'buyer' && order.status === 'shipped' && <p className="muted small">{t('parcel.note')}</p>}
        </>
      )}
    </section>
  );
}
