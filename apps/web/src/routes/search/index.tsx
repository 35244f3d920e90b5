// 搜索: the search field, items/notes tabs, sort chips, the filter sheet, and a result grid with
// distance badges and marked words. The state is in the URL; the position (for distances)
// comes from the browser or a chosen district and stays on the device.
import { SaveSearchButton } from '../../features/discovery/components/saved-searches.tsx';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { BackIcon } from '../../ui/icons.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import {
  activeFilterCount,
  type Filters,
  isSearchNote,
  type SearchQuery,
  type SearchState,
  type Sort,
  searchParams,
  searchQuery,
  searchStateOf,
  urlParamsOf,
  useSearch,
} from '../../features/search/api.ts';
import { FilterSheet } from '../../features/search/components/filter-sheet.tsx';
import { FilterIcon } from '../../features/search/components/icons.tsx';
import { PositionBar } from '../../features/search/components/position-picker.tsx';
import { ItemResult, NoteResult } from '../../features/search/components/result-tiles.tsx';
import { SearchBox } from '../../features/search/components/search-box.tsx';
import { usePosition } from '../../features/search/position.ts';

export const HOT_WORDS = ['沙发', '自行车', 'iPhone', '显示器', '婴儿推车', '免费送', '吧唧', '考研'];
const ITEM_SORTS: Sort[] = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'];
const NOTE_SORTS: Sort[] = ['relevance', 'newest', 'distance'];

function WordChips({ onPick }: { onPick: (q: string) => void }) {
  return (
    <ul className="word-chips">
      {HOT_WORDS.map((w) => (
        <li key={w}>
          <button type="button" className="filter-chip" onClick={() => onPick(w)}>
            {w}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Results({ state, query, onWord, onClearFilters }: { state: SearchState; query: SearchQuery; onWord: (q: string) => void; onClearFilters: () => void }) {
  const { t } = useTranslation();
  const q = useSearch(query);
  if (q.isPending) return <Loading />;
  if (q.isError) {
    const msg = isApiError(q.error) && q.error.status === 400 ? q.error.detail || t('search.error') : t('search.error');
    return <ErrorState message={msg} onRetry={() => void q.refetch()} />;
  }
  const pages = q.data.pages;
  const list = pages.flatMap((p) => p.items);
  const filtered = activeFilterCount(state.filters) > 0;
  if (list.length === 0) {
    return (
      <div className="empty search-empty" data-testid="search-no-results">
        <p>
          {state.q
            ? t('search.noResults', { q: state.q, what: t(`search.tabs.${state.type}`) })
            : t('search.noResultsFiltered')}
        </p>
        {filtered && (
          <button type="button" className="btn btn-secondary btn-small" onClick={onClearFilters}>
            {t('search.tryFewer')}
          </button>
        )}
        <p className="muted small">{t('search.tryOther')}</p>
        <WordChips onPick={onWord} />
      </div>
    );
  }
  return (
    <>
      {pages[0]?.relaxed && (
        <p className="search-relaxed" role="status">
          {t('search.relaxed', { q: state.q })}
        </p>
      )}
      <ul className="result-grid" aria-label={t('search.results')} data-testid="search-results">
        {list.map((r) => (
          <li key={r.id}>{isSearchNote(r) ? <NoteResult note={r} /> : <ItemResult item={r} />}</li>
        ))}
      </ul>
      {q.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block btn-small stall-more"
          disabled={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {q.isFetchingNextPage ? t('common.loading') : t('feed.loadMore')}
        </button>
      )}
    </>
  );
}

export default function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = searchStateOf(params);
  const position = usePosition();
  const coords = position.position?.coords ?? null;
  const [sheet, setSheet] = useState(false);
  const update = (next: Partial<SearchState>) => setParams(urlParamsOf({ ...state, ...next }), { replace: !!next.filters || !!next.sort });
  const sort: Sort = state.sort ?? (state.q ? 'relevance' : 'newest');
  const needsPosition = (sort === 'distance' || !!state.filters.radiusKm) && !coords;
  const started = !!state.q || activeFilterCount(state.filters) > 0 || !!state.sort;
  const filterCount = activeFilterCount(state.filters);

  return (
    <div className="search-page">
      <header className="search-header">
        <button type="button" className="icon-btn" aria-label={t('common.back')} onClick={() => void navigate(-1)}>
          <BackIcon />
        </button>
        <SearchBox initial={state.q} onSearch={(q) => update({ q })} autoFocus={!state.q} compact />
      </header>
      <div className="search-tabs" role="tablist" aria-label={t('search.title')}>
        {(['items', 'notes'] as const).map((type) => (
          <button
            key={type}
            type="button"
            role="tab"
            aria-selected={state.type === type}
            className={state.type === type ? 'feed-tab feed-tab-on' : 'feed-tab'}
            onClick={() => update({ type, sort: state.sort?.startsWith('price') ? null : state.sort })}
          >
            {t(`search.tabs.${type}`)}
          </button>
        ))}
      </div>
      <div className="search-controls">
        <fieldset className="sort-chips">
          <legend className="sr-only">{t('search.sortLabel')}</legend>
          {(state.type === 'items' ? ITEM_SORTS : NOTE_SORTS).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={sort === s}
              className={sort === s ? 'filter-chip filter-chip-on' : 'filter-chip'}
              onClick={() => update({ sort: s })}
              title={t(`search.sort.${s}`)}
              data-testid={`sort-${s}`}
            >
              {t(`search.sortShort.${s}`)}
            </button>
          ))}
        </fieldset>
        <button type="button" className={filterCount ? 'filter-btn filter-btn-on' : 'filter-btn'} onClick={() => setSheet(true)} data-testid="open-filters">
          <FilterIcon size={15} />
          {filterCount ? t('search.filtersOn', { count: filterCount }) : t('search.filters')}
        </button>
      </div>
      <PositionBar state={position} />
      {started && <SaveSearchButton params={searchParams(searchQuery(state, coords))} />}
      {needsPosition ? (
        <p className="empty">{t('search.needPosition')}</p>
      ) : started ? (
        <Results
          state={state}
          query={searchQuery(state, coords)}
          onWord={(q) => update({ q })}
          onClearFilters={() => update({ filters: {} })}
        />
      ) : (
        <div className="empty search-empty" data-testid="search-start">
          <p className="search-empty-title">{t('search.emptyTitle')}</p>
          <p className="muted small">{t('search.emptyHint')}</p>
          <WordChips onPick={(q) => update({ q })} />
        </div>
      )}
      <FilterSheet
        open={sheet}
        onClose={() => setSheet(false)}
        value={state.filters}
        onApply={(filters: Filters) => update({ filters })}
        type={state.type}
        hasPosition={!!coords}
      />
    </div>
  );
}
