// 在售 on a profile (SPEC C1: a public profile shows the member's items on sale): tiles like a
// stall's grid, newest first, with "more" for the next page.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../ui/button.tsx';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { ItemGrid } from './item-grid.tsx';
import { itemCard, useUserItems } from '../api.ts';
import { describeTradeError } from '../../../lib/errors.ts';

export function ProfileItems({ userId, self }: { userId: string; self: boolean }) {
  const { t } = useTranslation();
  const items = useUserItems(userId);
  if (items.isPending) return <Loading />;
  if (items.isError) {
    return <ErrorState message={describeTradeError(t, items.error)} onRetry={() => void items.refetch()} />;
  }
  const list = items.data.pages.flatMap((p) => p.items);
  if (list.length === 0) {
    return (
      <div className="empty" data-testid="profile-items-empty">
        <p>{self ? t('profileNotes.emptyItemsMine') : t('profileNotes.emptyItems')}</p>
        {self && (
          <ButtonLink to="/sell" className="btn-small">
            {t('publish.sell')}
          </ButtonLink>
        )}
      </div>
    );
  }
  return (
    <ItemGrid cards={list.map(itemCard)} pager={items} className="profile-items" testId="profile-items" />
  );
}
