// 附近: where the viewer is (browser position, or a district), a strip of items for sale nearby
// (nearest first, from /search sort=distance), then the nearby notes (/feed?tab=nearby:
// pickup-friendly first, then nearest) as the masonry feed.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardFeed } from '../../feed/components/card-feed.tsx';
import { nearbyList } from '../../feed/api.ts';
import { isSearchItem, useSearch } from '../api.ts';
import { usePosition } from '../position.ts';
import { PositionBar, PositionPrompt } from './position-picker.tsx';
import { ItemResult } from './result-tiles.tsx';

export const NEARBY_KM = 10;

function NearbyItems({ lat, lng }: { lat: number; lng: number }) {
  const { t } = useTranslation();
  const q = useSearch({ sort: 'distance', lat, lng, radiusKm: NEARBY_KM });
  const items = (q.data?.pages[0]?.items ?? []).filter(isSearchItem).slice(0, 10);
  if (q.isPending || q.isError) return null;
  return (
    <section className="nearby-items" aria-labelledby="nearby-items-title">
      <div className="nearby-items-head">
        <h2 id="nearby-items-title">{t('nearby.itemsTitle')}</h2>
        {items.length > 0 && (
          <Link to={`/search?sort=distance&radiusKm=${NEARBY_KM}`} className="small">
            {t('nearby.moreItems')}
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted small">{t('nearby.noItems')}</p>
      ) : (
        <ul className="nearby-strip" data-testid="nearby-items">
          {items.map((item) => (
            <li key={item.id}>
              <ItemResult item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NearbyTab() {
  const { t } = useTranslation();
  const position = usePosition();
  const coords = position.position?.coords;
  if (!coords) return <PositionPrompt state={position} />;
  return (
    <>
      <PositionBar state={position} />
      <NearbyItems lat={coords.lat} lng={coords.lng} />
      <h2 className="nearby-notes-title">{t('nearby.notesTitle')}</h2>
      <CardFeed
        key={`${coords.lat},${coords.lng}`}
        list={nearbyList(coords, NEARBY_KM)}
        label={t('nearby.notesTitle')}
        empty={<p>{t('nearby.empty', { km: String(NEARBY_KM) })}</p>}
      />
    </>
  );
}
