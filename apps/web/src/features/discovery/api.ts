// Discovery beyond search: the recommended feed's reasons, a note's wanted requests with their
// matching items, and saved searches (GET/POST/DELETE /me/saved-searches).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ItemCard } from '../notes/types.ts';

export type Via = 'like' | 'collect' | 'view' | 'search' | 'purchase';
export type Reason =
  | { kind: 'followed' }
  | { kind: 'tag'; tag: string; via: Via }
  | { kind: 'category'; category: string; via: Via }
  | { kind: 'search'; query: string }
  | { kind: 'nearby'; distanceKm: number }
  | { kind: 'popular' }
  | { kind: 'fresh' };

type ApiItem = {
  id: string;
  sellerId: string;
  title: string;
  price: number;
  available: number;
  held?: number;
  quantity: number;
  status: ItemCard['status'];
  free: boolean;
  delivery: string[];
  shippingFee: number;
  images: { url: string; thumbUrl: string }[];
  createdAt: string;
};

export type WantedRequest = {
  id: string;
  commentId: string | null;
  title: string;
  category: string | null;
  maxPrice: number | null;
  items: ItemCard[];
};

const toCard = (i: ApiItem): ItemCard => ({
  id: i.id,
  sellerId: i.sellerId,
  title: i.title,
  price: i.price,
  available: i.available,
  held: i.held ?? 0,
  quantity: i.quantity,
  status: i.status,
  free: i.free,
  delivery: i.delivery,
  shippingFee: i.shippingFee,
  coverUrl: i.images[0]?.url ?? null,
  coverThumbUrl: i.images[0]?.thumbUrl ?? null,
  createdAt: i.createdAt,
});

export const useWantedMatches = (noteId: string) =>
  useQuery({
    queryKey: ['wanted-matches', noteId],
    queryFn: async () => {
      const r = await api.get<{ items: (Omit<WantedRequest, 'items'> & { items: ApiItem[] })[] }>(
        `/notes/${encodeURIComponent(noteId)}/matches`,
      );
      return r.items.map((w) => ({ ...w, items: w.items.map(toCard) }));
    },
  });

export type SavedSearch = {
  id: string;
  label: string;
  params: Record<string, string>;
  newCount: number;
  lastAlertAt: string | null;
  createdAt: string;
};

const savedKey = ['saved-searches'] as const;

export const useSavedSearches = (enabled = true) =>
  useQuery({ queryKey: savedKey, enabled, queryFn: () => api.get<{ items: SavedSearch[] }>('/me/saved-searches') });

export function useSaveSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (params: Record<string, string>) => api.post<SavedSearch>('/me/saved-searches', params),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}

export function useDeleteSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del<void>(`/me/saved-searches/${encodeURIComponent(id)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}

/** The saved parameters as the search page's URL. */
export const savedSearchUrl = (s: SavedSearch) => `/search?${new URLSearchParams(s.params).toString()}`;
