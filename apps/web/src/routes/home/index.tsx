// 首页 for now: a welcome to the community and the escrow promise. The feed replaces the
// body of this page later; the header stays.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/accounts/api.ts';
import { ButtonLink } from '../../ui/button.tsx';
import { AlertIcon, HandshakeIcon, ScaleIcon, ShieldIcon } from '../../ui/icons.tsx';

function PromiseItem({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <li className="promise">
      <span className="promise-icon">{icon}</span>
      <div>
        <h3 className="promise-title">{title}</h3>
        <p className="promise-body">{body}</p>
      </div>
    </li>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <header className="home-header">
        <span className="brand-mark">{t('app.name')}</span>
        <span className="home-tagline">{t('app.tagline')}</span>
      </header>

      <section className="hero">
        {me.data && <p className="hero-hello">{t('home.hello', { name: me.data.displayName })}</p>}
        <h1 className="hero-title">{t('home.heroTitle')}</h1>
        <p className="hero-body">{t('home.heroBody')}</p>
      </section>

      <section className="card" aria-labelledby="promise-title">
        <h2 className="card-title" id="promise-title">
          {t('home.promiseTitle')}
        </h2>
        <ul className="promises">
          <PromiseItem
            icon={<ShieldIcon />}
            title={t('home.promises.escrowTitle')}
            body={t('home.promises.escrowBody')}
          />
          <PromiseItem
            icon={<HandshakeIcon />}
            title={t('home.promises.depositTitle')}
            body={t('home.promises.depositBody')}
          />
          <PromiseItem
            icon={<ScaleIcon />}
            title={t('home.promises.afterSaleTitle')}
            body={t('home.promises.afterSaleBody')}
          />
          <PromiseItem
            icon={<AlertIcon />}
            title={t('home.promises.shieldTitle')}
            body={t('home.promises.shieldBody')}
          />
        </ul>
      </section>

      {me.data ? (
        <section className="card card-cta">
          <ButtonLink to="/me" block>
            {t('home.goMe')}
          </ButtonLink>
        </section>
      ) : (
        <section className="card card-cta" aria-labelledby="join-title">
          <h2 className="card-title" id="join-title">
            {t('home.joinTitle')}
          </h2>
          <p className="muted">{t('home.joinBody')}</p>
          <div className="cta-row">
            <ButtonLink to="/register" block>
              {t('home.register')}
            </ButtonLink>
            <ButtonLink to="/login" variant="secondary" block>
              {t('home.login')}
            </ButtonLink>
          </div>
        </section>
      )}
      <p className="coming-soon">{t('home.comingSoon')}</p>
    </>
  );
}
