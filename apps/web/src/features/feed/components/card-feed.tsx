// A masonry list with its states: loading, error (with retry), empty, pages, end.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { useMe } from '../../accounts/api.ts';
import { describeCommunityError } from '../../notes/errors.ts';
import { type CardList, useCards } from '../api.ts';
import { LoadMore, Masonry } from './masonry.tsx';

type Props = {
  list: CardList;
  label: string;
  empty: ReactNode;
  /** Shown instead of the error state for a failure the page explains itself (e.g. private). */
  onError?: (err: unknown) => ReactNode | null;
};

export function CardFeed({ list, label, empty, onError }: Props) {
  const { t } = useTranslation();
  const viewerId = useMe().data?.id ?? null;
  const q = useCards(list);
  if (q.isPending) return <Loading />;
  if (q.isError) {
    const own = onError?.(q.error);
    if (own) return <>{own}</>;
    return <ErrorState message={describeCommunityError(t, q.error)} onRetry={() => void q.refetch()} />;
  }
  const cards = q.data.pages.flatMap((p) => p.items);
  if (cards.length === 0) return <div className="empty">{empty}</div>;
  return (
    <>
      <Masonry cards={cards} viewerId={viewerId} label={label} />
      <LoadMore
        hasMore={q.hasNextPage}
        loading={q.isFetchingNextPage}
        onMore={() => {
          if (q.hasNextPage && !q.isFetchingNextPage) void q.fetchNextPage();
        }}
      />
    </>
  );
}
