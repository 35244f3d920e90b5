// 小法庭案例公示: decided cases, both sides anonymous, with how the jury voted. Public.
import { useTranslation } from 'react-i18next';
import { useJuryLog } from '../../features/aftersale/api.ts';
import { describeCaseError } from '../../features/aftersale/format.ts';
import { yuan } from '../../lib/format.ts';
import { formatDate } from '../../lib/format.ts';
import { Button } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function JuryLogPage() {
  const { t } = useTranslation();
  const q = useJuryLog();
  const header = <PageHeader title={t('jury.log')} />;
  if (q.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (q.isError)
    return (
      <>
        {header}
        <ErrorState message={describeCaseError(t, q.error)} onRetry={() => void q.refetch()} />
      </>
    );
  const items = q.data.pages.flatMap((p) => p.items);
  return (
    <div className="jury-page">
      {header}
      <p className="muted small case-note">{t('jury.logIntro')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('jury.logEmpty')}</p>
      ) : (
        <ul className="jury-log" data-testid="jury-log">
          {items.map((e) => (
            <li key={e.id} className="card jury-log-entry" data-testid="jury-log-entry" data-case={e.id}>
              <div className="jury-log-top">
                <strong>{e.title}</strong>
                <span className={`case-pill case-pill-${e.verdict}`}>{t(`jury.outcome.${e.verdict}`)}</span>
              </div>
              <p className="muted small">
                {t(`aftersale.reasons.${e.reason}`)} · {yuan(e.amount)} · {formatDate(e.decidedAt)}
              </p>
              <p className="small" data-testid="jury-votes">
                {t(`aftersale.decidedBy.${e.decidedBy}`)}
                {e.votes.refund + e.votes.release > 0 && ` · ${t('jury.votes', e.votes)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {q.hasNextPage && (
        <Button variant="secondary" block busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('jury.more')}
        </Button>
      )}
    </div>
  );
}
