// Offers (议价): a buyer offers below the asking price, the seller accepts, declines or counters,
// and an accepted offer lets that buyer order at the agreed price for 24 hours.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type Schemas } from '../../lib/api.ts';

export type Offer = Schemas['Offer'];
export type OfferStatus = Offer['status'];
export type OfferRole = Offer['role'];
export type OfferSummary = Schemas['OfferSummary'];
const byId = (id: string) => ({ params: { path: { id } } });

export const offersKey = (role: OfferRole, itemId?: string) => ['offers', role, itemId ?? 'all'] as const;

export const useOffers = (role: OfferRole, itemId?: string, enabled = true) =>
  useQuery({
    queryKey: offersKey(role, itemId),
    enabled,
    queryFn: () => call(client.GET('/api/v1/offers', { params: { query: { role, limit: 50, itemId } } })),
  });

export const useOffer = (id: string | null) =>
  useQuery({
    queryKey: ['offers', 'one', id],
    enabled: !!id,
    queryFn: () => call(client.GET('/api/v1/offers/{id}', byId(id ?? ''))),
  });

export const offerSummaryKey = ['offers', 'summary'] as const;

/** The decisions waiting on me (offers received, counters to my offers): the 我 badge. */
export function useOfferSummary(enabled: boolean) {
  const q = useQuery({ queryKey: offerSummaryKey, enabled, queryFn: () => call(client.GET('/api/v1/offers/summary')) });
  return enabled ? q.data : undefined;
}

function useOfferWrite<V>(fn: (v: V) => Promise<Offer>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: ['offers'] }) });
}

export const useMakeOffer = (itemId: string) =>
  useOfferWrite((price: number) => call(client.POST('/api/v1/items/{id}/offers', { ...byId(itemId), body: { price } })));

export type Decision = 'accept' | 'decline' | 'withdraw';
export const useDecideOffer = () =>
  useOfferWrite(({ id, decision }: { id: string; decision: Decision }) =>
    call(client.POST(`/api/v1/offers/{id}/${decision}`, byId(id))),
  );

export const useCounterOffer = () =>
  useOfferWrite(({ id, price }: { id: string; price: number }) =>
    call(client.POST('/api/v1/offers/{id}/counter', { ...byId(id), body: { price } })),
  );

/** The offer still in play: open, or accepted and not used. */
export const isLive = (o: Offer) => o.status === 'pending' || o.status === 'countered' || o.status === 'accepted';
