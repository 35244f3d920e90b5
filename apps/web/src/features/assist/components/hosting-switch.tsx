// The smart-hosting switch: on the seller's own item page (with what it does and what it needs)
// and, compact, above a conversation about that item.
import { useTranslation } from 'react-i18next';
import type { Item } from '../../items/api.ts';
import { useItem } from '../../items/api.ts';
import { useSetHosting } from '../api.ts';

export function HostingSwitch({ item, floorSet, compact = false }: { item: Item; floorSet: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  const set = useSetHosting(item.id);
  const on = set.isPending ? (set.variables ?? item.hosting) : item.hosting;
  return (
    <div className={compact ? 'hosting hosting-compact' : 'hosting'} data-testid="hosting-switch">
      <label className="switch-row">
        <span>
          <span className="field-label">{compact ? t('assist.hosting.chat') : t('assist.hosting.title')}</span>
          <span className="field-hint block">{compact ? t('assist.hosting.chatHint') : t('assist.hosting.hint')}</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          aria-checked={on}
          className="switch"
          checked={on}
          disabled={set.isPending}
          onChange={(e) => set.mutate(e.target.checked)}
        />
      </label>
      {!compact && on && !floorSet && !item.free && <p className="assist-tip small">{t('assist.hosting.noFloor')}</p>}
      {set.isError && (
        <p className="assist-tip small" role="alert">
          {t('assist.hosting.failed')}
        </p>
      )}
    </div>
  );
}

/** Above a conversation about one of my items: the same switch, without leaving the chat. */
export function HostingBar({ itemId }: { itemId: string }) {
  const item = useItem(itemId);
  if (!item.data || item.data.status === 'withdrawn') return null;
  return (
    <div className="hosting-bar">
      <HostingSwitch item={item.data} floorSet compact />
    </div>
  );
}
