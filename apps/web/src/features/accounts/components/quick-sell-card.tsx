// Quick-sell eligibility (SPEC C3) in words: either "you can", or each unmet condition with
// what to do about it.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format.ts';
import { CheckIcon, ChevronIcon, ClockIcon, ShieldIcon } from '../../../ui/icons.tsx';
import type { Me } from '../api.ts';

export function QuickSellCard({ quickSell }: { quickSell: Me['quickSell'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="quick-sell-title" data-testid="quick-sell">
      <h2 className="card-title" id="quick-sell-title">
        {t('me.quickSell.title')}
      </h2>
      {quickSell.eligible ? (
        <div className="qs-ok">
          <span className="qs-icon qs-icon-ok">
            <CheckIcon size={18} />
          </span>
          <div>
            <p className="qs-headline">{t('me.quickSell.eligible')}</p>
            <p className="muted small">{t('me.quickSell.eligibleBody')}</p>
          </div>
        </div>
      ) : (
        <>
          <p className="qs-headline">{t('me.quickSell.notYet')}</p>
          <ul className="qs-list">
            {quickSell.unmet.includes('account_age') && (
              <li className="qs-item">
                <span className="qs-icon">
                  <ClockIcon size={16} />
                </span>
                <span>
                  {t('me.quickSell.account_age', {
                    date: quickSell.eligibleAt ? formatDate(quickSell.eligibleAt) : '—',
                  })}
                </span>
              </li>
            )}
            {quickSell.unmet.includes('verification') && (
              <li className="qs-item">
                <span className="qs-icon">
                  <ShieldIcon size={16} />
                </span>
                <span>{t('me.quickSell.verification')}</span>
                <Link className="qs-action" to="/me/verification">
                  {t('me.quickSell.goVerify')}
                  <ChevronIcon size={14} />
                </Link>
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
