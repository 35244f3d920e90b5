// Swipeable photos (CSS scroll-snap) with a "2/5" counter — one carousel for items and notes,
// taking one photo shape (the media shape, `urls.detail`; items map theirs at the edge).
// An item keeps a square frame and says when there are no photos; a note's frame takes the
// cover's shape (within 3:4 … 4:3) so a portrait note is not letterboxed, with dots below.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../lib/api.ts';

export type Photo = Schemas['Image'];

type Props = { photos: Photo[]; title: string; variant: 'item' | 'note' };

export function PhotoCarousel({ photos, title, variant }: Props) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const track = useRef<HTMLUListElement>(null);
  const note = variant === 'note';
  const c = note ? 'note-carousel' : 'carousel';
  const label = note ? t('note.photos') : t('item.photos');
  const first = photos[0];
  if (!first) {
    if (note) return null;
    return (
      <div className="carousel carousel-empty" aria-hidden="true">
        <span>{t('item.noPhotos')}</span>
      </div>
    );
  }
  const ratio = Math.min(4 / 3, Math.max(3 / 4, first.height / first.width));
  const go = (i: number) => {
    const el = track.current;
    if (el) el.scrollTo({ left: i * el.clientWidth, behavior: 'smooth' });
  };
  return (
    <div className={c} data-testid={note ? 'note-photos' : undefined}>
      <ul
        ref={track}
        className={`${c}-track`}
        aria-label={label}
        style={note ? { aspectRatio: `1 / ${ratio}` } : undefined}
        onScroll={(e) => {
          const el = e.currentTarget;
          setIndex(Math.round(el.scrollLeft / Math.max(1, el.clientWidth)));
        }}
      >
        {photos.map((img, i) => (
          <li key={img.id} className={`${c}-slide`}>
            <img
              src={img.urls.detail}
              alt={note ? t('note.photoAlt', { title, n: i + 1 }) : t('item.photoAlt', { title, n: i + 1 })}
              width={img.width}
              height={img.height}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          </li>
        ))}
      </ul>
      {photos.length > 1 && (
        <span className={`${c}-count`} aria-hidden="true">
          {index + 1}/{photos.length}
        </span>
      )}
      {note && photos.length > 1 && (
        <div className="note-dots" role="tablist" aria-label={label}>
          {photos.map((img, i) => (
            <button
              key={img.id}
              type="button"
              role="tab"
              aria-selected={i === index}
              aria-label={t('note.photoN', { n: i + 1 })}
              className={i === index ? 'note-dot note-dot-on' : 'note-dot'}
              onClick={() => go(i)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
