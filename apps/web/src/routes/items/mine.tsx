// 我的闲置: my items on sale, sold out and withdrawn.
import type { ItemStatus } from '@jishi/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMyItems } from '../../features/items/api.ts';
import { describeTradeError } from '../../lib/errors.ts';
import { priceLabel } from '../../lib/format.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { Tabs } from '../../ui/tabs.tsx';

const STATUSES: ItemStatus[] = ['on_sale', 'sold_out', 'withdrawn'];

export default function MyItemsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') as ItemStatus | null;
  const status: ItemStatus = raw && STATUSES.includes(raw) ? raw : 'on_sale';
  const items = useMyItems(status);
  return (
    <>
      <PageHeader title={t('myItems.title')} back="/me" />
      <Tabs
        label={t('myItems.title')}
        options={STATUSES.map((s) => ({ key: s, label: t(`item.status.${s}`) }))}
        value={status}
        onChange={(s) => setParams({ status: s }, { replace: true })}
      />
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorState message={describeTradeError(t, items.error)} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <div className="empty">
          <p>{t(`myItems.empty.${status}`)}</p>
          {status === 'on_sale' && (
            <ButtonLink to="/sell" className="btn-small">
              {t('publish.sell')}
            </ButtonLink>
          )}
        </div>
      ) : (
        <ul className="order-list">
          {items.data.items.map((item) => (
            <li key={item.id}>
              <Link to={`/items/${item.id}`} className="card order-card" data-testid="my-item">
                {item.images[0] ? (
                  <img src={item.images[0].thumbUrl} alt="" className="order-cover" />
                ) : (
                  <span className="order-cover" />
                )}
                <span className="order-item-text">
                  <span className="order-item-title">{item.title}</span>
                  <span className="muted small">
                    {t('item.stockValue', { available: item.available, quantity: item.quantity })}
                  </span>
                  <span className="order-item-price">{priceLabel(item.price, t('item.free'))}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
