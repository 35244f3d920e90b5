// /u/:id/credit — the credit score explained: every factor with its points and the number
// behind it, and how the score changed over time.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CreditChart } from '../../features/reviews/components/credit-chart.tsx';
import { useCreditWithHistory } from '../../features/reviews/api.ts';
import { describeError } from '../../lib/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

const KNOWN = ['base', 'verification', 'account_age', 'sales', 'purchases', 'reviews', 'jury', 'cases_lost', 'cancellations', 'reports_upheld', 'scam_offences'] as const;
type Known = (typeof KNOWN)[number];
const isKnown = (k: string): k is Known => (KNOWN as readonly string[]).includes(k);

export default function CreditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const credit = useCreditWithHistory(id);
  const header = <PageHeader title={t('credit.pageTitle')} back={`/u/${id}`} />;
  if (credit.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (credit.isError)
    return (
      <>
        {header}
        <ErrorState message={describeError(t, credit.error)} onRetry={() => void credit.refetch()} />
      </>
    );
  const c = credit.data;
  return (
    <div className="credit-page">
      {header}
      <section className="card credit-hero" data-testid="credit-page">
        <span className="credit-hero-score">{c.score}</span>
        <span className="muted small">/ 1000</span>
        <p className="muted small">{t('credit.juryNote')}</p>
      </section>
      <section className="card" aria-labelledby="credit-factors-title">
        <h2 className="card-title" id="credit-factors-title">
          {t('credit.factorsTitle')}
        </h2>
        <ul className="credit-list" data-testid="credit-factors">
          {c.factors.map((f) => (
            <li key={f.key} data-factor={f.key}>
              <span>{isKnown(f.key) ? t(`credit.factors.${f.key}`, { count: f.count }) : f.detail}</span>
              <span className={f.points < 0 ? 'credit-points negative' : 'credit-points'}>
                {f.points > 0 && f.key !== 'base' ? `+${f.points}` : f.points}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="credit-history-title">
        <h2 className="card-title" id="credit-history-title">
          {t('credit.historyTitle')}
        </h2>
        <CreditChart history={c.history} />
      </section>
    </div>
  );
}
