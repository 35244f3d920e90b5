// Star rating: read-only stars, and a radio group to choose 1–5 (keyboard and screen readers
// get real radio buttons; the stars are their labels).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export function Stars({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <span className="stars" role="img" aria-label={t('reviews.star', { count: value })}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= Math.round(value) ? 'star on' : 'star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

export function StarInput({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="star-input">
      <legend>{t('reviews.rating')}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <label key={n} className={n <= value ? 'star on' : 'star'}>
          <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
          <span aria-hidden="true">★</span>
          <span className="sr-only">{t('reviews.star', { count: n })}</span>
        </label>
      ))}
    </fieldset>
  );
}
