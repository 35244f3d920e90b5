// Quick-sell items (API.md "Items"): one item, my items by state, create/edit/withdraw/relist,
// and the seller's private floor price. Item reads are public; writes need an eligible member.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemStatus } from '@jishi/shared';
import { call, client, type Schemas } from '../../lib/api.ts';
import type { Photo } from '../../ui/photo-carousel.tsx';

/** An item as the seller's writes answer it; GET /items/:id adds the engagement fields
 *  (ItemDetail), and both land in the same cache entry — hence optional here. */
export type Item = Schemas['Item'] & Partial<ItemExtras>;
type ItemExtras = Pick<Schemas['ItemDetail'], 'viewCount' | 'collectCount' | 'collectedByMe' | 'noteId'>;
export type ItemInput = Schemas['ItemCreate'];

export const itemKey = (id: string) => ['items', id] as const;
export const myItemsKey = (status: ItemStatus) => ['items', 'mine', status] as const;
const floorKey = (id: string) => ['items', id, 'floor'] as const;
const byId = (id: string) => ({ params: { path: { id } } });

export type Coords = { lat: number; lng: number } | null;

export const useItem = (id: string, viewer: Coords = null) =>
  useQuery({
    queryKey: [...itemKey(id), viewer?.lat ?? null, viewer?.lng ?? null],
    queryFn: (): Promise<Item> =>
      call(client.GET('/api/v1/items/{id}', { params: { path: { id }, query: viewer ?? undefined } })),
  });

export const useMyItems = (status: ItemStatus) =>
  useQuery({
    queryKey: myItemsKey(status),
    queryFn: () => call(client.GET('/api/v1/me/items', { params: { query: { status, limit: 50 } } })),
  });

/** A member's items on sale, for their public profile (newest first, in cursor pages). */
export const useUserItems = (userId: string) =>
  useInfiniteQuery({
    queryKey: ['items', 'user', userId, 'on_sale'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/users/{id}/items', {
          params: { path: { id: userId }, query: { status: 'on_sale', limit: 20, cursor: pageParam || undefined } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

function useItemWrite<V>(fn: (v: V) => Promise<Item>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (item) => {
      qc.setQueryData([...itemKey(item.id), null, null], item);
      void qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const useCreateItem = () =>
  useItemWrite((input: ItemInput) => call(client.POST('/api/v1/items', { body: input })));
export const useEditItem = (id: string) =>
  useItemWrite((patch: Schemas['ItemPatch']) => call(client.PATCH('/api/v1/items/{id}', { ...byId(id), body: patch })));
export const useWithdrawItem = (id: string) =>
  useItemWrite(() => call(client.POST('/api/v1/items/{id}/withdraw', byId(id))));
export const useRelistItem = (id: string) => useItemWrite(() => call(client.POST('/api/v1/items/{id}/relist', byId(id))));

/** The seller's floor price (private: 404 for anyone else). */
export const useFloorPrice = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: floorKey(id),
    enabled,
    queryFn: () => call(client.GET('/api/v1/items/{id}/floor-price', byId(id))),
  });

export function useSetFloorPrice(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (floorPrice: number | null) =>
      call(client.PUT('/api/v1/items/{id}/floor-price', { ...byId(id), body: { floorPrice } })),
    onSuccess: (r) => qc.setQueryData(floorKey(id), r),
  });
}

/** Items send their photos flat (url, thumbUrl, detailUrl); the carousel takes the media shape. */
export const itemPhotos = (item: Item): Photo[] =>
  item.images.map(({ id, width, height, url, thumbUrl, detailUrl }) => ({
    id,
    width,
    height,
    urls: { thumb: thumbUrl, card: url, detail: detailUrl },
  }));

/** The live card of a whole item, for grids of items (a profile's 在售, a tag's items). */
export const itemCard = (item: Item): Schemas['ItemCard'] => {
  const cover = item.images[0];
  return {
    ...item,
    coverUrl: cover?.url ?? null,
    coverThumbUrl: cover?.thumbUrl ?? null,
    coverWidth: cover?.width ?? null,
    coverHeight: cover?.height ?? null,
  };
};
