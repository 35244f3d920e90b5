// 想要 on items, seller stats and the #话题 page (API: modules/engagement; docs/engagement.md).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Schemas, call, client } from '../../lib/api.ts';
import type { Item } from '../items/api.ts';
import { itemKey } from '../items/api.ts';
import type { CardList } from '../feed/api.ts';
import { cardsRoot } from '../notes/api.ts';

export type SellerStats = Schemas['SellerStats'];

export const useSellerStats = (userId: string) =>
  useQuery({
    queryKey: ['users', userId, 'seller-stats'],
    queryFn: () => call(client.GET('/api/v1/users/{id}/seller-stats', { params: { path: { id: userId } } })),
    staleTime: 5 * 60_000,
  });

/** 想要 on or off. The item on screen changes at once and is read again after the answer. */
export function useWantItem(itemId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => {
      const params = { path: { id: itemId } };
      return on
        ? call(client.PUT('/api/v1/items/{id}/collect', { params }))
        : call(client.DELETE('/api/v1/items/{id}/collect', { params }));
    },
    onMutate: (on) => {
      qc.setQueriesData<Item>({ queryKey: itemKey(itemId) }, (old) =>
        old && old.collectedByMe !== on
          ? { ...old, collectedByMe: on, collectCount: Math.max(0, (old.collectCount ?? 0) + (on ? 1 : -1)) }
          : old,
      );
    },
    onSettled: () => qc.invalidateQueries({ queryKey: itemKey(itemId) }),
  });
}

export const tagNotesList = (tag: string): CardList => ({
  key: [...cardsRoot, 'tag', tag],
  load: (cursor) =>
    call(client.GET('/api/v1/tags/{tag}/notes', { params: { path: { tag }, query: { limit: 20, cursor } } })),
});

export const useTagItems = (tag: string) =>
  useInfiniteQuery({
    queryKey: ['items', 'tag', tag],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/tags/{tag}/items', {
          params: { path: { tag }, query: { limit: 12, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A few more of the seller's items on sale, this one left out (one keyset page of 7). */
export const useMoreFromSeller = (sellerId: string, exceptId: string) =>
  useQuery({
    queryKey: ['items', 'user', sellerId, 'more'],
    queryFn: () =>
      call(
        client.GET('/api/v1/users/{id}/items', {
          params: { path: { id: sellerId }, query: { status: 'on_sale', limit: 7 } },
        }),
      ),
    select: (page) => page.items.filter((i) => i.id !== exceptId).slice(0, 6),
  });
