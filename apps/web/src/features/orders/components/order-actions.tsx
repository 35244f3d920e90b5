// What the viewer may do now (the order's `actions`), each behind its own sheet: pay with the
// 15-minute countdown, cancel with a reason, ship, mark delivered, confirm receipt, hand over.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../../ui/sheet.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import { useRules } from '../../../lib/rules.ts';
import { type Order, type OrderAction, useOrderAction } from '../api.ts';
import { useCountdown } from '../use-countdown.ts';
import { CancelSheet, HandoverSheet, ShipSheet } from './action-sheets.tsx';
import { DeliverSheet } from './deliver-sheet.tsx';
import { PaySheet } from './pay-sheet.tsx';

type Open = OrderAction | null;

export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation();
  // The buyer's time to contest a no-show (noShowContestHours) is the operator's.
  const contestHours = useRules().data?.noShowContestHours;
  const [open, setOpen] = useState<Open>(null);
  const [error, setError] = useState<string | null>(null);
  const act = useOrderAction(order.id);
  const left = useCountdown(order.expiresAt);
  // A reservation's first payment is its deposit, the next the rest.
  const due = order.deposit === null ? order.total : order.status === 'reserved' ? order.total - order.deposit : order.deposit;
  const can = (a: OrderAction) => order.actions.includes(a);
  const close = () => {
    setOpen(null);
    setError(null);
  };
  const run = (a: 'confirm' | 'no-show') =>
    act.mutate({ action: a }, { onSuccess: close, onError: (err) => setError(describeTradeError(t, err)) });

  if (order.actions.length === 0) return null;
  return (
    <>
      {can('pay') && left !== null && (
        <p className="countdown" role="timer" data-testid="countdown">
          {t('order.payWithin', { time: left })}
        </p>
      )}
      <div className="action-bar">
        {can('cancel') && (
          <button type="button" className="btn btn-secondary" onClick={() => setOpen('cancel')}>
            {t('order.actions.cancel')}
          </button>
        )}
        {can('pay') && (
          <button type="button" className="btn btn-primary btn-grow" onClick={() => setOpen('pay')}>
            {order.status === 'reserved'
              ? t('order.actions.payRest', { amount: yuan(due) })
              : t('order.actions.pay', { amount: yuan(due) })}
          </button>
        )}
        {can('ship') && (
          <button type="button" className="btn btn-primary btn-grow" onClick={() => setOpen('ship')}>
            {t('order.actions.ship')}
          </button>
        )}
        {can('deliver') && (
          <button type="button" className="btn btn-primary btn-grow" onClick={() => setOpen('deliver')}>
            {t('order.actions.deliver')}
          </button>
        )}
        {can('handover') && (
          <button type="button" className="btn btn-primary btn-grow" onClick={() => setOpen('handover')}>
            {t('order.actions.handover')}
          </button>
        )}
        {can('no_show') && (
          <button type="button" className="btn btn-secondary btn-grow" onClick={() => setOpen('no_show')}>
            {t('order.actions.noShow')}
          </button>
        )}
        {can('confirm') && (
          <button type="button" className="btn btn-primary btn-grow" onClick={() => setOpen('confirm')}>
            {t('order.actions.confirm')}
          </button>
        )}
      </div>

      {can('pay') && (
        <PaySheet open={open === 'pay'} total={due} input={null} existing={order} onClose={close} />
      )}
      <CancelSheet open={open === 'cancel'} order={order} onClose={close} />
      <ShipSheet open={open === 'ship'} order={order} onClose={close} />
      <HandoverSheet open={open === 'handover'} order={order} onClose={close} />
      {/* An online delivery carries what is delivered (issue 15): the sheet takes it. */}
      {can('deliver') && <DeliverSheet open={open === 'deliver'} order={order} onClose={close} />}
      <ConfirmSheet
        open={open === 'no_show'}
        title={t('reservation.noShowTitle')}
        body={t(contestHours === undefined ? 'reservation.noShowBodyShort' : 'reservation.noShowBody', { amount: yuan(order.deposit ?? 0), hours: contestHours })}
        confirmLabel={t('reservation.noShowYes')}
        busy={act.isPending}
        error={error}
        onConfirm={() => run('no-show')}
        onClose={close}
      />
      <ConfirmSheet
        open={open === 'confirm'}
        title={t('order.confirmTitle')}
        body={t('order.confirmBody', { amount: yuan(order.total) })}
        confirmLabel={t('order.confirmYes')}
        busy={act.isPending}
        error={error}
        onConfirm={() => run('confirm')}
        onClose={close}
      />
    </>
  );
}
