// Swipeable photos (CSS scroll-snap) with a "2/5" counter; a placeholder when there are none.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemImage } from '../api.ts';

export function Carousel({ images, title }: { images: ItemImage[]; title: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  if (images.length === 0) {
    return (
      <div className="carousel carousel-empty" aria-hidden="true">
        <span>{t('item.noPhotos')}</span>
      </div>
    );
  }
  return (
    <div className="carousel">
      <ul
        className="carousel-track"
        aria-label={t('item.photos')}
        onScroll={(e) => {
          const el = e.currentTarget;
          setIndex(Math.round(el.scrollLeft / Math.max(1, el.clientWidth)));
        }}
      >
        {images.map((img, i) => (
          <li key={img.id} className="carousel-slide">
            <img
              src={img.detailUrl}
              alt={t('item.photoAlt', { title, n: i + 1 })}
              width={img.width}
              height={img.height}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          </li>
        ))}
      </ul>
      {images.length > 1 && (
        <span className="carousel-count" aria-hidden="true">
          {index + 1}/{images.length}
        </span>
      )}
    </div>
  );
}
