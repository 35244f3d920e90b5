// 申请售后: what is wrong, in words and photos, with or without returning the item, and how much
// (the whole order by default; less for a partial refund agreed with the seller).
import { fenToYuanInput, parseYuan } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import { type Photo, PhotoPicker } from '../../items/components/photo-picker.tsx';
import { yuan } from '../../../lib/format.ts';
import { type CaseReason, REASONS, useOpenCase } from '../api.ts';
import { describeCaseError } from '../format.ts';
import { Choices } from './choices.tsx';

export function OpenCaseForm({ orderId, total }: { orderId: string; total: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenCase(orderId);
  const [reason, setReason] = useState<CaseReason | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [returnItem, setReturnItem] = useState(false);
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; description?: string; amount?: string }>({});
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const errs: typeof errors = {};
    if (!reason) errs.reason = t('aftersale.errors.reason');
    if (!description.trim()) errs.description = t('aftersale.errors.description');
    const fen = amount.trim() ? parseYuan(amount) : total;
    if (fen === null || fen > total || (fen === 0 && total > 0)) errs.amount = t('aftersale.errors.amount', { total: fenToYuanInput(total) });
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !reason || fen === null) return;
    if (photos.some((p) => !p.mediaId && !p.error)) return setError(t('aftersale.errors.photosPending'));
    const mediaIds = photos.flatMap((p) => (p.mediaId ? [p.mediaId] : []));
    open.mutate(
      { reason, description: description.trim(), mediaIds, returnItem, ...(fen !== total ? { amount: fen } : {}) },
      { onSuccess: (c) => navigate(`/after-sales/${c.id}`, { replace: true }), onError: (err) => setError(describeCaseError(t, err)) },
    );
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="open-case-form">
      <Choices
        name="reason"
        label={t('aftersale.reasonLabel')}
        options={REASONS.map((r) => ({ value: r, label: t(`aftersale.reasons.${r}`) }))}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
      <TextAreaField
        label={t('aftersale.descriptionLabel')}
        placeholder={t('aftersale.descriptionPlaceholder')}
        maxChars={1000}
        maxLength={1000}
        rows={4}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.description}
      />
      <PhotoPicker photos={photos} onChange={(u) => setPhotos(u)} hint={t('aftersale.evidenceHint')} cover={false} />
      <label className="switch-row">
        <input type="checkbox" checked={returnItem} onChange={(e) => setReturnItem(e.target.checked)} />
        <span>
          <strong>{t('aftersale.returnItem')}</strong>
          <span className="muted small">{t('aftersale.returnItemHint')}</span>
        </span>
      </label>
      <TextField
        label={t('aftersale.amountLabel')}
        optional
        inputMode="decimal"
        placeholder={fenToYuanInput(total)}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={t('aftersale.amountHint', { total: yuan(total) })}
        error={errors.amount}
      />
      <FormAlert message={error} />
      <Button type="submit" block busy={open.isPending}>
        {t('aftersale.submit')}
      </Button>
    </form>
  );
}
