// The trade entries on 我: my items, my orders, my wallet, offers. Plain links: a member-only
// request here could answer 401 while 我 is signing out and bounce the page to the login form.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { useMe } from '../../accounts/api.ts';
import { useOfferSummary } from '../../offers/api.ts';

export function TradeLinks() {
  const { t } = useTranslation();
  // The same query as the 我 tab's badge (tabs.tsx): read from its cache, no request of its own here.
  const waiting = useOfferSummary(!!useMe().data)?.awaitingMe ?? 0;
  const rows = [
    { to: '/me/items', label: t('meTrade.items') },
    { to: '/orders', label: t('meTrade.orders') },
    { to: '/wallet', label: t('meTrade.wallet') },
    { to: '/offers', label: t('meTrade.offers'), count: waiting },
  ];
  return (
    <section className="card list-card" aria-label={t('meTrade.title')} data-testid="trade-links">
      {rows.map((r) => (
        <Link key={r.to} to={r.to} className="list-row">
          <span>{r.label}</span>
          {!!r.count && (
            <span className="list-badge" data-testid="offers-waiting">
              {t('offers.waiting', { count: r.count })}
            </span>
          )}
          <ChevronIcon size={16} className="list-chevron" />
        </Link>
      ))}
    </section>
  );
}
