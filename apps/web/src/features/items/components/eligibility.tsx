// Why a member cannot quick sell yet (SPEC C3): the rule, each unmet condition, what to do.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { CheckIcon, ClockIcon, LockIcon, ShieldIcon } from '../../../ui/icons.tsx';
import type { Me } from '../../accounts/api.ts';

export function Eligibility({ quickSell }: { quickSell: Me['quickSell'] }) {
  const { t } = useTranslation();
  const ageUnmet = quickSell.unmet.includes('account_age');
  const idUnmet = quickSell.unmet.includes('verification');
  return (
    <section className="card eligibility" data-testid="eligibility">
      <span className="eligibility-icon">
        <LockIcon size={28} />
      </span>
      <h2 className="eligibility-title">{t('sell.notEligible')}</h2>
      <p className="muted small">{t('sell.rule')}</p>
      <ul className="qs-list eligibility-list">
        <li className={`qs-item${ageUnmet ? '' : ' qs-done'}`}>
          <span className={ageUnmet ? 'qs-icon' : 'qs-icon qs-icon-ok'}>
            {ageUnmet ? <ClockIcon size={16} /> : <CheckIcon size={16} />}
          </span>
          <span>
            {ageUnmet
              ? t('sell.ageUnmet', { date: quickSell.eligibleAt ? formatDate(quickSell.eligibleAt) : '—' })
              : t('sell.ageMet')}
          </span>
        </li>
        <li className={`qs-item${idUnmet ? '' : ' qs-done'}`}>
          <span className={idUnmet ? 'qs-icon' : 'qs-icon qs-icon-ok'}>
            {idUnmet ? <ShieldIcon size={16} /> : <CheckIcon size={16} />}
          </span>
          <span>{idUnmet ? t('sell.idUnmet') : t('sell.idMet')}</span>
        </li>
      </ul>
      {idUnmet && (
        <ButtonLink to="/me/verification" block>
          {t('me.quickSell.goVerify')}
        </ButtonLink>
      )}
      <p className="muted small">{t('sell.whyRule')}</p>
    </section>
  );
}
