// Chat over HTTP (API.md "Chat"): the inbox, one conversation, its history (newest first,
// older pages by cursor), sending, read state, block and report, and offer decisions made on
// a card. Live changes arrive through the socket (provider.tsx) into the same caches.
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type Schemas, call, client } from '../../lib/api.ts';
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
import type { Conversation, SendBody } from './types.ts';

const byId = (id: string) => ({ params: { path: { id } } });
const page = (limit: number, cursor: string | null) => ({ limit, ...(cursor ? { cursor } : {}) });

export const inboxOptions = () =>
  infiniteQueryOptions({
    queryKey: inboxKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => call(client.GET('/api/v1/conversations', { params: { query: page(30, pageParam) } })),
    getNextPageParam: (last) => last.nextCursor,
  });

export const useInbox = () => useInfiniteQuery(inboxOptions());

/** The number on the 消息 tab: every unread message across conversations. */
export function useUnreadTotal(enabled: boolean) {
  const q = useInfiniteQuery({ ...inboxOptions(), enabled, select: (d) => d.pages[0]?.unreadTotal ?? 0 });
  return enabled ? (q.data ?? 0) : 0;
}

export const useConversation = (id: string) =>
  useQuery({ queryKey: conversationKey(id), queryFn: () => call(client.GET('/api/v1/conversations/{id}', byId(id))) });

export function useMessages(id: string) {
  const qc = useQueryClient();
  return useInfiniteQuery({
    queryKey: messagesKey(id),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const got = await call(
        client.GET('/api/v1/conversations/{id}/messages', { params: { path: { id }, query: page(30, pageParam) } }),
      );
      if (pageParam) return got;
      // A live message that landed while this request was on its way is kept, not dropped.
      const kept = cachedNewerThan(qc, id, got.items[0]?.id);
      return kept.length ? { ...got, items: [...kept, ...got.items] } : got;
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useSendMessage(conversationId: string) {
  const qc = useQueryClient();
  const me = useMe().data;
  return useMutation({
    mutationFn: (body: SendBody) =>
      call(client.POST('/api/v1/conversations/{id}/messages', { ...byId(conversationId), body })),
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
    mutationFn: () => call(client.POST('/api/v1/conversations/{id}/read', byId(conversationId))),
    onSuccess: () => markReadLocally(qc, conversationId),
  });
}

/** 聊一聊: the one conversation with this member, now about this item. */
export function useOpenConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateConversationBody']) => call(client.POST('/api/v1/conversations', { body })),
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
      block
        ? call(client.PUT('/api/v1/users/{id}/block', byId(peerId)))
        : call(client.DELETE('/api/v1/users/{id}/block', byId(peerId))),
    onSuccess: (_r, block) => {
      qc.setQueryData<Conversation>(conversationKey(conversationId), (c) =>
        c ? { ...c, blocked: { ...c.blocked, byMe: block } } : c,
      );
      void qc.invalidateQueries({ queryKey: inboxKey });
    },
  });
}

export type ReportInput = Schemas['ReportBody'];

export const useReport = () =>
  useMutation({ mutationFn: (body: ReportInput) => call(client.POST('/api/v1/reports', { body })) });

export type OfferAction =
  | { id: string; action: 'accept' | 'decline' | 'withdraw' }
  | { id: string; action: 'counter'; price: number };

/** Accept, decline, withdraw or counter from the card in the chat; every copy of the card updates. */
export function useOfferAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: OfferAction) => {
      switch (a.action) {
        case 'accept':
          return call(client.POST('/api/v1/offers/{id}/accept', byId(a.id)));
        case 'decline':
          return call(client.POST('/api/v1/offers/{id}/decline', byId(a.id)));
        case 'withdraw':
          return call(client.POST('/api/v1/offers/{id}/withdraw', byId(a.id)));
        case 'counter':
          return call(client.POST('/api/v1/offers/{id}/counter', { ...byId(a.id), body: { price: a.price } }));
      }
    },
    onSuccess: (offer) => {
      updateOffer(qc, offer);
      void qc.invalidateQueries({ queryKey: ['offers'] });
    },
  });
}
