// The seller's side of 议价 on their item page: every offer, answered in place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../ui/alert.tsx';
import { Avatar } from '../../../ui/avatar.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import { type Offer, isLive, useCounterOffer, useDecideOffer, useOffers } from '../api.ts';
import { PriceSheet } from './price-sheet.tsx';

export function SellerOffers({ itemId, askingPrice }: { itemId: string; askingPrice: number }) {
  const { t } = useTranslation();
  const offers = useOffers('seller', itemId);
  const list = offers.data?.items ?? [];
  const live = list.filter(isLive);
  const closed = list.filter((o) => !isLive(o)).slice(0, 5);
  return (
    <section className="card offer-panel" data-testid="item-offers" aria-labelledby="item-offers-title">
      <h2 className="card-title" id="item-offers-title">
        {t('offers.onThisItem', { count: live.length })}
      </h2>
      {list.length === 0 && <p className="muted small">{t('offers.noneYet')}</p>}
      <ul className="offer-list">
        {[...live, ...closed].map((o) => (
          <SellerOfferRow key={o.id} offer={o} askingPrice={askingPrice} />
        ))}
      </ul>
    </section>
  );
}

export function SellerOfferRow({ offer, askingPrice }: { offer: Offer; askingPrice: number }) {
  const { t } = useTranslation();
  const decide = useDecideOffer();
  const counter = useCounterOffer();
  const [countering, setCountering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (decision: 'accept' | 'decline') =>
    decide.mutate({ id: offer.id, decision }, { onError: (err) => setError(describeTradeError(t, err)) });

  return (
    <li className="offer-row" data-testid="received-offer">
      {offer.buyer && (
        <Link to={`/u/${offer.buyer.id}`} className="offer-buyer" data-testid="offer-buyer">
          <Avatar url={offer.buyer.avatarUrl} name={offer.buyer.displayName} size={28} />
          <span className="offer-buyer-name">{offer.buyer.displayName}</span>
          <span className="muted small">{t('offers.buyerOffered')}</span>
        </Link>
      )}
      <div className="offer-line">
        <strong>{yuan(offer.price)}</strong>
        {offer.counterPrice !== null && (
          <span className="muted small">{t('offers.youCountered', { price: yuan(offer.counterPrice) })}</span>
        )}
        <span className={`offer-status offer-${offer.status}`}>
          {offer.declinedAutomatically ? t('offers.declinedByFloor') : t(`offers.status.${offer.status}`)}
        </span>
      </div>
      {offer.status === 'pending' && (
        <div className="offer-actions">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={decide.isPending}
            onClick={() => act('decline')}
          >
            {t('offers.decline')}
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setCountering(true)}>
            {t('offers.counter')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={decide.isPending}
            onClick={() => act('accept')}
          >
            {t('offers.accept')}
          </button>
        </div>
      )}
      <FormAlert message={error} />
      <PriceSheet
        open={countering}
        title={t('offers.counterTitle')}
        label={t('offers.counterLabel')}
        intro={t('offers.counterIntro', { offer: yuan(offer.price), asking: yuan(askingPrice) })}
        submitLabel={t('offers.sendCounter')}
        check={(fen) =>
          fen <= offer.price || fen > askingPrice
            ? t('offers.counterRange', { min: yuan(offer.price + 1), max: yuan(askingPrice) })
            : null
        }
        onSubmit={(price) =>
          counter.mutateAsync({ id: offer.id, price }).then(
            () => undefined,
            (err: unknown) => {
              throw new Error(describeTradeError(t, err));
            },
          )
        }
        onClose={() => setCountering(false)}
      />
    </li>
  );
}
