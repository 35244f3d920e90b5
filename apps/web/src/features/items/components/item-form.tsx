// The sell form (create) and the edit form: photos, words, terms, where, and the private floor
// price. Checked here with the shared rules first; the API's field errors land on the same fields.
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS, ITEM_LIMITS } from '@jishi/shared';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { ApiError, call, client } from '../../../lib/api.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextAreaField, TextField } from '../../../ui/field.tsx';
import type { Item, ItemInput } from '../api.ts';
import { describeTradeError } from '../../../lib/errors.ts';
import {
  type FieldErrors,
  type FormValues,
  checkValues,
  isVirtualCategory,
  serverFieldErrors,
} from '../item-form-model.ts';
import { PlaceField } from '../../places/components/place-field.tsx';
import { useSuggestion } from '../../assist/api.ts';
import { PriceHint } from '../../assist/components/price-hint.tsx';
import { PublishSuggestions } from '../../assist/components/publish-suggestions.tsx';
import { fenToYuanInput } from '../../../lib/format.ts';
import { ChoiceField } from './choice-field.tsx';
import { type Photo, PhotoPicker } from './photo-picker.tsx';

type Props = {
  initial: FormValues;
  initialPhotos: Photo[];
  submitLabel: string;
  busyLabel: string;
  /** Saves the item (and the floor price); throws an ApiError on refusal. */
  onSave: (input: ItemInput, floor: number | null) => Promise<Item>;
  /** 智能发布: suggestions from the title as the seller types (the sell page, not edits). */
  assist?: boolean;
};

const useLimits = () =>
  useQuery({
    queryKey: ['items', 'categories'],
    queryFn: () => call(client.GET('/api/v1/items/categories')),
    staleTime: 3_600_000,
  });

/** After the errors render, bring the first marked field into view (the button is far below). */
const showFirstError = () =>
  requestAnimationFrame(() =>
    document.querySelector('.sell-form .field-invalid')?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  );

