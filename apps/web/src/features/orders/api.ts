// Orders (API.md "Orders"): place, pay into escrow, fulfil, confirm; and the address book.
// Money-moving POSTs carry an Idempotency-Key so a retried tap never pays twice.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderStatus } from '@jishi/shared';
import { type Schemas, call, client } from '../../lib/api.ts';

export type { OrderAction, OrderStatus } from '@jishi/shared';
export type Order = Schemas['Order'];
export type Address = Schemas['Address'];
/** `lastUsedAt`: when an order of mine last shipped to it (the checkout preselects the latest). */
export type SavedAddress = Schemas['SavedAddress'];
export type DeliveryContent = NonNullable<Order['deliveryContent']>;
export type DeliverBody = Schemas['DeliverBody'];
export type PlaceOrderInput = Schemas['PlaceOrderBody'];

/** A fresh key per attempt; works on plain-http LAN installs too, where randomUUID is absent. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const idem = (key: string) => ({ header: { 'idempotency-key': key } });
export const orderKey = (id: string) => ['orders', id] as const;

export const fetchOrder = (id: string) => call(client.GET('/api/v1/orders/{id}', { params: { path: { id } } }));

export const useOrder = (id: string) =>
  useQuery({
    queryKey: orderKey(id),
    queryFn: () => fetchOrder(id),
    // While the gateway confirms, or the other party may act, look again now and then.
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      if (s === 'pending_payment') return 3000;
      if (s === 'reserved') return 15_000;
      return s === 'paid' || s === 'shipped' || s === 'delivered' ? 15_000 : false;
    },
  });

export const useOrders = (role: 'buyer' | 'seller', status: OrderStatus | null) =>
  useInfiniteQuery({
    queryKey: ['orders', 'list', role, status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      call(
        client.GET('/api/v1/orders', {
          params: { query: { role, limit: 20, status: status ?? undefined, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export const placeOrder = (input: PlaceOrderInput, key: string) =>
  call(client.POST('/api/v1/orders', { params: idem(key), body: input }));
export const payOrder = (id: string, key: string) =>
  call(client.POST('/api/v1/orders/{id}/pay', { params: { path: { id }, ...idem(key) } }));

type ActionInput =
  | { action: 'ship'; body: Schemas['ShipBody'] }
  | { action: 'handover'; body: Schemas['HandoverBody'] }
  | { action: 'cancel'; body: Schemas['CancelBody'] }
  | { action: 'deliver'; body?: DeliverBody }
  | { action: 'confirm' | 'no-show'; body?: undefined };

function postAction(id: string, a: ActionInput) {
  const params = { path: { id } };
  switch (a.action) {
    case 'ship':
      return call(client.POST('/api/v1/orders/{id}/ship', { params, body: a.body }));
    case 'handover':
      return call(client.POST('/api/v1/orders/{id}/handover', { params, body: a.body }));
    case 'cancel':
      return call(client.POST('/api/v1/orders/{id}/cancel', { params, body: a.body }));
    case 'deliver':
      return call(client.POST('/api/v1/orders/{id}/deliver', { params, body: a.body ?? {} }));
    case 'confirm':
      return call(client.POST('/api/v1/orders/{id}/confirm', { params }));
    case 'no-show':
      return call(client.POST('/api/v1/orders/{id}/no-show', { params }));
  }
}

export function useOrderAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ActionInput) => postAction(id, a),
    onSuccess: (o) => {
      qc.setQueryData(orderKey(o.id), o);
      void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
      void qc.invalidateQueries({ queryKey: ['wallet'] });
      void qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const useAddresses = () =>
  useQuery({ queryKey: ['addresses'], queryFn: () => call(client.GET('/api/v1/me/addresses')) });

export function useAddAddress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Address) => call(client.POST('/api/v1/me/addresses', { body: a })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['addresses'] }),
  });
}
