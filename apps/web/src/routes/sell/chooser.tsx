// 发布: what to publish — an idle item to sell (quick sell) or a community note.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { formatDate } from '../../lib/format.ts';
import { ChevronIcon, PlusIcon, ShieldIcon } from '../../ui/icons.tsx';

export default function PublishChooserPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qs = me?.quickSell;
  // Not yet able to sell: say when it unlocks (or what is missing) on the choice itself.
  const lock =
    !qs || qs.eligible
      ? null
      : qs.unmet.includes('account_age') && qs.eligibleAt
        ? t('publish.sellUnlocks', {
            date: formatDate(qs.eligibleAt),
            days: Math.round((new Date(qs.eligibleAt).getTime() - new Date(me.createdAt).getTime()) / 86_400_000),
          })
        : t('publish.sellNeedsId');
  return (
    <>
      <header className="chooser-header">
        <h1 className="chooser-title">{t('publish.title')}</h1>
      </header>
      <ul className="chooser">
        <li>
          <Link to="/sell" className="card chooser-card chooser-sell">
            <span className="chooser-icon">
              <ShieldIcon size={26} />
            </span>
            <span className="chooser-text">
              <span className="chooser-name">{t('publish.sell')}</span>
              <span className="chooser-body">{t('publish.sellBody')}</span>
              {lock && (
                <span className="chooser-lock small" data-testid="sell-unlocks">
                  {lock}
                </span>
              )}
            </span>
            <ChevronIcon size={18} className="list-chevron" />
          </Link>
        </li>
        <li>
          <Link to="/publish/note" className="card chooser-card">
            <span className="chooser-icon chooser-icon-note">
              <PlusIcon size={26} />
            </span>
            <span className="chooser-text">
              <span className="chooser-name">{t('publish.note')}</span>
              <span className="chooser-body">{t('publish.noteBody')}</span>
            </span>
            <ChevronIcon size={18} className="list-chevron" />
          </Link>
        </li>
      </ul>
      <p className="chooser-escrow">{t('publish.escrow')}</p>
    </>
  );
}
