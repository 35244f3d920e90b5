// Result tiles: an item with its cover, the title with the matched words marked, the price and
// badges for distance and pickup; a note as a compact card. Links to the item or note page.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BagIcon, PinIcon } from '../../../ui/icons.tsx';
import { priceLabel } from '../../../lib/format.ts';
import type { SearchItem, SearchNote } from '../api.ts';
import { MarkedText } from './marked-text.tsx';

export function DistanceBadge({ km }: { km: number | null | undefined }) {
  const { t } = useTranslation();
  if (km === null || km === undefined) return null;
  return (
    <span className="distance-badge" data-testid="distance-badge">
      <PinIcon size={11} />
      {t('search.km1', { km: km < 10 ? km.toFixed(1) : String(Math.round(km)) })}
    </span>
  );
}

export function ItemResult({ item }: { item: SearchItem }) {
  const { t } = useTranslation();
  const cover = item.images[0];
  return (
    <Link to={`/items/${item.id}`} className="result-tile" data-testid="search-result" data-distance={item.distanceKm ?? ''}>
      <span className="result-cover">
        {cover ? (
          <img src={cover.url} alt="" loading="lazy" />
        ) : (
          <span className="result-nocover" aria-hidden="true">
            <BagIcon size={26} />
          </span>
        )}
        <DistanceBadge km={item.distanceKm} />
      </span>
      <span className="result-title">
        <MarkedText text={item.title} marks={item.titleMarks} />
      </span>
      <span className="result-meta">
        <span className={item.price === 0 ? 'item-card-price item-card-free' : 'item-card-price'}>
          {priceLabel(item.price, t('item.free'))}
        </span>
        {item.delivery.includes('pickup') && <span className="result-pickup">{t('search.pickup')}</span>}
      </span>
      {item.location?.label && <span className="result-place muted small">{item.location.label}</span>}
    </Link>
  );
}

export function NoteResult({ note }: { note: SearchNote }) {
  const { t } = useTranslation();
  return (
    <Link to={`/notes/${note.id}`} className="result-tile" data-testid="search-result">
      <span className="result-cover">
        {note.cover ? (
          <img src={note.cover.url} alt="" loading="lazy" />
        ) : (
          <span className={`result-nocover kind-bg-${note.kind}`} aria-hidden="true">
            {note.title.slice(0, 12)}
          </span>
        )}
        <DistanceBadge km={note.distanceKm} />
      </span>
      <span className="result-title">
        <MarkedText text={note.title} marks={note.titleMarks} />
      </span>
      <span className="result-place muted small">{t('search.noteBy', { name: note.author.displayName })}</span>
    </Link>
  );
}
