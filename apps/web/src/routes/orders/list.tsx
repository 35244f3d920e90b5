// 我的订单: what I bought and what I sold, filtered by state. The choice lives in the URL
// (?role=seller&status=paid) so links and the back button land on the same list.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeTradeError } from '../../lib/errors.ts';
import { type OrderStatus, useOrders } from '../../features/orders/api.ts';
import { OrderCard } from '../../features/orders/components/order-card.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { FilterChips, Tabs } from '../../ui/tabs.tsx';

type Role = 'buyer' | 'seller';
type Filter = 'all' | 'pending_payment' | 'paid' | 'shipped' | 'completed' | 'cancelled';
const FILTERS: Filter[] = ['all', 'pending_payment', 'paid', 'shipped', 'completed', 'cancelled'];

export default function OrdersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const role: Role = params.get('role') === 'seller' ? 'seller' : 'buyer';
  const raw = params.get('status') as Filter | null;
  const filter: Filter = raw && FILTERS.includes(raw) ? raw : 'all';
  const orders = useOrders(role, filter === 'all' ? null : (filter as OrderStatus));
  const list = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const go = (r: Role, f: Filter) => setParams(f === 'all' ? { role: r } : { role: r, status: f }, { replace: true });

  return (
    <>
      <PageHeader title={t('orders.title')} back="/me" />
      <Tabs
        label={t('orders.title')}
        options={[
          { key: 'buyer', label: t('orders.bought') },
          { key: 'seller', label: t('orders.sold') },
        ]}
        value={role}
        onChange={(r) => go(r, filter)}
      />
      <FilterChips
        label={t('orders.filter')}
        options={FILTERS.map((f) => ({ key: f, label: t(`orders.filters.${f}`) }))}
        value={filter}
        onChange={(f) => go(role, f)}
      />
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState message={describeTradeError(t, orders.error)} onRetry={() => void orders.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty">{role === 'buyer' ? t('orders.emptyBought') : t('orders.emptySold')}</p>
      ) : (
        <ul className="order-list">
          {list.map((o) => (
            <OrderCard key={o.id} order={o} />
          ))}
        </ul>
      )}
      {orders.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-block"
          disabled={orders.isFetchingNextPage}
          onClick={() => void orders.fetchNextPage()}
        >
          {orders.isFetchingNextPage ? t('common.loading') : t('wallet.more')}
        </button>
      )}
    </>
  );
}
