// 首页: the community feed as a two-column masonry — 最新 for everyone, 关注 for members — with
// a compact welcome and the escrow promise for visitors who are not signed in yet. The promise
// names only what a member can use today: escrow, after-sale with the jury, and reviews.
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { FEED_TABS, type FeedTab, feedList } from '../../features/feed/api.ts';
import { CardFeed } from '../../features/feed/components/card-feed.tsx';
import { NotificationBell } from '../../features/notifications/components/bell.tsx';
import { loginPath } from '../../lib/next.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { ScaleIcon, ShieldIcon, StarIcon } from '../../ui/icons.tsx';
import { Loading } from '../../ui/status.tsx';
import { NearbyTab } from '../../features/search/components/nearby-tab.tsx';
import { SearchBox } from '../../features/search/components/search-box.tsx';

function WelcomeBanner() {
  const { t } = useTranslation();
  return (
    <section className="welcome" aria-labelledby="promise-title">
      <h2 className="welcome-title" id="promise-title">
        {t('home.promiseTitle')}
      </h2>
      <p className="welcome-body">{t('feed.welcome')}</p>
      <ul className="welcome-points">
        <li>
          <ShieldIcon size={15} />
          {t('home.promises.escrowTitle')}
        </li>
        <li>
          <ScaleIcon size={15} />
          {t('home.promises.afterSaleTitle')}
        </li>
        <li>
          <StarIcon size={15} />
          {t('home.promises.reviewsTitle')}
        </li>
      </ul>
      <div className="welcome-cta">
        <ButtonLink to="/register" className="btn-small">
          {t('home.register')}
        </ButtonLink>
        <ButtonLink to="/login" variant="secondary" className="btn-small">
          {t('home.login')}
        </ButtonLink>
      </div>
    </section>
  );
}

function FeedTabs({ tab, onTab }: { tab: FeedTab; onTab: (t: FeedTab) => void }) {
  const { t } = useTranslation();
  return (
    <div className="feed-tabs" role="tablist" aria-label={t('feed.tabsLabel')}>
      {FEED_TABS.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          aria-selected={key === tab}
          className={key === tab ? 'feed-tab feed-tab-on' : 'feed-tab'}
          onClick={() => onTab(key)}
        >
          {key === 'recommended' ? t('discovery.tab') : t(`feed.tabs.${key}`)}
        </button>
      ))}
    </div>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get('tab');
  const tab: FeedTab = asked === 'following' || asked === 'nearby' || asked === 'recommended' ? asked : 'latest';
  const onTab = (next: FeedTab) => setParams(next === 'latest' ? {} : { tab: next }, { replace: true });
  const signedOut = me.isSuccess && !me.data;

  return (
    <>
      <header className="feed-header">
        <span className="brand-mark">{t('app.name')}</span>
        <FeedTabs tab={tab} onTab={onTab} />
        <span className="feed-header-side">
          <NotificationBell />
        </span>
      </header>
      <SearchBox onSearch={(q) => void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search')} />
      {signedOut && tab !== 'nearby' && <WelcomeBanner />}
      {tab === 'nearby' ? (
        <NearbyTab />
      ) : tab === 'following' && me.isPending ? (
        <Loading />
      ) : tab === 'following' && !me.data ? (
        <div className="empty">
          <p>{t('feed.followingSignIn')}</p>
          <ButtonLink to={loginPath('/?tab=following')} className="btn-small">
            {t('feed.signIn')}
          </ButtonLink>
        </div>
      ) : (
        <CardFeed
          key={tab}
          list={feedList(tab)}
          label={tab === 'recommended' ? t('discovery.tab') : t(`feed.tabs.${tab}`)}
          empty={
            tab === 'following' ? (
              <p>{t('feed.emptyFollowing')}</p>
            ) : tab === 'recommended' ? (
              <p>{t('discovery.empty')}</p>
            ) : (
              <>
                <p>{t('feed.emptyLatest')}</p>
                {me.data && (
                  <ButtonLink to="/publish/note" className="btn-small">
                    {t('feed.firstNote')}
                  </ButtonLink>
                )}
              </>
            )
          }
        />
      )}
    </>
  );
}
