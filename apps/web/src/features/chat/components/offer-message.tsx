// An offer card in the chat (议价): its live state, and the actions of whoever's turn it is —
// the seller accepts, declines or counters a pending offer; the buyer accepts or declines a
// counter, or withdraws; an accepted offer is bought at the agreed price through checkout.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/format.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button, ButtonLink } from '../../../ui/button.tsx';
import { yuan } from '../../../lib/format.ts';
import { PriceSheet } from '../../offers/components/price-sheet.tsx';
import { type OfferAction, useOfferAction } from '../api.ts';
import { describeChatError } from '../errors.ts';
import type { ChatOffer } from '../types.ts';

/**
 * An accepted offer lapses when its 24 hours run out (the server then says expired): the card
 * turns at that moment, without a reload.
 */
function useLapsed(offer: ChatOffer): ChatOffer {
  const until = offer.status === 'accepted' && offer.validUntil ? new Date(offer.validUntil).getTime() : null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null || until <= Date.now()) return;
    // setTimeout takes at most ~24.8 days; an offer lasts a day.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(until - Date.now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until]);
  return until !== null && until <= now ? { ...offer, status: 'expired' } : offer;
}

export function OfferMessage({ offer: live, meId }: { offer: ChatOffer; meId: string }) {
  const { t } = useTranslation();
  const offer = useLapsed(live);
  // The role is worked out here: a card pushed by the socket was presented for its sender.
  const seller = offer.sellerId === meId;
  const act = useOfferAction();
  const [error, setError] = useState<string | null>(null);
  const [countering, setCountering] = useState(false);
  const run = (a: OfferAction) => {
    setError(null);
    act.mutate(a, { onError: (err) => setError(describeChatError(t, err)) });
  };
  const asking = offer.item?.price ?? null;
  const busy = act.isPending;

  return (
    <div className="chat-card chat-offer" data-testid="chat-offer-card" data-status={offer.status}>
      <div className="chat-offer-head">
        <span className="chat-tag">{t('chat.offer.label')}</span>
        {offer.item && <span className="chat-offer-item">{offer.item.title}</span>}
      </div>
      <p className="chat-offer-line">
        <span className="muted small">{seller ? t('chat.offer.buyerOffered') : t('chat.offer.youOffered')}</span>
        <strong className="chat-price">{yuan(offer.price)}</strong>
        <span className={`offer-status offer-${offer.status}`}>{t(`chat.offer.status.${offer.status}`)}</span>
      </p>
      {asking !== null && <p className="muted small">{t('chat.offer.asking', { price: yuan(asking) })}</p>}
      {offer.status === 'countered' && offer.counterPrice !== null && (
        <p className="chat-offer-note">{t('chat.offer.countered', { price: yuan(offer.counterPrice) })}</p>
      )}
      {offer.status === 'accepted' && offer.agreedPrice !== null && (
        <p className="chat-offer-note">
          {t('chat.offer.agreed', {
            price: yuan(offer.agreedPrice),
            time: offer.validUntil ? formatTime(new Date(offer.validUntil)) : '—',
          })}
        </p>
      )}
      {offer.status === 'declined' && seller && offer.declinedAutomatically && (
        <p className="muted small">{t('chat.offer.autoDeclined')}</p>
      )}

      {offer.status === 'pending' && seller && (
        <div className="chat-offer-actions">
          <Button
            variant="secondary"
            className="btn-small"
            disabled={busy}
            onClick={() => run({ id: offer.id, action: 'decline' })}
          >
            {t('chat.offer.decline')}
          </Button>
          <Button variant="secondary" className="btn-small" disabled={busy} onClick={() => setCountering(true)}>
            {t('chat.offer.counter')}
          </Button>
          <Button className="btn-small" disabled={busy} onClick={() => run({ id: offer.id, action: 'accept' })}>
            {t('chat.offer.accept')}
          </Button>
        </div>
      )}
      {offer.status === 'pending' && !seller && (
        <div className="chat-offer-actions">
          <span className="muted small">{t('chat.offer.waitSeller')}</span>
          <Button
            variant="ghost"
            className="btn-small"
            disabled={busy}
            onClick={() => run({ id: offer.id, action: 'withdraw' })}
          >
            {t('chat.offer.withdraw')}
          </Button>
        </div>
      )}
      {offer.status === 'countered' && !seller && (
        <div className="chat-offer-actions">
          <Button
            variant="secondary"
            className="btn-small"
            disabled={busy}
            onClick={() => run({ id: offer.id, action: 'decline' })}
          >
            {t('chat.offer.decline')}
          </Button>
          <Button className="btn-small" disabled={busy} onClick={() => run({ id: offer.id, action: 'accept' })}>
            {t('chat.offer.acceptCounter')}
          </Button>
        </div>
      )}
      {offer.status === 'countered' && seller && (
        <p className="muted small chat-offer-wait">{t('chat.offer.waitBuyer')}</p>
      )}
      {offer.status === 'accepted' && seller && (
        <p className="muted small chat-offer-wait">{t('chat.offer.waitOrder')}</p>
      )}
      {offer.status === 'accepted' && !seller && (
        <ButtonLink to={`/checkout/${offer.itemId}?offerId=${offer.id}`} block className="btn-small chat-offer-buy">
          {t('chat.offer.buyAgreed')}
        </ButtonLink>
      )}
      <FormAlert message={error} />

      {seller && (
        <PriceSheet
          open={countering}
          title={t('chat.offer.counterTitle')}
          label={t('chat.offer.counterLabel')}
          intro={
            asking !== null
              ? t('chat.offer.counterIntro', { offer: yuan(offer.price), price: yuan(asking) })
              : undefined
          }
          hint={t('chat.offer.counterHint')}
          submitLabel={t('chat.offer.counterSend')}
          check={(fen) =>
            fen <= offer.price || (asking !== null && fen > asking)
              ? t('chat.offer.counterRange', { min: yuan(offer.price), max: yuan(asking ?? fen) })
              : null
          }
          onSubmit={(price) =>
            act.mutateAsync({ id: offer.id, action: 'counter', price }).then(
              () => undefined,
              (err: unknown) => {
                throw new Error(describeChatError(t, err));
              },
            )
          }
          onClose={() => setCountering(false)}
        />
      )}
    </div>
  );
}
