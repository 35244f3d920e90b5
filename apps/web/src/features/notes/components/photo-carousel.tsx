// A note's photos: swipe between them (CSS scroll-snap), dots below; the frame takes the
// cover's shape (within 3:4 … 4:3) so a portrait note is not letterboxed into a square.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteImage } from '../types.ts';

export function PhotoCarousel({ images, title }: { images: NoteImage[]; title: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const track = useRef<HTMLUListElement>(null);
  const first = images[0];
  if (!first) return null;
  const ratio = Math.min(4 / 3, Math.max(3 / 4, first.height / first.width));
  const go = (i: number) => {
    const el = track.current;
    if (el) el.scrollTo({ left: i * el.clientWidth, behavior: 'smooth' });
  };
  return (
    <div className="note-carousel" data-testid="note-photos">
      <ul
        ref={track}
        className="note-carousel-track"
        aria-label={t('note.photos')}
        style={{ aspectRatio: `1 / ${ratio}` }}
        onScroll={(e) => {
          const el = e.currentTarget;
          setIndex(Math.round(el.scrollLeft / Math.max(1, el.clientWidth)));
        }}
      >
        {images.map((img, i) => (
          <li key={img.id} className="note-carousel-slide">
            <img
              src={img.urls.detail}
              alt={t('note.photoAlt', { title, n: i + 1 })}
              width={img.width}
              height={img.height}
              loading={i === 0 ? 'eager' : 'lazy'}
            />
          </li>
        ))}
      </ul>
      {images.length > 1 && (
        <>
          <span className="note-carousel-count" aria-hidden="true">
            {index + 1}/{images.length}
          </span>
          <div className="note-dots" role="tablist" aria-label={t('note.photos')}>
            {images.map((img, i) => (
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
        </>
      )}
    </div>
  );
}
