// Saved searches: the 保存搜索 button on the search page and the list on 我.
import { useTranslation } from 'react-i18next';
import '../../../ui/styles/discovery.css';
import { Link } from 'react-router';
import { useMe } from '../../accounts/api.ts';
import { describeError } from '../../../lib/errors.ts';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { type SavedSearch, savedSearchUrl, useDeleteSavedSearch, useSaveSearch, useSavedSearches } from '../api.ts';

const KEPT = ['q', 'minPrice', 'maxPrice', 'category', 'delivery', 'condition', 'free', 'radiusKm', 'lat', 'lng'];

/** Saves the items search given by `params` (the page's /search query); members only. */
export function SaveSearchButton({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const me = useMe();
  const save = useSaveSearch();
  const saved = useSavedSearches(!!me.data);
  if (!me.data || params.get('type') === 'notes') return null;
  const body: Record<string, string> = {};
  for (const k of KEPT) {
    const v = params.get(k);
    if (v) body[k] = v;
  }
  if (!params.get('lat')) delete body.radiusKm;
  const same = (s: SavedSearch) => JSON.stringify(Object.entries(s.params).sort()) === JSON.stringify(Object.entries(body).sort());
  const already = saved.data?.items.some(same) || save.isSuccess;
  return (
    <div className="save-search">
      <button
        type="button"
        className={already ? 'filter-chip filter-chip-on' : 'filter-chip'}
        disabled={already || save.isPending}
        onClick={() => save.mutate(body)}
        data-testid="save-search"
      >
        {already ? t('discovery.saved.done') : t('discovery.saved.save')}
      </button>
      {save.isError && <span className="form-error small">{describeError(t, save.error)}</span>}
    </div>
  );
}

export function SavedSearchList() {
  const { t } = useTranslation();
  const list = useSavedSearches();
  const del = useDeleteSavedSearch();
  const items = list.data?.items ?? [];
  return (
    <section className="card list-card" aria-labelledby="saved-searches-title" data-testid="saved-searches">
      <h2 className="card-title saved-search-title" id="saved-searches-title">
        {t('discovery.saved.title')}
      </h2>
      {items.length === 0 && <p className="muted small saved-search-empty">{t('discovery.saved.empty')}</p>}
      {items.map((s) => (
        <div key={s.id} className="list-row saved-search-row">
          <Link to={savedSearchUrl(s)} className="saved-search-link">
            <span>{s.label}</span>
            {s.newCount > 0 && <span className="saved-search-new">{t('discovery.saved.new', { count: s.newCount })}</span>}
            <ChevronIcon size={16} className="list-chevron" />
          </Link>
          <button
            type="button"
            className="saved-search-delete"
            aria-label={t('discovery.saved.deleteLabel', { label: s.label })}
            disabled={del.isPending}
            onClick={() => del.mutate(s.id)}
          >
            {t('discovery.saved.delete')}
          </button>
        </div>
      ))}
    </section>
  );
}
