// A stall thread (电子地摊帖) opens with the market itself: every item offered in its comments,
// as a grid, newest first or by price (sorted by the server, in cursor pages). Sold-out and
// withdrawn items stay, marked, so an old offer says what became of it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterChips } from '../../../ui/tabs.tsx';
import { type StallSort, useStallItems } from '../api.ts';
import { describeCommunityError } from '../errors.ts';
import { ItemCardTile } from './item-card.tsx';

const SORTS: readonly StallSort[] = ['newest', 'price_asc', 'price_desc'];

export function StallGrid({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<StallSort>('newest');
  const stall = useStallItems(noteId, sort);
  const list = stall.data?.pages.flatMap((p) => p.items) ?? [];
  const onSale = list.filter((e) => e.item.status === 'on_sale').length;

  return (
    <section className="card stall" aria-labelledby="stall-title" data-testid="stall-grid">
      <div className="stall-head">
        <h2 className="card-title" id="stall-title">
          {t('stall.title')}
        </h2>
        {stall.data && !stall.hasNextPage && list.length > 0 && (
          <span className="muted small">{t('stall.count', { count: onSale })}</span>
        )}
      </div>
      {stall.isPending ? (
        <p className="muted small">{t('common.loading')}</p>
      ) : stall.isError ? (
        <p className="field-error">{describeCommunityError(t, stall.error)}</p>
      ) : list.length === 0 && sort === 'newest' ? (
        <p className="stall-empty">{t('stall.empty')}</p>
      ) : (
        <>
          <FilterChips
            label={t('stall.sortLabel')}
            options={SORTS.map((s) => ({ key: s, label: t(`stall.sort.${s}`) }))}
            value={sort}
            onChange={setSort}
          />
          <ul className="stall-grid">
            {list.map((e) => (
              <li key={e.commentId}>
                <ItemCardTile card={e.item} />
              </li>
            ))}
          </ul>
          {stall.hasNextPage && (
            <button
              type="button"
              className="btn btn-secondary btn-block btn-small stall-more"
              disabled={stall.isFetchingNextPage}
              onClick={() => void stall.fetchNextPage()}
            >
              {stall.isFetchingNextPage ? t('common.loading') : t('stall.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
