// A reservation (定金托管) on the order page: the deposit held and the rest due, the hold's
// countdown (the deposit comes back when it ends), and after the seller's no-show claim the
// buyer's time to contest it by an after-sale case.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../../../lib/format.ts';
import type { Order } from '../api.ts';
import { MoneyRows } from './money-rows.tsx';

/** "13 小时 05 分" until `iso`, ticking every 30 s; null without a deadline. */
function useHoursLeft(iso: string | null): { h: number; m: string } | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [iso]);
  if (!iso) return null;
  const min = Math.max(0, Math.floor((new Date(iso).getTime() - now) / 60_000));
  return { h: Math.floor(min / 60), m: String(min % 60).padStart(2, '0') };
}

export function ReservationCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  const hold = useHoursLeft(order.status === 'reserved' ? order.reservedUntil : null);
  const contest = useHoursLeft(order.status === 'reserved' ? order.contestUntil : null);
  if (order.deposit === null || !['pending_payment', 'reserved'].includes(order.status)) return null;
  return (
    <section className="card reservation-card" aria-labelledby="reservation-title" data-testid="reservation">
      <h2 className="card-title" id="reservation-title">
        {t('reservation.title')}
      </h2>
      <MoneyRows
        rows={[
          { label: t('reservation.deposit'), amount: order.deposit },
          { label: t('reservation.rest'), amount: order.total - order.deposit },
        ]}
        total={order.total}
      />
      {hold && order.reservedUntil && (
        <>
          <p className="reservation-countdown" role="timer" data-testid="reservation-countdown">
            {t('reservation.holdLeft', { time: t('reservation.hours', hold) })}
          </p>
          <p className="muted small">{t('reservation.holdEnds', { date: dateTime(order.reservedUntil) })}</p>
        </>
      )}
      {contest && (
        <>
          <p className="reservation-countdown" role="timer" data-testid="contest-countdown">
            {t('reservation.contestLeft', { time: t('reservation.hours', contest) })}
          </p>
          {order.role === 'buyer' && <p className="muted small">{t('reservation.contestHint')}</p>}
        </>
      )}
    </section>
  );
}
