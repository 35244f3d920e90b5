// 议价: offers on my items (answered here, each naming its buyer) first, then offers I made and
// where they stand. Each tab counts the decisions waiting on me there.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeTradeError } from '../../lib/errors.ts';
import { yuan } from '../../lib/format.ts';
import { type Offer, useOfferSummary, useOffers } from '../../features/offers/api.ts';
import { BuyerOfferActions } from '../../features/offers/components/buyer-offer.tsx';
import { SellerOfferRow } from '../../features/offers/components/seller-offers.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { Tabs } from '../../ui/tabs.tsx';

type Role = 'buyer' | 'seller';

export default function OffersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // Received first (issue 15): what waits on me is what brings me here.
  const role: Role = params.get('role') === 'buyer' ? 'buyer' : 'seller';
  const offers = useOffers(role);
  const summary = useOfferSummary(true);
  const count = (n: number | undefined) => (n ? ` (${n})` : '');
  return (
    <>
      <PageHeader title={t('offers.title')} back="/me" />
      <Tabs
        label={t('offers.title')}
        options={[
          { key: 'seller', label: `${t('offers.received')}${count(summary?.received)}` },
          { key: 'buyer', label: `${t('offers.sent')}${count(summary?.countered)}` },
        ]}
        value={role}
        onChange={(r) => setParams({ role: r }, { replace: true })}
      />
      {offers.isPending ? (
        <Loading />
      ) : offers.isError ? (
        <ErrorState message={describeTradeError(t, offers.error)} onRetry={() => void offers.refetch()} />
      ) : offers.data.items.length === 0 ? (
        <p className="empty">{role === 'buyer' ? t('offers.emptySent') : t('offers.emptyReceived')}</p>
      ) : (
        <ul className="order-list">
          {offers.data.items.map((o) => (
            <OfferCard key={o.id} offer={o} />
          ))}
        </ul>
      )}
    </>
  );
}

function OfferCard({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  return (
    <li className="card offer-card" data-testid="offer-card">
      <Link to={`/items/${offer.itemId}`} className="offer-card-item">
        {offer.item?.coverUrl ? (
          <img src={offer.item.coverUrl} alt="" className="order-cover order-cover-small" />
        ) : (
          <span className="order-cover order-cover-small" />
        )}
        <span className="order-item-text">
          <span className="order-item-title">{offer.item?.title ?? t('offers.itemGone')}</span>
          {offer.item && <span className="muted small">{t('offers.asking', { price: yuan(offer.item.price) })}</span>}
        </span>
      </Link>
      {offer.role === 'seller' ? (
        <ul className="offer-list">
          <SellerOfferRow offer={offer} askingPrice={offer.item?.price ?? offer.price} />
        </ul>
      ) : (
        <>
          <div className="offer-line">
            <span>{t('offers.youOffered')}</span>
            <strong>{yuan(offer.price)}</strong>
            <span className={`offer-status offer-${offer.status}`}>{t(`offers.status.${offer.status}`)}</span>
          </div>
          <BuyerOfferActions offer={offer} />
        </>
      )}
    </li>
  );
}
