// A paged grid of item tiles like a stall's (在售 on a profile, a #话题's items): the tiles, then
// "more" while the list has a next page.
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemCardTile } from '../../notes/components/item-card.tsx';

type Card = ComponentProps<typeof ItemCardTile>['card'];
/** What the grid needs of an infinite query. */
type Pager = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

export function ItemGrid({ cards, pager, className, testId }: { cards: Card[]; pager: Pager; className: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className={`card ${className}`} data-testid={testId}>
      <ul className="stall-grid">
        {cards.map((card) => (
          <li key={card.id}>
            <ItemCardTile card={card} />
          </li>
        ))}
      </ul>
      {pager.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary btn-block btn-small stall-more"
          disabled={pager.isFetchingNextPage}
          onClick={() => void pager.fetchNextPage()}
        >
          {pager.isFetchingNextPage ? t('common.loading') : t('stall.more')}
        </button>
      )}
    </div>
  );
}
