// 我: who I am, my credit, whether I can quick sell, and my settings.
import { JuryLinks } from '../../features/aftersale/components/jury-links.tsx';
import { AdminLink } from '../../features/admin/components/admin-link.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { clearSession, useLogout, useMe } from '../../features/accounts/api.ts';
import { cancelSigningOut, markSigningOut } from '../../features/accounts/signed-out.ts';
import { CreditCard } from '../../features/accounts/components/credit-card.tsx';
import { SellerGuardNotice } from '../../features/reviews/components/seller-guard-notice.tsx';
import { ProfileHeader } from '../../features/accounts/components/profile-header.tsx';
import { QuickSellCard } from '../../features/accounts/components/quick-sell-card.tsx';
import { MyCounts, MyNotesLinks } from '../../features/feed/components/my-community.tsx';
import { SavedSearchList } from '../../features/discovery/components/saved-searches.tsx';
import { TradeLinks } from '../../features/wallet/components/trade-links.tsx';
import { describeError } from '../../lib/errors.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { ChevronIcon } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';

export default function MePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const logout = useLogout();
  if (!me) return null; // RequireMember guarantees a member

  // Leave the member-only page first, so the guard does not bounce us to the login page.
  // From the server's answer on, a request in flight may answer 401 and forget the member before
  // the navigation lands: the guard sends that to home too (signed-out.ts).
  const signOut = async () => {
    markSigningOut();
    try {
      await logout.mutateAsync();
    } catch (err) {
      cancelSigningOut();
      throw err;
    }
    await navigate('/', { replace: true });
    clearSession(qc);
  };

  return (
    <>
      <ProfileHeader user={me} self>
        <MyCounts userId={me.id} />
        <div className="profile-actions">
          <ButtonLink to="/me/edit" variant="secondary" className="btn-small">
            {t('me.editProfile')}
          </ButtonLink>
          <ButtonLink to={`/u/${me.id}`} variant="ghost" className="btn-small">
            {t('me.publicProfile')}
          </ButtonLink>
        </div>
      </ProfileHeader>

      <MyNotesLinks userId={me.id} />
      <SavedSearchList />
      <TradeLinks />
      <JuryLinks />
      <AdminLink me={me} />
      <SellerGuardNotice />
      <CreditCard userId={me.id} />
      <QuickSellCard quickSell={me.quickSell} />

      <section className="card list-card" aria-label={t('me.settings')}>
        <Link to="/me/verification" className="list-row">
          <span>{t('me.verification.title')}</span>
          <span className={me.verified ? 'list-value ok' : 'list-value'}>
            {me.verified
              ? `${t('me.verification.done')} · ${me.verification?.idNumber ?? ''}`
              : t('me.verification.todo')}
          </span>
          <ChevronIcon size={16} className="list-chevron" />
        </Link>
        <div className="list-row">
          <span>{t('lang.label')}</span>
          <LanguageSwitch />
        </div>
        <Link to="/me/privacy" className="list-row" data-testid="privacy-link">
          <span>{t('privacy.link')}</span>
          <ChevronIcon size={16} className="list-chevron" />
        </Link>
      </section>

      <section className="card card-plain">
        <FormAlert message={logout.isError ? describeError(t, logout.error) : null} />
        <Button variant="danger" block busy={logout.isPending} onClick={() => void signOut().catch(() => undefined)}>
          {logout.isPending ? t('me.loggingOut') : t('me.logout')}
        </Button>
      </section>
    </>
  );
}
