// Live item cards in a chat: the card a member sends in a message, and the strip under the
// header for the item the conversation is about. Price, stock and state are today's; Buy
// goes straight to checkout (escrow), the rest of the card to the item page.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink } from '../../../ui/button.tsx';
import { BagIcon } from '../../../ui/icons.tsx';
import { itemPrice } from '../format.ts';
import type { ChatItemCard } from '../types.ts';

export const buyable = (card: ChatItemCard, meId: string) =>
  card.sellerId !== meId && card.status === 'on_sale' && card.available > 0;

function stateWords(t: TFunction, card: ChatItemCard) {
  // Every unit in orders not paid yet: not sold, it may come back.
  if (card.status === 'sold_out' && card.held > 0) return t('stock.held');
  if (card.status === 'sold_out' || (card.status === 'on_sale' && card.available === 0)) return t('chat.card.soldOut');
  if (card.status === 'withdrawn') return t('chat.card.withdrawn');
  return t('chat.card.stock', { count: card.available });
}

export function Cover({ card, className }: { card: ChatItemCard; className: string }) {
  const src = card.coverThumbUrl ?? card.coverUrl;
  return src ? (
    <img className={className} src={src} alt="" loading="lazy" />
  ) : (
    <span className={`${className} chat-nocover`} aria-hidden="true">
      <BagIcon size={20} />
    </span>
  );
}

/** The Buy button (or why there is none): same rule on every card. */
function BuyOrState({ card, meId, small }: { card: ChatItemCard; meId: string; small?: boolean }) {
  const { t } = useTranslation();
  if (buyable(card, meId)) {
    return (
      <ButtonLink to={`/checkout/${card.id}`} className={small ? 'btn-small chat-buy' : 'chat-buy'}>
        {card.free ? t('chat.card.getFree') : t('chat.card.buy')}
      </ButtonLink>
    );
  }
  const label =
    card.sellerId === meId && card.status === 'on_sale' && card.available > 0
      ? t('chat.card.mine')
      : stateWords(t, card);
  return <span className="chat-card-state">{label}</span>;
}

/** A card sent in a message. */
export function ItemMessage({ card, meId }: { card: ChatItemCard | null | undefined; meId: string }) {
  const { t } = useTranslation();
  if (!card) return <p className="chat-card chat-card-gone">{t('chat.card.itemGone')}</p>;
  const gone = card.status !== 'on_sale';
  return (
    <div
      className={gone ? 'chat-card chat-item chat-item-gone' : 'chat-card chat-item'}
      data-testid="chat-item-card"
      data-status={card.status}
    >
      <Link
        to={`/items/${card.id}`}
        className="chat-item-link"
        aria-label={t('chat.card.itemLabel', { title: card.title })}
      >
        <Cover card={card} className="chat-item-cover" />
        <span className="chat-item-text">
          <span className="chat-item-title">{card.title}</span>
          <span className={card.free ? 'chat-price chat-free' : 'chat-price'}>{itemPrice(t, card.price)}</span>
          <span className="chat-item-stock">{stateWords(t, card)}</span>
        </span>
      </Link>
      <div className="chat-item-foot">
        <BuyOrState card={card} meId={meId} small />
      </div>
    </div>
  );
}

/** The item the conversation is about, pinned under the header. */
export function ItemStrip({ card, meId }: { card: ChatItemCard; meId: string }) {
  const { t } = useTranslation();
  return (
    <div className="chat-strip" data-testid="chat-item-strip">
      <Link
        to={`/items/${card.id}`}
        className="chat-strip-link"
        aria-label={t('chat.card.itemLabel', { title: card.title })}
      >
        <Cover card={card} className="chat-strip-cover" />
        <span className="chat-strip-text">
          <span className={card.free ? 'chat-price chat-free' : 'chat-price'}>{itemPrice(t, card.price)}</span>
          <span className="chat-strip-title">{card.title}</span>
        </span>
      </Link>
      <BuyOrState card={card} meId={meId} small />
    </div>
  );
}
