// Quick-sell items (API.md "Items"): one item, my items by state, create/edit/withdraw/relist,
// and the seller's private floor price. Item reads are public; writes need an eligible member.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryMethod, ItemStatus } from '@jishi/shared';
import { api } from '../../lib/api.ts';
import type { Location, LocationInput } from '../places/place.ts';

export type ItemImage = { id: string; url: string; thumbUrl: string; detailUrl: string; width: number; height: number };

export type Item = {
  id: string;
  sellerId: string;
  seller: { id: string; displayName: string; avatarUrl: string | null; creditScore: number; ratingAverage: number | null; ratingCount: number };
  title: string;
  description: string;
  price: number;
  quantity: number;
  available: number;
  /** Units held by orders not paid yet: with `available` 0 the item is sold_out but may come back. */
  held: number;
  delivery: DeliveryMethod[];
  shippingFee: number;
  category: string;
  condition: string | null;
  images: ItemImage[];
  location: Location | null;
  distanceKm: number | null;
  status: ItemStatus;
  free: boolean;
  /** Smart hosting (智能托管): routine buyer questions are answered automatically. */
  hosting: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** GET /items/:id only (modules/engagement): daily-distinct views, 想要 count, the viewer's 想要, its note. */
  viewCount?: number;
  collectCount?: number;
  collectedByMe?: boolean;
  noteId?: string | null;
};

export type ItemInput = {
  title: string;
  description: string;
  price: number;
  quantity: number;
  delivery: DeliveryMethod[];
  shippingFee: number | null;
  category: string;
  condition: string | null;
  imageIds: string[];
  location: LocationInput | null;
};

type Page<T> = { items: T[]; nextCursor: string | null };

export const itemKey = (id: string) => ['items', id] as const;
export const myItemsKey = (status: ItemStatus) => ['items', 'mine', status] as const;
const floorKey = (id: string) => ['items', id, 'floor'] as const;
const path = (id: string) => `/items/${encodeURIComponent(id)}`;

export type Coords = { lat: number; lng: number } | null;

export const useItem = (id: string, viewer: Coords = null) =>
  useQuery({
    queryKey: [...itemKey(id), viewer?.lat ?? null, viewer?.lng ?? null],
    queryFn: () => api.get<Item>(viewer ? `${path(id)}?lat=${viewer.lat}&lng=${viewer.lng}` : path(id)),
  });

export const useMyItems = (status: ItemStatus) =>
  useQuery({
    queryKey: myItemsKey(status),
    queryFn: () => api.get<Page<Item>>(`/me/items?status=${status}&limit=50`),
  });

/** A member's items on sale, for their public profile (newest first, in cursor pages). */
export const useUserItems = (userId: string) =>
  useInfiniteQuery({
    queryKey: ['items', 'user', userId, 'on_sale'],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<Page<Item>>(
        `/users/${encodeURIComponent(userId)}/items?status=on_sale&limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
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

export const useCreateItem = () => useItemWrite((input: ItemInput) => api.post<Item>('/items', input));
export const useEditItem = (id: string) =>
  useItemWrite((patch: Partial<ItemInput>) => api.patch<Item>(path(id), patch));
export const useWithdrawItem = (id: string) => useItemWrite(() => api.post<Item>(`${path(id)}/withdraw`));
export const useRelistItem = (id: string) => useItemWrite(() => api.post<Item>(`${path(id)}/relist`));

/** The seller's floor price (private: 404 for anyone else). */
export const useFloorPrice = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: floorKey(id),
    enabled,
    queryFn: () => api.get<{ itemId: string; floorPrice: number | null }>(`${path(id)}/floor-price`),
  });

export function useSetFloorPrice(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (floorPrice: number | null) =>
      api.put<{ itemId: string; floorPrice: number | null }>(`${path(id)}/floor-price`, { floorPrice }),
    onSuccess: (r) => qc.setQueryData(floorKey(id), r),
  });
}
