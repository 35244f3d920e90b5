// An item: photos, price, terms, seller, description, live state; Buy and 议价 for others,
// the seller's tools (edit, withdraw/relist, floor price, offers) for the seller.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { ChatWithSeller } from '../../features/chat/components/chat-with-seller.tsx';
import { ItemEngagement, MoreFromSeller } from '../../features/engagement/components/item-extras.tsx';
import { WantButton } from '../../features/engagement/components/want-button.tsx';
import { type Item, itemPhotos, useItem } from '../../features/items/api.ts';
import { ItemFacts } from '../../features/items/components/item-facts.tsx';
import { SellerCard } from '../../features/items/components/seller-card.tsx';
import { SellerTools } from '../../features/items/components/seller-tools.tsx';
import { describeTradeError } from '../../lib/errors.ts';
import { yuan } from '../../lib/format.ts';
import { useViewerCoords } from '../../features/items/use-viewer-coords.ts';
import { BuyerOffer } from '../../features/offers/components/buyer-offer.tsx';
import { MakeOffer } from '../../features/offers/components/make-offer.tsx';
import { SellerOffers } from '../../features/offers/components/seller-offers.tsx';
import { isLive, useOffers } from '../../features/offers/api.ts';
import { ApiError } from '../../lib/api.ts';
import { loginPath } from '../../lib/next.ts';
import { CheckIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { PhotoCarousel } from '../../ui/photo-carousel.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function ItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const coords = useViewerCoords();
  const item = useItem(id, coords);
  const location = useLocation();
  const [listed, setListed] = useState(!!(location.state as { listed?: boolean } | null)?.listed);
  useEffect(() => {
    if (!listed) return;
    const timer = setTimeout(() => setListed(false), 4000);
    return () => clearTimeout(timer);
  }, [listed]);

  if (item.isPending) {
    return (
      <>
        <PageHeader title="" />
        <Loading />
      </>
    );
  }
  if (item.isError) {
    const missing = item.error instanceof ApiError && item.error.status === 404;
    return (
      <>
        <PageHeader title="" />
        <ErrorState
          message={missing ? t('item.notFound') : describeTradeError(t, item.error)}
          onRetry={missing ? undefined : () => void item.refetch()}
        />
      </>
    );
  }
  return (
    <div className="item-page">
      <PageHeader title={t('item.pageTitle')} />
      {listed && (
        <p className="toast" role="status">
          <CheckIcon size={16} /> {t('item.listed')}
        </p>
      )}
      <ItemBody item={item.data} />
    </div>
  );
}

function ItemBody({ item }: { item: Item }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const mine = me?.id === item.sellerId;
  // Two columns on desktop (photos | everything else); invisible wrappers on a phone.
  return (
    <>
      <div className="item-media">
        <PhotoCarousel photos={itemPhotos(item)} title={item.title} variant="item" />
      </div>
      <div className="item-info">
        {item.status !== 'on_sale' && (
          <p className={`state-banner state-${item.status}`} role="status" data-testid="item-state">
            {item.status === 'withdrawn'
              ? t('item.withdrawnBanner')
              : item.held > 0
                ? t('stock.heldBanner')
                : t('item.soldOutBanner')}
          </p>
        )}
        <ItemFacts item={item} />
        <ItemEngagement item={item} canReport={!!me && !mine} />
        {!mine && me && <LatestOffer itemId={item.id} />}
        {item.description && (
          <section className="card">
            <h2 className="card-title">{t('item.description')}</h2>
            <p className="item-description">{item.description}</p>
          </section>
        )}
        <SellerCard seller={item.seller} />
        <MoreFromSeller item={item} />
        {mine ? (
          <>
            <SellerOffers itemId={item.id} askingPrice={item.price} />
            <SellerTools item={item} />
          </>
        ) : (
          <BuyerSide item={item} signedIn={!!me} />
        )}
      </div>
    </>
  );
}

function BuyerSide({ item, signedIn }: { item: Item; signedIn: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const offers = useOffers('buyer', item.id, signedIn);
  const [offering, setOffering] = useState(false);
  const latest = offers.data?.items[0];
  const buyable = item.status === 'on_sale' && item.available > 0;
  const canOffer = buyable && item.price > 0 && !(latest && isLive(latest));
  // With an agreed price the main button buys at it (one unit, within 24 hours).
  const agreed = latest?.status === 'accepted' && latest.agreedPrice !== null ? latest : null;
  const needLogin = (to: string) => navigate(loginPath(to));

  return (
    <>
      {buyable && !agreed && item.price > 0 && item.delivery.includes('pickup') && (
        <section className="card reserve-entry" data-testid="reserve-entry">
          <p className="muted small">{t('reservation.reserveHint')}</p>
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() => (signedIn ? navigate(`/checkout/${item.id}?reserve=1`) : needLogin(`/checkout/${item.id}?reserve=1`))}
          >
            {t('reservation.reserve')}
          </button>
        </section>
      )}
      <div className="action-bar">
        <WantButton item={item} signedIn={signedIn} />
        <ChatWithSeller sellerId={item.sellerId} itemId={item.id} signedIn={signedIn} />
        {item.price > 0 && (
          <button
            type="button"
            className="btn btn-secondary"
            disabled={!canOffer}
            onClick={() => (signedIn ? setOffering(true) : needLogin(`/items/${item.id}`))}
          >
            {t('item.makeOffer')}
          </button>
        )}
        {agreed ? (
          <button
            type="button"
            className="btn btn-primary btn-grow"
            disabled={!buyable}
            onClick={() => navigate(`/checkout/${item.id}?offerId=${agreed.id}`)}
          >
            {t('offers.buyAtAgreed', { price: yuan(agreed.agreedPrice ?? 0) })}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary btn-grow"
            disabled={!buyable}
            onClick={() => navigate(`/checkout/${item.id}`)}
          >
            {!buyable
              ? item.status === 'sold_out' && item.held > 0
                ? t('stock.held')
                : t(`item.status.${item.status}`)
              : item.free
                ? t('item.getFree')
                : t('item.buyNow')}
          </button>
        )}
      </div>
      <MakeOffer item={item} open={offering} onClose={() => setOffering(false)} />
    </>
  );
}

/** The buyer's latest offer on this item, near the price it is about. */
function LatestOffer({ itemId }: { itemId: string }) {
  const latest = useOffers('buyer', itemId).data?.items[0];
  if (!latest || latest.status === 'withdrawn' || latest.status === 'used') return null;
  return <BuyerOffer offer={latest} />;
}
