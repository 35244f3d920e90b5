// The sandbox payment sheet: places the order (once per attempt) and pays it into escrow.
// 202 means the gateway is still confirming: we look at the order until it says paid.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api.ts';
import { ShieldIcon } from '../../../ui/icons.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import {
  type Order,
  type PlaceOrderInput,
  fetchOrder,
  newIdempotencyKey,
  orderKey,
  payOrder,
  placeOrder,
} from '../api.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const POLL_MS = 1000;
const POLL_TRIES = 20;

type Props = {
  open: boolean;
  total: number;
  /** The order to place, or an existing unpaid order to pay. */
  input: PlaceOrderInput | null;
  existing?: Order | null;
  onClose: (placed: Order | null) => void;
};

export function PaySheet({ open, total, input, existing = null, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [phase, setPhase] = useState<'idle' | 'paying' | 'confirming'>('idle');
  const [error, setError] = useState<string | null>(null);
  const placed = useRef<Order | null>(existing);
  // One key per checkout attempt: a retried tap with the same terms replays, never re-orders.
  const placeKey = useRef<{ body: string; key: string } | null>(null);

  const orderFor = async (): Promise<Order> => {
    if (placed.current) return placed.current;
    if (!input) throw new Error('nothing to order');
    const body = JSON.stringify(input);
    if (placeKey.current?.body !== body) placeKey.current = { body, key: newIdempotencyKey() };
    placed.current = await placeOrder(input, placeKey.current.key);
    return placed.current;
  };

  const pay = async () => {
    setError(null);
    setPhase('paying');
    try {
      const order = await orderFor();
      // A 202 leaves the order as it was (unpaid, or reserved while the rest is confirmed).
      const before = order.status;
      let paid = await payOrder(order.id, newIdempotencyKey());
      if (paid.status === before) {
        setPhase('confirming');
        for (let i = 0; i < POLL_TRIES && paid.status === before; i++) {
          await sleep(POLL_MS);
          paid = await fetchOrder(order.id);
        }
      }
      qc.setQueryData(orderKey(paid.id), paid);
      void qc.invalidateQueries({ queryKey: ['items'] });
      void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
      await navigate(`/orders/${paid.id}`, { replace: !!existing });
    } catch (err) {
      setPhase('idle');
      const expired = err instanceof ApiError && err.code === 'order_expired';
      if (expired) placed.current = null;
      setError(describeTradeError(t, err));
    }
  };

  const close = () => {
    if (phase !== 'idle') return;
    onClose(placed.current);
  };

  return (
    <Sheet open={open} title={t('pay.title')} onClose={close} className="pay-sheet">
      <p className="pay-amount" data-testid="pay-amount">
        {yuan(total)}
      </p>
      <p className="pay-sandbox">{t('pay.sandbox')}</p>
      <div className="pay-escrow">
        <ShieldIcon size={20} />
        <span>
          <strong>{t('pay.escrowTitle')}</strong>
          {t('pay.escrowBody')}
        </span>
      </div>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary btn-block"
        disabled={phase !== 'idle'}
        aria-busy={phase !== 'idle' || undefined}
        onClick={() => void pay()}
      >
        {phase === 'confirming'
          ? t('pay.confirming')
          : phase === 'paying'
            ? t('pay.paying')
            : total === 0
              ? t('pay.confirmFree')
              : t('pay.confirm')}
      </button>
    </Sheet>
  );
}
