import { useTranslation } from 'react-i18next';
import { dateTime as when } from '../../../lib/format.ts';
import { isAfterSaleEvent } from '../../aftersale/order-events.ts';
import type { Order } from '../api.ts';
import { ParcelTracking } from './parcel-tracking.tsx';

const KNOWN = [
  'placed',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'auto_confirmed',
  'cancelled',
  'expired',
  'refunded',
  'reserved',
  'no_show',
  'deposit_settled',
  'deposit_refunded',
  'reservation_expired',
] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (s: string): s is Known => (KNOWN as readonly string[]).includes(s);

/** Every event of the order, newest first, with who did it. */
export function Timeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const events = [...order.events].reverse();
  return (
    <>
      {/* A shipped parcel's own story comes first (the carrier's events). */}
      <ParcelTracking order={order} />
      <section className="card" aria-labelledby="timeline-title">
        <h2 className="card-title" id="timeline-title">
          {t('order.timeline')}
        </h2>
        <ol className="timeline" data-testid="timeline">
          {events.map((e, i) => (
            <li key={`${e.type}-${e.at}`} className={i === 0 ? 'timeline-now' : ''}>
              <span className="timeline-dot" aria-hidden="true" />
              <span className="timeline-what">
                {e.type === 'completed' && order.delivery === 'pickup'
                  ? t('order.events.handedOver')
                  : isKnown(e.type)
                    ? t(`order.events.${e.type}`)
                    : isAfterSaleEvent(e.type)
                      ? t(`aftersale.orderEvents.${e.type}`)
                      : e.type}
                <span className="muted"> · {t(`order.by.${e.by}`)}</span>
              </span>
              <time className="timeline-when" dateTime={e.at}>
                {when(e.at)}
              </time>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
