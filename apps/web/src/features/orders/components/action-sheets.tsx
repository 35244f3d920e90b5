// The order actions that need input: cancel (optional reason), ship (carrier + tracking number),
// hand-over (the buyer's 6-digit pickup code, typed by the seller or scanned from their QR).
import { type FormEvent, type ReactNode, Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { type Order, useOrderAction } from '../api.ts';

// The camera and the QR decoder load only when a seller opens the scanner.
const PickupScanner = lazy(() => import('../scan/pickup-scanner.tsx'));

type SheetProps = { open: boolean; order: Order; onClose: () => void };

function ActionForm({
  onSubmit,
  busy,
  error,
  label,
  children,
}: {
  onSubmit: () => void;
  busy: boolean;
  error: string | null;
  label: string;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {children}
      <FormAlert message={error} />
      <Button type="submit" block busy={busy}>
        {label}
      </Button>
    </form>
  );
}

export function CancelSheet({ open, order, onClose }: SheetProps) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () =>
    act.mutate(
      { action: 'cancel', body: reason.trim() ? { reason: reason.trim() } : {} },
      { onSuccess: onClose, onError: (err) => setError(describeTradeError(t, err)) },
    );
  return (
    <Sheet open={open} title={t('order.cancelTitle')} onClose={onClose}>
      <ActionForm onSubmit={submit} busy={act.isPending} error={error} label={t('order.cancelYes')}>
        <p className="sheet-text">
          {order.status === 'reserved'
            ? t('reservation.cancelReserved')
            : order.status === 'paid'
              ? t('order.cancelPaid')
              : t('order.cancelUnpaid')}
        </p>
        <TextField
          label={t('order.cancelReason')}
          optional
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ActionForm>
    </Sheet>
  );
}

export function ShipSheet({ open, order, onClose }: SheetProps) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const [v, setV] = useState({ carrier: '', trackingNumber: '' });
  const [errors, setErrors] = useState<{ carrier?: string; trackingNumber?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const errs: typeof errors = {};
    if (!v.carrier.trim()) errs.carrier = t('order.errors.carrier');
    if (!/^[A-Za-z0-9-]{4,40}$/.test(v.trackingNumber.trim())) errs.trackingNumber = t('order.errors.tracking');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    act.mutate(
      { action: 'ship', body: { carrier: v.carrier.trim(), trackingNumber: v.trackingNumber.trim() } },
      { onSuccess: onClose, onError: (err) => setError(describeTradeError(t, err)) },
    );
  };
  return (
    <Sheet open={open} title={t('order.shipTitle')} onClose={onClose}>
      <ActionForm onSubmit={submit} busy={act.isPending} error={error} label={t('order.shipYes')}>
        {order.address && (
          <p className="sheet-text">
            {t('order.shipTo', { name: order.address.name, phone: order.address.phone, line: order.address.line })}
          </p>
        )}
        <TextField
          label={t('order.carrier')}
          maxLength={30}
          placeholder={t('order.carrierPlaceholder')}
          value={v.carrier}
          onChange={(e) => setV((x) => ({ ...x, carrier: e.target.value }))}
          error={errors.carrier}
        />
        <TextField
          label={t('order.tracking')}
          maxLength={40}
          autoCapitalize="characters"
          className="input mono"
          value={v.trackingNumber}
          onChange={(e) => setV((x) => ({ ...x, trackingNumber: e.target.value }))}
          error={errors.trackingNumber}
        />
      </ActionForm>
    </Sheet>
  );
}

export function HandoverSheet({ open, order, onClose }: SheetProps) {
  const { t } = useTranslation();
  const act = useOrderAction(order.id);
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setError(null);
    if (!/^\d{6}$/.test(code)) {
      setFieldError(t('order.errors.code'));
      return;
    }
    setFieldError(undefined);
    act.mutate(
      { action: 'handover', body: { pickupCode: code } },
      {
        onSuccess: onClose,
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'invalid_pickup_code') setFieldError(describeTradeError(t, err));
          else setError(describeTradeError(t, err));
        },
      },
    );
  };
  return (
    <Sheet open={open} title={t('order.handoverTitle')} onClose={onClose}>
      <ActionForm onSubmit={submit} busy={act.isPending} error={error} label={t('order.handoverYes')}>
        <p className="sheet-text">{t('order.handoverBody')}</p>
        {scanning ? (
          <Suspense fallback={<p className="muted small">{t('scan.starting')}</p>}>
            <PickupScanner
              onCode={(c) => {
                setCode(c);
                setScanned(c);
                setFieldError(undefined);
                setScanning(false);
              }}
              onClose={() => setScanning(false)}
            />
          </Suspense>
        ) : (
          <Button
            variant="secondary"
            block
            data-testid="open-scanner"
            onClick={() => {
              setScanned(null);
              setScanning(true);
            }}
          >
            {t('scan.open')}
          </Button>
        )}
        {scanned && (
          <p className="scan-found" role="status" data-testid="scan-found">
            {t('scan.found', { code: scanned })}
          </p>
        )}
        <TextField
          label={t('order.pickupCodeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          className="input mono code-input"
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          error={fieldError}
        />
      </ActionForm>
    </Sheet>
  );
}
