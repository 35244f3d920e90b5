// Chat over HTTP (API.md "Chat"): the inbox, one conversation, its history (newest first,
// older pages by cursor), sending, read state, block and report, and offer decisions made on
// a card. Live changes arrive through the socket (provider.tsx) into the same caches.
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api.ts';
import { useMe } from '../accounts/api.ts';
import {
  addMessage,
  cachedNewerThan,
  conversationKey,
  inboxKey,
  markReadLocally,
  messagesKey,
  updateOffer,
} from './cache.ts';
import type { ChatOffer, Conversation, InboxPage, Message, MessagePage, ReportReason, SendBody } from './types.ts';

const enc = encodeURIComponent;
const conv = (id: string) => `/conversations/${enc(id)}`;

export const inboxOptions = () =>
  infiniteQueryOptions({
    queryKey: inboxKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<InboxPage>(`/conversations?limit=30${pageParam ? `&cursor=${enc(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor,
  });

export const useInbox = () => useInfiniteQuery(inboxOptions());

/** The number on the 消息 tab: every unread message across conversations. */
export function useUnreadTotal(enabled: boolean) {
  const q = useInfiniteQuery({ ...inboxOptions(), enabled, select: (d) => d.pages[0]?.unreadTotal ?? 0 });
  return enabled ? (q.data ?? 0) : 0;
}

export const useConversation = (id: string) =>
  useQuery({ queryKey: conversationKey(id), queryFn: () => api.get<Conversation>(conv(id)) });

export function useMessages(id: string) {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: messagesKey(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await api.get<MessagePage>(
        `${conv(id)}/messages?limit=30${pageParam ? `&cursor=${enc(pageParam)}` : ''}`,
      );
      if (pageParam) return page;
      // A live message that landed while this request was on its way is kept, not dropped.
      const kept = cachedNewerThan(qc, id, page.items[0]?.id);
      return kept.length ? { ...page, items: [...kept, ...page.items] } : page;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSendMessage(conversationId: string) {
  const qc = useQueryClient();
  const me = useMe().data;
  return useMutation({
    mutationFn: (body: SendBody) => api.post<Message>(`${conv(conversationId)}/messages`, body),
    onSuccess: (m) => {
      if (me) addMessage(qc, m, me.id);
      if (m.offer) void qc.invalidateQueries({ queryKey: ['offers'] });
    },
    onError: (err) => {
      // Blocked meanwhile (here or by the peer): show the conversation as it now is.
      if (err instanceof ApiError && (err.code === 'blocked' || err.code === 'you_blocked')) {
        void qc.invalidateQueries({ queryKey: conversationKey(conversationId) });
      }
    },
  });
}

export function useMarkRead(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`${conv(conversationId)}/read`),
    onSuccess: () => markReadLocally(qc, conversationId),
  });
}

/** 聊一聊: the one conversation with this member, now about this item. */
export function useOpenConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { peerId: string; itemId?: string }) => api.post<Conversation>('/conversations', body),
    onSuccess: (c) => {
      qc.setQueryData(conversationKey(c.id), c);
      void qc.invalidateQueries({ queryKey: inboxKey });
    },
  });
}

export function useBlock(conversationId: string, peerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (block: boolean) =>
      block ? api.put<void>(`/users/${enc(peerId)}/block`) : api.del<void>(`/users/${enc(peerId)}/block`),
    onSuccess: (_r, block) => {
      qc.setQueryData<Conversation>(conversationKey(conversationId), (c) =>
        c ? { ...c, blocked: { ...c.blocked, byMe: block } } : c,
      );
      void qc.invalidateQueries({ queryKey: inboxKey });
    },
  });
}

export type ReportInput = {
  targetType: 'user' | 'message' | 'conversation' | 'note' | 'comment' | 'item';
  targetId: string;
  reason: ReportReason;
  detail?: string;
};

export const useReport = () => useMutation({ mutationFn: (r: ReportInput) => api.post<{ id: string }>('/reports', r) });

export type OfferAction =
  | { id: string; action: 'accept' | 'decline' | 'withdraw' }
  | { id: string; action: 'counter'; price: number };

/** Accept, decline, withdraw or counter from the card in the chat; every copy of the card updates. */
export function useOfferAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: OfferAction) =>
      api.post<ChatOffer>(`/offers/${enc(a.id)}/${a.action}`, a.action === 'counter' ? { price: a.price } : undefined),
    onSuccess: (offer) => {
      updateOffer(qc, offer);
      void qc.invalidateQueries({ queryKey: ['offers'] });
    },
  });
}
