// The buyer's side of 议价 on an item page: the latest offer and what can be done with it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/format.ts';
import { ButtonLink } from '../../../ui/button.tsx';
import { FormAlert } from '../../../ui/alert.tsx';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import { type Offer, useDecideOffer } from '../api.ts';

export function BuyerOffer({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  return (
    <section className="card offer-panel" data-testid="my-offer" aria-labelledby="my-offer-title">
      <h2 className="card-title" id="my-offer-title">
        {t('offers.mine')}
      </h2>
      <p className="offer-line">
        <span>{t('offers.youOffered')}</span>
        <strong>{yuan(offer.price)}</strong>
        <span className={`offer-status offer-${offer.status}`}>{t(`offers.status.${offer.status}`)}</span>
      </p>
      <BuyerOfferActions offer={offer} />
    </section>
  );
}

/** What the buyer can do with their offer now: withdraw it, answer a counter, or buy at the
 *  agreed price. Shared by the item page and the 议价 list. */
export function BuyerOfferActions({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const decide = useDecideOffer();
  const [error, setError] = useState<string | null>(null);
  const act = (decision: 'accept' | 'decline' | 'withdraw') =>
    decide.mutate({ id: offer.id, decision }, { onError: (err) => setError(describeTradeError(t, err)) });

  return (
    <>
      {offer.status === 'pending' && (
        <div className="offer-actions">
          <span className="muted small">{t('offers.waitingSeller')}</span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={decide.isPending}
            onClick={() => act('withdraw')}
          >
            {t('offers.withdraw')}
          </button>
        </div>
      )}
      {offer.status === 'countered' && offer.counterPrice !== null && (
        <>
          <p className="offer-counter">{t('offers.sellerCountered', { price: yuan(offer.counterPrice) })}</p>
          <div className="offer-actions">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={decide.isPending}
              onClick={() => act('decline')}
            >
              {t('offers.decline')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={decide.isPending}
              onClick={() => act('accept')}
            >
              {t('offers.acceptCounter')}
            </button>
          </div>
        </>
      )}
      {offer.status === 'accepted' && offer.agreedPrice !== null && (
        <>
          <p className="offer-counter">
            {t('offers.agreed', {
              price: yuan(offer.agreedPrice),
              time: offer.validUntil ? formatTime(new Date(offer.validUntil)) : '—',
            })}
          </p>
          <ButtonLink to={`/checkout/${offer.itemId}?offerId=${offer.id}`} block>
            {t('offers.buyAtAgreed', { price: yuan(offer.agreedPrice) })}
          </ButtonLink>
        </>
      )}
      {offer.status === 'declined' && <p className="muted small">{t('offers.declinedBuyer')}</p>}
      <FormAlert message={error} />
    </>
  );
}
