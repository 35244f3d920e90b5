// Columns of cards (two on a phone, up to six on a wide screen), each card going to the
// shortest column (by the cover's known shape), so a new page only adds to the bottom and
// nothing already seen jumps. Scrolling near the end loads the next cursor page.
import { useLayoutEffect, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedCard } from '../../notes/types.ts';
import { coverRatio, NoteCard } from './note-card.tsx';

// The text under a cover, in card widths: title, author row, padding (about 70 px of 180).
const FOOTER = 0.4;
// A card is never narrower than this on a wide screen (a phone always gets two columns).
const MIN_CARD_PX = 190;
const MAX_COLUMNS = 6;

function columns(cards: FeedCard[], n: number): FeedCard[][] {
  const out: FeedCard[][] = Array.from({ length: n }, () => []);
  const heights = new Array<number>(n).fill(0);
  for (const c of cards) {
    // The first of the shortest columns, so two equal columns fill left to right.
    let i = 0;
    for (let k = 1; k < n; k++) if ((heights[k] ?? 0) < (heights[i] ?? 0)) i = k;
    out[i]?.push(c);
    heights[i] = (heights[i] ?? 0) + coverRatio(c.cover) + FOOTER;
  }
  return out;
}

const fit = (width: number, gap: number) =>
  Math.max(2, Math.min(MAX_COLUMNS, Math.floor((width + gap) / (MIN_CARD_PX + gap))));

/** How many columns the section's width holds; measured before paint, kept current on resize. */
function useColumnCount() {
  const ref = useRef<HTMLElement>(null);
  const [count, setCount] = useState(2);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const gap = Number.parseFloat(getComputedStyle(el).columnGap) || 8;
      setCount(fit(el.clientWidth, gap));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, count] as const;
}

export function Masonry({ cards, viewerId, label }: { cards: FeedCard[]; viewerId: string | null; label: string }) {
  const [ref, count] = useColumnCount();
  const cols = useMemo(() => columns(cards, count), [cards, count]);
  return (
    <section
      ref={ref}
      className="masonry"
      aria-label={label}
      data-testid="masonry"
      data-columns={count}
      style={count === 2 ? undefined : { gridTemplateColumns: `repeat(${count}, minmax(0, 1fr))` }}
    >
      {cols.map((col, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position
        <div className="masonry-col" key={i}>
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
