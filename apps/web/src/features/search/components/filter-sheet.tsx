// The filter sheet: price range (yuan), category, delivery, condition, free only, distance.
// It edits a draft; "查看结果" applies it to the URL, "重置" clears it.
import { CATEGORIES, CONDITIONS, DELIVERY_METHODS } from '@jishi/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { Sheet } from '../../../ui/sheet.tsx';
import { fenToYuanInput, parseYuan } from '../../../lib/format.ts';
import type { Filters, SearchType } from '../api.ts';

export const RADII = [1, 3, 5, 10, 30] as const;

function toggle(list: string[] | undefined, key: string, on: boolean) {
  const next = new Set(list ?? []);
  if (on) next.add(key);
  else next.delete(key);
  return next.size ? [...next] : undefined;
}

function Checks({
  legend,
  options,
  value,
  onChange,
  name,
}: {
  legend: string;
  options: readonly { key: string; labels: { 'zh-CN': string; en: string } }[];
  value: string[] | undefined;
  onChange: (v: string[] | undefined) => void;
  name: string;
}) {
  const lang = currentLanguage();
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="filter-chips">
        {options.map((o) => (
          <label key={o.key} className={value?.includes(o.key) ? 'filter-chip filter-chip-on' : 'filter-chip'}>
            <input
              type="checkbox"
              name={name}
              checked={value?.includes(o.key) ?? false}
              onChange={(e) => onChange(toggle(value, o.key, e.target.checked))}
            />
            {o.labels[lang]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FilterSheet({
  open,
  onClose,
  value,
  onApply,
  type,
  hasPosition,
}: {
  open: boolean;
  onClose: () => void;
  value: Filters;
  onApply: (f: Filters) => void;
  type: SearchType;
  hasPosition: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [draft, setDraft] = useState(value);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  useEffect(() => {
    if (!open) return;
    setDraft(value);
    setMin(value.minPrice !== undefined ? fenToYuanInput(value.minPrice) : '');
    setMax(value.maxPrice !== undefined ? fenToYuanInput(value.maxPrice) : '');
  }, [open, value]);
  const minFen = min.trim() ? parseYuan(min) : undefined;
  const maxFen = max.trim() ? parseYuan(max) : undefined;
  const badOrder = minFen != null && maxFen != null && minFen > maxFen;
  const items = type === 'items';

  const apply = () => {
    if (badOrder) return;
    onApply({ ...draft, minPrice: minFen ?? undefined, maxPrice: maxFen ?? undefined });
    onClose();
  };

  return (
    <Sheet open={open} title={t('search.filterTitle')} onClose={onClose} className="filter-sheet">
      <form
        className="filter-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {items && (
          <fieldset className="filter-group">
            <legend>{t('search.price')}</legend>
            <div className="filter-price">
              <input inputMode="decimal" aria-label={t('search.minPrice')} placeholder={t('search.minPrice')} value={min} onChange={(e) => setMin(e.target.value)} data-testid="filter-min" />
              <span aria-hidden="true">–</span>
              <input inputMode="decimal" aria-label={t('search.maxPrice')} placeholder={t('search.maxPrice')} value={max} onChange={(e) => setMax(e.target.value)} data-testid="filter-max" />
            </div>
            {badOrder && <p className="field-error">{t('search.priceOrder')}</p>}
          </fieldset>
        )}
        {items && (
          <label className="filter-group">
            <span className="filter-legend">{t('search.category')}</span>
            <select value={draft.category ?? ''} onChange={(e) => setDraft({ ...draft, category: e.target.value || undefined })} data-testid="filter-category">
              <option value="">{t('search.anyCategory')}</option>
              {CATEGORIES.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.labels[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        {items && <Checks legend={t('search.delivery')} name="delivery" options={DELIVERY_METHODS} value={draft.delivery} onChange={(delivery) => setDraft({ ...draft, delivery })} />}
        {items && <Checks legend={t('search.condition')} name="condition" options={CONDITIONS} value={draft.condition} onChange={(condition) => setDraft({ ...draft, condition })} />}
        {items && (
          <label className="filter-toggle">
            <input type="checkbox" checked={draft.free ?? false} onChange={(e) => setDraft({ ...draft, free: e.target.checked || undefined })} />
            {t('search.freeOnly')}
          </label>
        )}
        <fieldset className="filter-group" disabled={!hasPosition}>
          <legend>{t('search.distance')}</legend>
          {!hasPosition && <p className="muted small">{t('search.needPosition')}</p>}
          <div className="filter-chips">
            {[undefined, ...RADII].map((km) => (
              <label key={km ?? 'any'} className={draft.radiusKm === km ? 'filter-chip filter-chip-on' : 'filter-chip'}>
                <input type="radio" name="radius" checked={draft.radiusKm === km} onChange={() => setDraft({ ...draft, radiusKm: km })} />
                {km ? t('search.km', { km: String(km) }) : t('search.anyDistance')}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="filter-actions">
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setDraft({});
              setMin('');
              setMax('');
            }}
          >
            {t('search.reset')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={badOrder} data-testid="filter-apply">
            {t('search.apply')}
          </button>
        </div>
      </form>
    </Sheet>
  );
}
