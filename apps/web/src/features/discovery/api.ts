// Discovery beyond search: the recommended feed's reasons, a note's wanted requests with their
// matching items, and saved searches (GET/POST/DELETE /me/saved-searches).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Schemas, call, client } from '../../lib/api.ts';

/** Why a card is in the 推荐 feed. */
export type Reason = Schemas['RecommendReason'];
export type SavedSearch = Schemas['SavedSearch'];

/** A matching item as the note page shows it: the card of a whole item (its first photo the cover). */
const toCard = (i: Schemas['Item']): Schemas['ItemCard'] => ({
  id: i.id,
  sellerId: i.sellerId,
  title: i.title,
  price: i.price,
  available: i.available,
  held: i.held,
  quantity: i.quantity,
  status: i.status,
  free: i.free,
  delivery: i.delivery,
  shippingFee: i.shippingFee,
  coverUrl: i.images[0]?.url ?? null,
  coverThumbUrl: i.images[0]?.thumbUrl ?? null,
  coverWidth: i.images[0]?.width ?? null,
  coverHeight: i.images[0]?.height ?? null,
  condition: i.condition,
  category: i.category,
});

export const useWantedMatches = (noteId: string) =>
  useQuery({
    queryKey: ['wanted-matches', noteId],
    queryFn: async () => {
      const r = await call(client.GET('/api/v1/notes/{id}/matches', { params: { path: { id: noteId } } }));
      return r.items.map((w) => ({ ...w, items: w.items.map(toCard) }));
    },
  });

const savedKey = ['saved-searches'] as const;

export const useSavedSearches = (enabled = true) =>
  useQuery({ queryKey: savedKey, enabled, queryFn: () => call(client.GET('/api/v1/me/saved-searches')) });

export function useSaveSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, string>) => call(client.POST('/api/v1/me/saved-searches', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}

export function useDeleteSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(client.DELETE('/api/v1/me/saved-searches/{id}', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: savedKey }),
  });
}

/** The saved parameters as the search page's URL. */
export const savedSearchUrl = (s: SavedSearch) => `/search?${new URLSearchParams(s.params).toString()}`;
