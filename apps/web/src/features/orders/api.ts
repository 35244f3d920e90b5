// Orders (API.md "Orders"): place, pay into escrow, fulfil, confirm; and the address book.
// Money-moving POSTs carry an Idempotency-Key so a retried tap never pays twice.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryMethod } from '@jishi/shared';
import { api } from '../../lib/api.ts';

export type OrderStatus =
  | 'pending_payment'
  | 'reserved'
  | 'paid'
  | 'shipped'
  | 'delivered'
  | 'completed'
  | 'cancelled'
  | 'refunding'
  | 'refunded';
export type OrderAction = 'pay' | 'cancel' | 'ship' | 'deliver' | 'confirm' | 'handover' | 'no_show';
export type Address = { name: string; phone: string; line: string };
/** `lastUsedAt`: when an order of mine last shipped to it (the checkout preselects the latest). */
export type SavedAddress = Address & { id: string; createdAt: string; lastUsedAt: string | null };

export type Order = {
  id: string;
  itemId: string;
  buyerId: string;
  sellerId: string;
  quantity: number;
  unitPrice: number;
  itemTotal: number;
  shippingFee: number;
  total: number;
  fee: number;
  sellerProceeds: number;
  delivery: DeliveryMethod;
  status: OrderStatus;
  pickupCode?: string;
  address: Address | null;
  /** The item as ordered; `location` is its place name (the pickup spot). */
  item: { title: string; coverUrl: string | null; condition: string | null; location?: string | null };
  cancelReason?: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** Online orders: what the seller delivered (only the two parties ever get it). */
  deliveryContent?: DeliveryContent | null;
  offerId: string | null;
  expiresAt: string | null;
  autoConfirmAt: string | null;
  /** Reservation deposit (定金托管), fen; null for an ordinary order. */
  deposit: number | null;
  depositPaid: boolean;
  /** While reserved: when the hold ends (the deposit is then refunded). */
  reservedUntil: string | null;
  noShowAt: string | null;
  /** While a no-show claim waits: the end of the buyer's 24 h to contest it. */
  contestUntil: string | null;
  role: 'buyer' | 'seller';
  actions: OrderAction[];
  createdAt: string;
  events: { type: string; at: string; by: 'buyer' | 'seller' | 'system' }[];
};

export type DeliveryContent = {
  message: string | null;
  code: string | null;
  link: string | null;
  photos: { id: string; urls: { thumb: string; card: string; detail: string } }[];
  at: string;
};
export type DeliverBody = { message?: string; code?: string; link?: string; mediaIds?: string[] };

export type PlaceOrderInput = {
  itemId: string;
  quantity: number;
  delivery: DeliveryMethod;
  address?: Address;
  offerId?: string;
  deposit?: number;
};

/** A fresh key per attempt; works on plain-http LAN installs too, where randomUUID is absent. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

const idem = (key: string) => ({ 'Idempotency-Key': key });
export const orderKey = (id: string) => ['orders', id] as const;
const path = (id: string) => `/orders/${encodeURIComponent(id)}`;

export const useOrder = (id: string) =>
  useQuery({
    queryKey: orderKey(id),
    queryFn: () => api.get<Order>(path(id)),
    // While the gateway confirms, or the other party may act, look again now and then.
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      if (s === 'pending_payment') return 3000;
      if (s === 'reserved') return 15_000;
      return s === 'paid' || s === 'shipped' || s === 'delivered' ? 15_000 : false;
    },
  });

export const fetchOrder = (id: string) => api.get<Order>(path(id));

export const useOrders = (role: 'buyer' | 'seller', status: OrderStatus | null) =>
  useInfiniteQuery({
    queryKey: ['orders', 'list', role, status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<{ items: Order[]; nextCursor: string | null }>(
        `/orders?role=${role}&limit=20${status ? `&status=${status}` : ''}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });

export const placeOrder = (input: PlaceOrderInput, key: string) => api.post<Order>('/orders', input, idem(key));
export const payOrder = (id: string, key: string) => api.post<Order>(`${path(id)}/pay`, undefined, idem(key));

type ActionInput =
  | { action: 'ship'; body: { carrier: string; trackingNumber: string } }
  | { action: 'handover'; body: { pickupCode: string } }
  | { action: 'cancel'; body: { reason?: string } }
  | { action: 'deliver'; body?: DeliverBody }
  | { action: 'confirm' | 'no-show'; body?: undefined };

export function useOrderAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ActionInput) => api.post<Order>(`${path(id)}/${a.action}`, a.body ?? {}),
    onSuccess: (o) => {
      qc.setQueryData(orderKey(o.id), o);
      void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
      void qc.invalidateQueries({ queryKey: ['wallet'] });
      void qc.invalidateQueries({ queryKey: ['items'] });
    },
  });
}

export const useAddresses = () =>
  useQuery({ queryKey: ['addresses'], queryFn: () => api.get<{ items: SavedAddress[] }>('/me/addresses') });

export function useAddAddress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: Address) => api.post<SavedAddress>('/me/addresses', a),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['addresses'] }),
  });
}
