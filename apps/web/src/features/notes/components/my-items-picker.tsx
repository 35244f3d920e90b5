// Choose from my items on sale: several for a note's cards, one for a 借楼 comment (the caller
// decides how many; each row is a toggle).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyItems } from '../../items/api.ts';
import { describeTradeError } from '../../../lib/errors.ts';
import { priceLabel } from '../../../lib/format.ts';
import { BagIcon, CheckIcon } from '../../../ui/icons.tsx';

type Props = {
  selected: string[];
  onToggle: (id: string) => void;
  label: string;
};

export function MyItemsPicker({ selected, onToggle, label }: Props) {
  const { t } = useTranslation();
  const items = useMyItems('on_sale');
  if (items.isPending) return <p className="muted small">{t('common.loading')}</p>;
  if (items.isError) return <p className="field-error">{describeTradeError(t, items.error)}</p>;
  const list = items.data.items;
  if (list.length === 0) {
    return (
      <p className="picker-empty">
        {t('noteItem.noneOnSale')}{' '}
        <Link to="/sell" className="link-btn">
          {t('publish.sell')}
        </Link>
      </p>
    );
  }
  return (
    <ul className="item-picker" aria-label={label} data-testid="item-picker">
      {list.map((item) => {
        const on = selected.includes(item.id);
        const thumb = item.images[0]?.thumbUrl;
        return (
          <li key={item.id}>
            <button
              type="button"
              aria-pressed={on}
              className={on ? 'picker-row picker-on' : 'picker-row'}
              onClick={() => onToggle(item.id)}
            >
              {thumb ? (
                <img src={thumb} alt="" className="picker-cover" />
              ) : (
                <span className="picker-cover item-card-nocover">
                  <BagIcon size={18} />
                </span>
              )}
              <span className="picker-text">
                <span className="picker-title">{item.title}</span>
                <span className="picker-price">{priceLabel(item.price, t('item.free'))}</span>
              </span>
              <span className="picker-check" aria-hidden="true">
                {on && <CheckIcon size={14} strokeWidth={3} />}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
