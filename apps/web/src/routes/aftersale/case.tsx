// One after-sale case, for its buyer and seller (a juror is sent to the jury view of it): where it
// stands with the clock, the request and both sides' evidence, the steps taken, what to do next.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useCase } from '../../features/aftersale/api.ts';
import { CaseActions } from '../../features/aftersale/components/case-actions.tsx';
import { CaseFacts } from '../../features/aftersale/components/case-facts.tsx';
import { CaseHeader } from '../../features/aftersale/components/case-header.tsx';
import { CaseTimeline } from '../../features/aftersale/components/case-timeline.tsx';
import { describeCaseError } from '../../features/aftersale/format.ts';
import { ApiError } from '../../lib/api.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useCase(id);
  const header = <PageHeader title={t('aftersale.title')} />;
  if (q.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (q.isError) {
    const missing = q.error instanceof ApiError && q.error.status === 404;
    return (
      <>
        {header}
        <ErrorState message={missing ? t('aftersale.notFound') : describeCaseError(t, q.error)} onRetry={missing ? undefined : () => void q.refetch()} />
      </>
    );
  }
  const c = q.data;
  if (c.viewer === 'juror') return <Navigate to={`/jury/${c.id}`} replace />;
  return (
    <div className="case-page">
      {header}
      <CaseHeader c={c} />
      <CaseFacts c={c} />
      <CaseTimeline c={c} />
      <p className="order-meta muted small">
        <Link to={`/orders/${c.orderId}`}>{t('order.title')}</Link>
      </p>
      <CaseActions c={c} />
    </div>
  );
}