export function ItemForm({ initial, initialPhotos, submitLabel, busyLabel, onSave, assist = false }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const limits = useLimits();
  const [v, setV] = useState(initial);
  const [photos, setPhotos] = useState(initialPhotos);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggestion = useSuggestion({ title: v.title, description: v.description, photoCount: photos.length }, assist);

  const set = <K extends keyof FormValues>(k: K, value: FormValues[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    // A field that is being fixed stops showing its old error.
    const field = k === 'free' ? 'price' : k === 'place' ? 'location' : k;
    setErrors((e) => (field in e ? { ...e, [field]: undefined } : e));
  };
  const onPhotos = (update: (p: Photo[]) => Photo[]) => {
    setPhotos(update);
    setErrors((e) => ({ ...e, imageIds: undefined }));
  };
  const text = (k: 'title' | 'description' | 'price' | 'quantity' | 'shippingFee' | 'floor') => ({
    value: v[k],
    error: errors[k],
    onChange: (e: { target: { value: string } }) => set(k, e.target.value),
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const pending = photos.some((p) => !p.mediaId && !p.error);
    const failed = photos.some((p) => p.error);
    const ids = photos.flatMap((p) => (p.mediaId ? [p.mediaId] : []));
    const checked = checkValues(t, v, ids, limits.data?.limits.priceCap ?? ITEM_LIMITS.defaultPriceCap);
    if (pending) checked.errors.imageIds = t('sell.errors.uploading');
    if (failed) checked.errors.imageIds = t('sell.errors.photoFailed');
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) {
      setFormError(t('sell.errors.check'));
      showFirstError();
      return;
    }
    setBusy(true);
    try {
      await onSave(checked.input, checked.floor);
    } catch (err) {
      const fields =
        err instanceof ApiError
          ? serverFieldErrors(
              t,
              err.fieldErrors.map((f) => f.path),
            )
          : {};
      if (err instanceof ApiError && err.code === 'quantity_below_reserved')
        fields.quantity = describeTradeError(t, err);
      if (err instanceof ApiError && err.code === 'floor_above_price') fields.floor = t('sell.errors.floorAbove');
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? t('sell.errors.check') : describeTradeError(t, err));
      showFirstError();
      setBusy(false);
    }
  };

  const virtual = isVirtualCategory(v.category);
  const suggestOnline = virtual && !v.delivery.includes('online');
  return (
    <form className="form sell-form" onSubmit={onSubmit} noValidate>
      <section className="card form">
        <PhotoPicker photos={photos} onChange={onPhotos} error={errors.imageIds} />
        <TextField
          label={t('sell.title')}
          name="title"
          maxLength={ITEM_LIMITS.titleMax + 10}
          placeholder={t('sell.titlePlaceholder')}
          {...text('title')}
        />
        <TextAreaField
          label={t('sell.description')}
          name="description"
          optional
          rows={4}
          maxChars={ITEM_LIMITS.descriptionMax}
          placeholder={t('sell.descriptionPlaceholder')}
          {...text('description')}
        />
      </section>

      {assist && (
        <PublishSuggestions
          suggestion={suggestion.data}
          loading={suggestion.isFetching}
          current={v}
          onCategory={(k) => set('category', k)}
          onTitle={(title) => set('title', title)}
          onCondition={(k) => set('condition', k)}
          onTag={(tag) => set('description', `${v.description.trimEnd()}${v.description.trim() ? ' ' : ''}#${tag}`)}
        />
      )}

      <section className="card form">
        <label className="switch-row">
          <span>
            <span className="field-label">{t('sell.free')}</span>
            <span className="field-hint block">{t('sell.freeHint')}</span>
          </span>
          <input
            type="checkbox"
            role="switch"
            aria-checked={v.free}
            className="switch"
            checked={v.free}
            onChange={(e) => set('free', e.target.checked)}
          />
        </label>
        {!v.free && (
          <TextField label={t('sell.price')} name="price" inputMode="decimal" placeholder="0.00" {...text('price')} />
        )}
        {assist && !v.free && <PriceHint suggestion={suggestion.data} onUse={(fen) => set('price', fenToYuanInput(fen))} />}
        <TextField
          label={t('sell.quantity')}
          name="quantity"
          inputMode="numeric"
          hint={t('sell.quantityHint', { max: ITEM_LIMITS.quantityMax })}
          {...text('quantity')}
        />
        <ChoiceField
          label={t('sell.category')}
          options={CATEGORIES.map((c) => ({ key: c.key, label: c.labels[lang] }))}
          value={v.category}
          onChange={(k) => set('category', k)}
          error={errors.category}
        />
        <ChoiceField
          label={t('sell.condition')}
          optional
          options={CONDITIONS.map((c) => ({ key: c.key, label: c.labels[lang] }))}
          value={v.condition}
          onChange={(k) => set('condition', k)}
          error={errors.condition}
          hint={virtual ? t('sell.conditionVirtual') : undefined}
        />
        <ChoiceField
          label={t('sell.delivery')}
          multiple
          options={DELIVERY_METHODS.map((d) => ({ key: d.key, label: d.labels[lang] }))}
          value={v.delivery}
          onChange={(keys) => set('delivery', keys as FormValues['delivery'])}
          error={errors.delivery}
          hint={t('sell.deliveryHint')}
        >
          {suggestOnline && (
            <p className="suggest">
              {t('sell.suggestOnline')}
              <button type="button" className="link-btn" onClick={() => set('delivery', [...v.delivery, 'online'])}>
                {t('sell.addOnline')}
              </button>
            </p>
          )}
        </ChoiceField>
        {v.delivery.includes('shipping') && (
          <TextField
            label={t('sell.shippingFee')}
            name="shippingFee"
            inputMode="decimal"
            placeholder="0.00"
            hint={t('sell.shippingFeeHint')}
            {...text('shippingFee')}
          />
        )}
        <PlaceField
          value={v.place}
          onChange={(p) => set('place', p)}
          hint={t('place.hintItem')}
          error={errors.location}
        />
      </section>

      {!v.free && (
        <section className="card form">
          <TextField
            label={t('sell.floor')}
            name="floor"
            optional
            inputMode="decimal"
            placeholder={t('sell.floorPlaceholder')}
            hint={t('sell.floorHint')}
            {...text('floor')}
          />
        </section>
      )}

      <FormAlert message={formError} />
      <Button type="submit" block busy={busy}>
        {busy ? busyLabel : submitLabel}
      </Button>
    </form>
  );
}
