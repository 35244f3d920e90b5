// The search field: typed text, suggestions as one types (note tags and item titles, from
// /search/suggest), Enter or a tap on a suggestion searches. The list is a plain list of
// buttons under the field, reachable by Tab; Esc closes it.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../../ui/icons.tsx';
import { useSuggestions } from '../api.ts';
import { SearchIcon } from './icons.tsx';

function useDebounced(value: string, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function SearchBox({
  initial = '',
  onSearch,
  autoFocus = false,
  compact = false,
}: {
  initial?: string;
  onSearch: (q: string) => void;
  autoFocus?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const listId = useId();
  useEffect(() => setText(initial), [initial]);
  const typed = useDebounced(text, 200);
  const suggestions = useSuggestions(open ? typed : '');
  const items = open && text.trim() ? (suggestions.data?.items ?? []) : [];

  const submit = (q: string) => {
    setOpen(false);
    setText(q);
    onSearch(q.trim());
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(text);
  };

  return (
    <search className={compact ? 'search-box search-box-compact' : 'search-box'}>
      <form onSubmit={onSubmit} className="search-form">
        <SearchIcon size={17} className="search-form-icon" />
        <input
          type="search"
          enterKeyHint="search"
          className="search-input"
          value={text}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          maxLength={100}
          // biome-ignore lint/a11y/noAutofocus: the search page exists to type into this field
          autoFocus={autoFocus}
          aria-controls={items.length ? listId : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          data-testid="search-input"
        />
        {text && (
          <button type="button" className="search-clear" aria-label={t('search.clear')} onClick={() => setText('')}>
            <CloseIcon size={15} />
          </button>
        )}
        <button type="submit" className="search-submit">
          {t('search.submit')}
        </button>
      </form>
      {items.length > 0 && (
        <ul className="search-suggestions" id={listId} aria-label={t('search.suggestions')}>
          {items.map((s) => (
            <li key={`${s.kind}:${s.text}`}>
              <button type="button" onClick={() => submit(s.text)} data-testid="search-suggestion">
                <SearchIcon size={14} />
                <span className="search-suggestion-text">{s.kind === 'tag' ? `#${s.text}` : s.text}</span>
                {s.kind === 'tag' && <span className="muted small">{t('search.suggestionTag')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}
