// The credit score and every factor behind it (SPEC C7: explainable).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCredit } from '../api.ts';

const FACTOR_KEYS = ['base', 'verification', 'account_age', 'sales', 'purchases', 'reviews', 'jury', 'cases_lost', 'cancellations', 'reports_upheld', 'scam_offences'] as const;
type FactorKey = (typeof FACTOR_KEYS)[number];
const isFactorKey = (k: string): k is FactorKey => (FACTOR_KEYS as readonly string[]).includes(k);

export function CreditCard({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const credit = useCredit(userId);
  return (
    <section className="card" aria-labelledby="credit-title" data-testid="credit">
      <div className="credit-head">
        <h2 className="card-title" id="credit-title">
          {t('me.credit.title')}
        </h2>
        <span className="credit-score">{credit.data ? credit.data.score : '—'}</span>
      </div>
      {credit.data && (
        <>
          <p className="muted small">{t('me.credit.explain')}</p>
          <ul className="credit-factors">
            {credit.data.factors.map((f) => (
              <li key={f.key}>
                <span>{isFactorKey(f.key) ? t(`credit.factors.${f.key}`, { count: f.count }) : f.detail}</span>
                <span className="credit-bar" aria-hidden="true">
                  <span style={{ width: `${f.max > 0 ? Math.round((f.points / f.max) * 100) : 0}%` }} />
                </span>
                <span className="credit-points">{t('me.credit.points', { points: f.points, max: f.max })}</span>
              </li>
            ))}
          </ul>
          <Link to={`/u/${userId}/credit`} className="credit-more">
            {t('credit.seeAll')}
          </Link>
        </>
      )}
    </section>
  );
}
