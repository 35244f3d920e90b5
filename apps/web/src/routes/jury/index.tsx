// The juror's inbox: cases they were drawn for, those waiting for their vote first.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AfterSaleCase, useJuryDuties } from '../../features/aftersale/api.ts';
import { describeCaseError, timeLeft, useNow } from '../../features/aftersale/format.ts';
import { yuan } from '../../lib/format.ts';
import { Button } from '../../ui/button.tsx';
import { ChevronIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function JuryInboxPage() {
  const { t } = useTranslation();
  const q = useJuryDuties();
  const now = useNow(true);
  const header = <PageHeader title={t('jury.inbox')} right={<Link to="/jury/log" className="link-btn small">{t('jury.log')}</Link>} />;
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
  const all = q.data.pages.flatMap((p) => p.items);
  const waiting = (c: AfterSaleCase) => c.myVote?.status === 'pending' && c.status === 'in_jury';
  const items = [...all.filter(waiting), ...all.filter((c) => !waiting(c))];
  return (
    <div className="jury-page">
      {header}
      <p className="muted small case-note">{t('jury.intro')}</p>
      {items.length === 0 ? (
        <p className="empty">{t('jury.inboxEmpty')}</p>
      ) : (
        <ul className="card list-card" data-testid="jury-duties">
          {items.map((c) => (
            <li key={c.id}>
              <Link to={`/jury/${c.id}`} className="list-row jury-row" data-testid="jury-duty" data-case={c.id}>
                <span className="jury-row-text">
                  <strong>{c.order.title}</strong>
                  <span className="muted small">
                    {t(`aftersale.reasons.${c.reason}`)} · {yuan(c.amount)}
                    {waiting(c) && c.myVote ? ` · ${t('jury.due', { left: timeLeft(t, c.myVote.dueAt, now) })}` : ''}
                  </span>
                </span>
                <span className={waiting(c) ? 'badge' : 'list-value'}>{t(`jury.duty.${c.myVote?.status ?? 'dismissed'}`)}</span>
                <ChevronIcon size={16} className="list-chevron" />
              </Link>
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
