// The head of an item page: price (or 免费送), title, badges, shipping, stock, where.
import { useTranslation } from 'react-i18next';
import { PinIcon } from '../../../ui/icons.tsx';
import type { Item } from '../api.ts';
import { categoryName, conditionName, deliveryName, priceLabel, yuan } from '../../../lib/format.ts';

export function ItemFacts({ item }: { item: Item }) {
  const { t } = useTranslation();
  const ships = item.delivery.includes('shipping');
  return (
    <section className="card item-head">
      <p className={item.free ? 'item-price item-free' : 'item-price'} data-testid="item-price">
        {priceLabel(item.price, t('item.free'))}
      </p>
      <h1 className="item-title">{item.title}</h1>
      <ul className="badges">
        {item.condition && <li className="badge badge-soft">{conditionName(item.condition)}</li>}
        <li className="badge badge-soft">{categoryName(item.category)}</li>
        {item.delivery.map((d) => (
          <li key={d} className="badge badge-accent">
            {deliveryName(d)}
          </li>
        ))}
      </ul>
      <dl className="facts">
        {ships && (
          <div>
            <dt>{t('item.shipping')}</dt>
            <dd>{item.shippingFee === 0 ? t('item.freeShipping') : yuan(item.shippingFee)}</dd>
          </div>
        )}
        <div>
          <dt>{t('item.stock')}</dt>
          <dd data-testid="item-stock">
            {t('item.stockValue', { available: item.available, quantity: item.quantity })}
          </dd>
        </div>
        {item.location && (
          <div>
            <dt>{t('item.location')}</dt>
            <dd className="facts-where">
              <PinIcon size={14} />
              {item.location.label || t('item.locationUnnamed')}
              {item.distanceKm !== null && <span className="muted">{t('item.distance', { km: item.distanceKm })}</span>}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
