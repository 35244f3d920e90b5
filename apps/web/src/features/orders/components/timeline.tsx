import { useTranslation } from 'react-i18next';
import { TimelineCard } from '../../../ui/timeline.tsx';
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
  const steps = order.events.map((e) => ({
    type: e.type,
    at: e.at,
    what:
      e.type === 'completed' && order.delivery === 'pickup'
        ? t('order.events.handedOver')
        : isKnown(e.type)
          ? t(`order.events.${e.type}`)
          : isAfterSaleEvent(e.type)
            ? t(`aftersale.orderEvents.${e.type}`)
            : e.type,
    by: t(`order.by.${e.by}`),
  }));
  return (
    <>
      {/* A shipped parcel's own story comes first (the carrier's events). */}
      <ParcelTracking order={order} />
      <TimelineCard title={t('order.timeline')} id="timeline-title" testId="timeline" steps={steps} />
    </>
  );
}
