// A jury case as a juror sees it: the dispute with both sides anonymous, the evidence, the clock,
// and the vote (or the vote they cast).
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCase } from '../../features/aftersale/api.ts';
import { CaseFacts } from '../../features/aftersale/components/case-facts.tsx';
import { CaseTimeline } from '../../features/aftersale/components/case-timeline.tsx';
import { MyVote, VoteForm } from '../../features/aftersale/components/vote-form.tsx';
import { describeCaseError, timeLeft, useNow } from '../../features/aftersale/format.ts';
import { ApiError } from '../../lib/api.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function JuryCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useCase(id);
  const pending = q.data?.myVote?.status === 'pending' && q.data.status === 'in_jury';
  const now = useNow(pending);
  const header = <PageHeader title={t('jury.caseTitle')} back="/jury" />;
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
        <ErrorState message={missing ? t('aftersale.notFound') : describeCaseError(t, q.error)} />
      </>
    );
  }
  const c = q.data;
  return (
    <div className="case-page jury-page">
      {header}
      <section className={`order-status case-status case-status-${c.status}`} data-testid="case-status" data-status={c.status}>
        <h1 className="order-status-title">{t(`aftersale.status.${c.status}`)}</h1>
        <p className="order-status-body">{t('jury.intro')}</p>
        {pending && c.myVote && (
          <p className="case-countdown" role="timer">
            {t('jury.due', { left: timeLeft(t, c.myVote.dueAt, now) })}
          </p>
        )}
      </section>
      <CaseFacts c={c} />
      {pending ? <VoteForm c={c} /> : <MyVote c={c} />}
      <CaseTimeline c={c} />
    </div>
  );
}
