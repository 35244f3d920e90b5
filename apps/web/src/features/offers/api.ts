// Offers (议价): a buyer offers below the asking price, the seller accepts, declines or counters,
// and an accepted offer lets that buyer order at the agreed price for 24 hours.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type OfferStatus = 'pending' | 'countered' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'used';

export type Offer = {
  id: string;
  itemId: string;
  buyerId: string;
  sellerId: string;
  price: number;
  counterPrice: number | null;
  agreedPrice: number | null;
  status: OfferStatus;
  declinedAutomatically?: boolean;
  validUntil: string | null;
  role: 'buyer' | 'seller';
  /** The viewer has a decision to make: the seller on a pending offer, the buyer on a counter. */
  yourTurn?: boolean;
  /** Who made the offer (lists and single reads). */
  buyer?: { id: string; displayName: string; avatarUrl: string | null };
  item: { title: string; price: number; coverUrl: string | null } | null;
  createdAt: string;
  updatedAt: string;
};

export type OfferRole = 'buyer' | 'seller';
type Page = { items: Offer[]; nextCursor: string | null };

export const offersKey = (role: OfferRole, itemId?: string) => ['offers', role, itemId ?? 'all'] as const;

export const useOffers = (role: OfferRole, itemId?: string, enabled = true) =>
  useQuery({
    queryKey: offersKey(role, itemId),
    enabled,
    queryFn: () => api.get<Page>(`/offers?role=${role}&limit=50${itemId ? `&itemId=${itemId}` : ''}`),
  });

export const useOffer = (id: string | null) =>
  useQuery({
    queryKey: ['offers', 'one', id],
    enabled: !!id,
    queryFn: () => api.get<Offer>(`/offers/${encodeURIComponent(id ?? '')}`),
  });

export type OfferSummary = { awaitingMe: number; received: number; countered: number };
export const offerSummaryKey = ['offers', 'summary'] as const;

/** The decisions waiting on me (offers received, counters to my offers): the 我 badge. */
export function useOfferSummary(enabled: boolean) {
  const q = useQuery({ queryKey: offerSummaryKey, enabled, queryFn: () => api.get<OfferSummary>('/offers/summary') });
  return enabled ? q.data : undefined;
}

function useOfferWrite<V>(fn: (v: V) => Promise<Offer>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['offers'] }) });
}

export const useMakeOffer = (itemId: string) =>
  useOfferWrite((price: number) => api.post<Offer>(`/items/${encodeURIComponent(itemId)}/offers`, { price }));

export type Decision = 'accept' | 'decline' | 'withdraw';
export const useDecideOffer = () =>
  useOfferWrite(({ id, decision }: { id: string; decision: Decision }) =>
    api.post<Offer>(`/offers/${encodeURIComponent(id)}/${decision}`),
  );

export const useCounterOffer = () =>
  useOfferWrite(({ id, price }: { id: string; price: number }) =>
    api.post<Offer>(`/offers/${encodeURIComponent(id)}/counter`, { price }),
  );

/** The offer still in play: open, or accepted and not used. */
export const isLive = (o: Offer) => o.status === 'pending' || o.status === 'countered' || o.status === 'accepted';
