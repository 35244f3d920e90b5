// 申请售后 for one order (its buyer): the form, under the order it is about.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { OpenCaseForm } from '../../features/aftersale/components/open-case-form.tsx';
import { describeTradeError } from '../../lib/errors.ts';
import { yuan } from '../../lib/format.ts';
import { useOrder } from '../../features/orders/api.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function OpenCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  const header = <PageHeader title={t('aftersale.apply')} back={`/orders/${id}`} />;
  if (order.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (order.isError)
    return (
      <>
        {header}
        <ErrorState message={describeTradeError(t, order.error)} onRetry={() => void order.refetch()} />
      </>
    );
  const o = order.data;
  return (
    <div className="case-page">
      {header}
      <section className="card case-item">
        {o.item.coverUrl ? <img src={o.item.coverUrl} alt="" className="order-cover" /> : <span className="order-cover" />}
        <span className="order-item-text">
          <span className="order-item-title">{o.item.title}</span>
          <span className="order-item-price">{yuan(o.total)}</span>
        </span>
      </section>
      <p className="muted small case-note">{t('aftersale.entryHint')}</p>
      <OpenCaseForm orderId={o.id} total={o.total} />
    </div>
  );
}
