// 智能发布 in the sell form: what the assistant read from the title — category, a cleaner
// title, condition, tags — each applied with one tap, and only while it differs from what the
// seller has. The seller keeps the last word: nothing changes without a tap.
import { useTranslation } from 'react-i18next';
import { categoryName, conditionName } from '../../../lib/format.ts';
import type { Suggestion } from '../api.ts';

type Props = {
  suggestion: Suggestion | undefined;
  loading: boolean;
  current: { title: string; category: string; condition: string; description: string };
  onCategory: (key: string) => void;
  onTitle: (title: string) => void;
  onCondition: (key: string) => void;
  onTag: (tag: string) => void;
};

function Row({ field, value, onUse }: { field: string; value: string; onUse: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="assist-row">
      <span className="assist-field">{field}</span>
      <span className="assist-value">{value}</span>
      <button type="button" className="assist-use" onClick={onUse} aria-label={t('assist.useLabel', { field, value })}>
        {t('assist.use')}
      </button>
    </li>
  );
}

export function PublishSuggestions({ suggestion: s, loading, current, onCategory, onTitle, onCondition, onTag }: Props) {
  const { t } = useTranslation();
  if (!s) return loading ? <p className="assist-loading muted small">{t('assist.loading')}</p> : null;
  const others = s.categories.filter((c) => c.category !== s.category && c.category !== current.category && c.p >= 0.05);
  const tags = s.tags.filter((tag) => !current.description.includes(`#${tag}`));
  const showTitle = s.title !== '' && s.title !== current.title.trim();
  const showCategory = s.category !== current.category;
  const showCondition = s.condition !== null && s.condition !== current.condition;
  if (!showTitle && !showCategory && !showCondition && tags.length === 0 && s.tips.length === 0) return null;
  return (
    <section className="card assist-card" data-testid="assist-suggestions" aria-live="polite">
      <p className="assist-head">
        <span className="assist-spark" aria-hidden="true">
          ✦
        </span>
        {t('assist.heading')}
        <span className="muted small">{t('assist.hint')}</span>
      </p>
      <ul className="assist-rows">
        {showCategory && <Row field={t('assist.category')} value={categoryName(s.category)} onUse={() => onCategory(s.category)} />}
        {showTitle && <Row field={t('assist.title')} value={s.title} onUse={() => onTitle(s.title)} />}
        {showCondition && s.condition && (
          <Row field={t('assist.condition')} value={conditionName(s.condition)} onUse={() => onCondition(s.condition as string)} />
        )}
      </ul>
      {showCategory && others.length > 0 && (
        <div className="assist-chips">
          {others.map((c) => (
            <button key={c.category} type="button" className="assist-chip" onClick={() => onCategory(c.category)}>
              {categoryName(c.category)}
            </button>
          ))}
        </div>
      )}
      {tags.length > 0 && (
        <div className="assist-chips">
          <span className="assist-field">{t('assist.tags')}</span>
          {tags.map((tag) => (
            <button key={tag} type="button" className="assist-chip" title={t('assist.tagsHint')} onClick={() => onTag(tag)}>
              #{tag}
            </button>
          ))}
        </div>
      )}
      {s.tips.includes('add_photos') && <p className="assist-tip small">{t('assist.addPhotos')}</p>}
    </section>
  );
}
