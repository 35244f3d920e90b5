// The price hint under the price field: what similar things actually sold for ("3 件相似的已成交：
// ¥120 ¥150 ¥135"), the range they suggest, and a tap to use its middle — or, honestly, that
// there are too few similar sales to say.
import { useTranslation } from 'react-i18next';
import { shortYuan as yuan } from '../../../lib/money.ts';
import type { Suggestion } from '../api.ts';

/** The middle of the range, in whole yuan: a price a person would type. */
const middle = (low: number, high: number) => Math.round((low + high) / 200) * 100;

export function PriceHint({ suggestion, onUse }: { suggestion: Suggestion | undefined; onUse: (fen: number) => void }) {
  const { t } = useTranslation();
  if (!suggestion) return null;
  const r = suggestion.priceRange;
  if (!r) {
    const note = suggestion.priceNote === 'no_words' ? t('assist.price.noWords') : t('assist.price.tooFew');
    return (
      <p className="assist-price assist-price-none" data-testid="price-hint">
        {note}
      </p>
    );
  }
  const pick = middle(r.low, r.high);
  return (
    <div className="assist-price" data-testid="price-hint">
      <p className="assist-comparables">
        {t('assist.price.comparables', { count: r.comparables.length })}
        {r.comparables.map((c) => (
          <span key={`${c.price}-${c.title}`} className="assist-sold" title={c.title}>
            {yuan(c.price)}
          </span>
        ))}
      </p>
      <p className="assist-range">
        <span>{t('assist.price.range', { low: yuan(r.low), high: yuan(r.high) })}</span>
        <button type="button" className="assist-use" onClick={() => onUse(pick)} aria-label={t('assist.price.useLabel', { price: yuan(pick) })}>
          {t('assist.price.use', { price: yuan(pick) })}
        </button>
      </p>
    </div>
  );
}
