// "因为你收藏了 #露营": why a card is in the 推荐 feed, one short line under its title.
import '../../../ui/styles/discovery.css';
import { useTranslation } from 'react-i18next';
import { categoryName } from '../../../lib/format.ts';
import type { Reason } from '../api.ts';

export function useReasonText() {
  const { t } = useTranslation();
  return (r: Reason): string => {
    switch (r.kind) {
      case 'followed':
        return t('discovery.reason.followed');
      case 'tag':
        return t(`discovery.reason.tag.${r.via}`, { tag: r.tag });
      case 'category':
        return t(`discovery.reason.category.${r.via}`, { category: categoryName(r.category) });
      case 'search':
        return t('discovery.reason.search', { query: r.query });
      case 'nearby':
        return t('discovery.reason.nearby', { km: r.distanceKm });
      case 'popular':
        return t('discovery.reason.popular');
      case 'fresh':
        return t('discovery.reason.fresh');
    }
  };
}

export function ReasonLine({ reason }: { reason?: Reason }) {
  const text = useReasonText();
  if (!reason) return null;
  return (
    <p className="rec-reason" data-testid="rec-reason" data-kind={reason.kind}>
      {text(reason)}
    </p>
  );
}
