// The case steps that need input: the seller's rejection (words and evidence photos) and the
// buyer's return shipment (carrier and tracking number).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { type Photo, PhotoPicker } from '../../items/components/photo-picker.tsx';
import { type AfterSaleCase, useCaseStep } from '../api.ts';
import { describeCaseError } from '../format.ts';

type Props = { open: boolean; c: AfterSaleCase; onClose: () => void };

export function RejectSheet({ open, c, onClose }: Props) {
  const { t } = useTranslation();
  const step = useCaseStep(c);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!text.trim()) return setFieldError(t('aftersale.errors.description'));
    setFieldError(undefined);
    if (photos.some((p) => !p.mediaId && !p.error)) return setError(t('aftersale.errors.photosPending'));
    const mediaIds = photos.flatMap((p) => (p.mediaId ? [p.mediaId] : []));
    step.mutate({ step: 'reject', body: { description: text.trim(), mediaIds } }, { onSuccess: onClose, onError: (err) => setError(describeCaseError(t, err)) });
  };
  return (
    <Sheet open={open} title={t('aftersale.rejectTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="sheet-text">{t('aftersale.rejectBody')}</p>
        <TextAreaField label={t('aftersale.rejectReason')} maxChars={1000} maxLength={1000} rows={4} value={text} onChange={(e) => setText(e.target.value)} error={fieldError} />
        <PhotoPicker photos={photos} onChange={(u) => setPhotos(u)} hint={t('aftersale.evidenceHint')} cover={false} />
        <FormAlert message={error} />
        <Button type="submit" block busy={step.isPending}>
          {t('aftersale.actions.reject')}
        </Button>
      </form>
    </Sheet>
  );
}

export function ReturnSheet({ open, c, onClose }: Props) {
  const { t } = useTranslation();
  const step = useCaseStep(c);
  const [v, setV] = useState({ carrier: '', trackingNumber: '' });
  const [errors, setErrors] = useState<{ carrier?: string; trackingNumber?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!v.carrier.trim()) errs.carrier = t('order.errors.carrier');
    if (!/^[A-Za-z0-9-]{4,40}$/.test(v.trackingNumber.trim())) errs.trackingNumber = t('order.errors.tracking');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    step.mutate(
      { step: 'return', body: { carrier: v.carrier.trim(), trackingNumber: v.trackingNumber.trim() } },
      { onSuccess: onClose, onError: (err) => setError(describeCaseError(t, err)) },
    );
  };
  return (
    <Sheet open={open} title={t('aftersale.returnTitle')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('order.carrier')} maxLength={30} placeholder={t('order.carrierPlaceholder')} value={v.carrier} onChange={(e) => setV((x) => ({ ...x, carrier: e.target.value }))} error={errors.carrier} />
        <TextField label={t('order.tracking')} maxLength={40} className="input mono" value={v.trackingNumber} onChange={(e) => setV((x) => ({ ...x, trackingNumber: e.target.value }))} error={errors.trackingNumber} />
        <FormAlert message={error} />
        <Button type="submit" block busy={step.isPending}>
          {t('aftersale.actions.return')}
        </Button>
      </form>
    </Sheet>
  );
}
