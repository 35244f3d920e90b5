// Notifications over HTTP (API.md "After-sale, jury (小法庭) and notifications") and live over
// the app's one socket: a `notification` envelope moves the bell and puts the entry on top of
// the list; `notifications_read` (another tab or device read them) moves the bell only.
import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { call, client, type Schemas } from '../../lib/api.ts';
import type { SocketListener } from '../chat/provider.tsx';

export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];

export const notificationsKey = ['notifications', 'list'] as const;
export const unreadNotificationsKey = ['notifications', 'unread'] as const;

export function useNotifications() {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: notificationsKey,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await call(
        client.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor: pageParam ?? undefined } } }),
      );
      qc.setQueryData(unreadNotificationsKey, page.unreadCount);
      return page;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The number on the bell. Kept current by the socket; fetched once per sign-in and on reconnect. */
export function useUnreadNotifications(enabled: boolean) {
  const q = useQuery({
    queryKey: unreadNotificationsKey,
    queryFn: async () => (await call(client.GET('/api/v1/notifications/unread-count'))).unreadCount,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return enabled ? (q.data ?? 0) : 0;
}

/** Opening the list reads everything: the bell goes to zero, the dots stay for this visit. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(client.POST('/api/v1/notifications/read', { body: {} })),
    onSuccess: () => qc.setQueryData(unreadNotificationsKey, 0),
  });
}

/** A new or grown entry goes on top of the first page (a group that grew moves up). */
function putOnTop(qc: QueryClient, n: Notification) {
  qc.setQueryData<InfiniteData<NotificationPage, string | null>>(notificationsKey, (data) => {
    if (!data) return data;
    const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== n.id) }));
    const [first, ...rest] = pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, items: [n, ...first.items] }, ...rest] };
  });
}

type Envelope =
  | { type: 'notification'; notification: Notification; unreadCount?: number }
  | { type: 'notifications_read'; unreadCount: number };

export const notificationsSocketListener: SocketListener = {
  onEvent(qc, e) {
    const env = e as Envelope;
    if (env.type === 'notification' && env.notification) {
      putOnTop(qc, env.notification);
      if (typeof env.unreadCount === 'number') qc.setQueryData(unreadNotificationsKey, env.unreadCount);
      else void qc.invalidateQueries({ queryKey: unreadNotificationsKey });
    } else if (env.type === 'notifications_read') {
      qc.setQueryData(unreadNotificationsKey, env.unreadCount);
    }
  },
  onReady(qc) {
    // After a break something may have been missed: ask again.
    void qc.invalidateQueries({ queryKey: ['notifications'] });
  },
};
