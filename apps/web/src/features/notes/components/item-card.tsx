// A live item card inside a note, a comment (借楼) or a stall grid: cover, title, price, stock,
// and its state in words when it can no longer be bought — sold, or only held by an order that
// is not paid yet (it may come back, so it is not shown as gone). Taps through to the item page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { deliveryName, priceLabel } from '../../../lib/format.ts';
import { BagIcon } from '../../../ui/icons.tsx';
import type { ItemCard as Card } from '../types.ts';

function Cover({ card, className }: { card: Card; className: string }) {
  const src = card.coverThumbUrl ?? card.coverUrl;
  return src ? (
    <img className={className} src={src} alt="" loading="lazy" />
  ) : (
    <span className={`${className} item-card-nocover`} aria-hidden="true">
      <BagIcon size={22} />
    </span>
  );
}

const isHeld = (card: Card) => card.status === 'sold_out' && (card.held ?? 0) > 0;

function StateLine({ card }: { card: Card }) {
  const { t } = useTranslation();
  if (card.status === 'sold_out') return <span className="item-card-state">{t(isHeld(card) ? 'stock.held' : 'noteItem.soldOut')}</span>;
  if (card.status === 'withdrawn') return <span className="item-card-state">{t('noteItem.withdrawn')}</span>;
  return <span className="muted small">{t('noteItem.stock', { count: card.available })}</span>;
}

/** A row: the card as it sits in a note or a comment. */
export function ItemCardRow({ card }: { card: Card }) {
  const { t } = useTranslation();
  const gone = card.status !== 'on_sale';
  return (
    <Link
      to={`/items/${card.id}`}
      className={gone && !isHeld(card) ? 'item-card item-card-gone' : 'item-card'}
      data-testid="item-card"
      data-status={card.status}
    >
      <Cover card={card} className="item-card-cover" />
      <span className="item-card-text">
        <span className="item-card-title">{card.title}</span>
        <span className="item-card-meta">
          <StateLine card={card} />
          {!gone && card.delivery.length > 0 && (
            <span className="muted small">· {card.delivery.map((d) => deliveryName(d)).join(' / ')}</span>
          )}
        </span>
      </span>
      <span className="item-card-side">
        <span className={card.price === 0 ? 'item-card-price item-card-free' : 'item-card-price'}>
          {priceLabel(card.price, t('item.free'))}
        </span>
        {!gone && <span className="item-card-go">{card.price === 0 ? t('noteItem.want') : t('noteItem.buy')}</span>}
      </span>
    </Link>
  );
}

/** A tile: the card in a stall thread's grid. */
export function ItemCardTile({ card }: { card: Card }) {
  const { t } = useTranslation();
  const gone = card.status !== 'on_sale';
  return (
    <Link
      to={`/items/${card.id}`}
      className={gone ? 'item-tile item-card-gone' : 'item-tile'}
      data-testid="stall-item"
      data-status={card.status}
    >
      <span className="item-tile-frame">
        <Cover card={card} className="item-tile-cover" />
        {gone && (
          <span className="item-tile-state">
            {t(isHeld(card) ? 'stock.held' : card.status === 'sold_out' ? 'noteItem.soldOut' : 'noteItem.withdrawn')}
          </span>
        )}
      </span>
      <span className="item-tile-title">{card.title}</span>
      <span className={card.price === 0 ? 'item-card-price item-card-free' : 'item-card-price'}>
        {priceLabel(card.price, t('item.free'))}
      </span>
    </Link>
  );
}
