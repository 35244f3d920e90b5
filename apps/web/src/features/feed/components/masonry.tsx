// Two columns of cards, each card going to the shorter column (by the cover's known shape), so
// a new page only adds to the bottom and nothing already seen jumps. Scrolling near the end
// loads the next cursor page.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedCard } from '../../notes/types.ts';
import { coverRatio, NoteCard } from './note-card.tsx';

// The text under a cover, in card widths: title, author row, padding (about 70 px of 180).
const FOOTER = 0.4;

function columns(cards: FeedCard[]): [FeedCard[], FeedCard[]] {
  const out: [FeedCard[], FeedCard[]] = [[], []];
  let left = 0;
  let right = 0;
  for (const c of cards) {
    const h = coverRatio(c.cover) + FOOTER;
    if (right < left) {
      out[1].push(c);
      right += h;
    } else {
      out[0].push(c);
      left += h;
    }
  }
  return out;
}

export function Masonry({ cards, viewerId, label }: { cards: FeedCard[]; viewerId: string | null; label: string }) {
  const [left, right] = useMemo(() => columns(cards), [cards]);
  return (
    <section className="masonry" aria-label={label} data-testid="masonry">
      {[left, right].map((col, i) => (
        <div className="masonry-col" key={i === 0 ? 'left' : 'right'}>
          {col.map((card) => (
            <NoteCard key={card.id} card={card} viewerId={viewerId} />
          ))}
        </div>
      ))}
    </section>
  );
}

/** Calls `onMore` when the end of the list comes within a screen of the viewport. */
export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const more = useRef(onMore);
  more.current = onMore;
  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore || loading || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more.current(), {
      rootMargin: '0px 0px 600px 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, loading]);
  return (
    <div ref={ref} className="load-more">
      {loading ? (
        <span className="spinner spinner-small" aria-hidden="true" />
      ) : hasMore ? (
        <button type="button" className="link-btn" onClick={onMore}>
          {t('feed.loadMore')}
        </button>
      ) : (
        <span>{t('feed.end')}</span>
      )}
    </div>
  );
}
