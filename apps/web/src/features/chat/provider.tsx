// The app-wide chat connection: while a member is signed in, one socket feeds every live event
// into the TanStack Query caches (history, inbox, unread total). After a break it catches up:
// the inbox is refetched and each open conversation asks for what it missed (`?after=`).
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useEffect, useMemo, useState } from 'react';
import { call, client } from '../../lib/api.ts';
import { useMe } from '../accounts/api.ts';
import {
  addMessages,
  addMessage,
  conversationKey,
  inboxKey,
  markReadLocally,
  messagesKey,
  newestCachedId,
  peerReadKey,
  updateOffer,
} from './cache.ts';
import { openChatSocket } from './socket.ts';
import type { SocketEvent } from './types.ts';

type ConnectionState = 'connecting' | 'live' | 'down';
type ChatConnection = { state: ConnectionState };
const ChatContext = createContext<ChatConnection>({ state: 'connecting' });

/** Live delivery: up, not up yet, or lost after it was up (a conversation says "reconnecting…"). */
export const useChatConnection = () => useContext(ChatContext);

/** Another feature on the same connection (notifications): every event, and each (re)connect. */
export type SocketListener = {
  onEvent(qc: QueryClient, e: { type: string }): void;
  onReady?(qc: QueryClient): void;
};
const NO_LISTENERS: readonly SocketListener[] = [];

function onEvent(qc: QueryClient, meId: string, e: SocketEvent) {
  if (e.type === 'message') {
    addMessage(qc, e.message, meId);
    if (e.message.kind === 'offer') void qc.invalidateQueries({ queryKey: ['offers'] });
    // An order moved: the offer it used and the item's stock on older cards moved with it.
    // (An offer used by the order turns "used": refetching the history shows it.)
    if (e.message.kind === 'order') {
      void qc.invalidateQueries({ queryKey: messagesKey(e.conversationId) });
      void qc.invalidateQueries({ queryKey: conversationKey(e.conversationId) });
    }
  } else if (e.type === 'read') {
    if (e.userId === meId) markReadLocally(qc, e.conversationId);
    else if (e.messageId) qc.setQueryData(peerReadKey(e.conversationId), e.messageId);
  } else if (e.type === 'offer') {
    updateOffer(qc, e.offer);
    // Lists and the 我 badge (decisions waiting on me) follow.
    void qc.invalidateQueries({ queryKey: ['offers'] });
  } else if (e.type === 'order') {
    void qc.invalidateQueries({ queryKey: ['orders', e.orderId] });
    void qc.invalidateQueries({ queryKey: ['orders', 'list'] });
  }
}

/** After a break: refetch the inbox; conversations on screen fetch what they missed. */
async function catchUp(qc: QueryClient, meId: string) {
  void qc.invalidateQueries({ queryKey: inboxKey });
  const queries = qc.getQueryCache().findAll({ queryKey: ['chat', 'messages'] });
  await Promise.all(
    queries.map(async (q) => {
      const id = q.queryKey[2] as string;
      const after = newestCachedId(qc, id);
      if (!q.isActive() || !after) {
        void qc.invalidateQueries({ queryKey: messagesKey(id), refetchType: q.isActive() ? 'active' : 'none' });
        return;
      }
      try {
        const page = await call(
          client.GET('/api/v1/conversations/{id}/messages', { params: { path: { id }, query: { after, limit: 100 } } }),
        );
        addMessages(qc, page.items, meId);
        if (page.items.length === 100) void qc.invalidateQueries({ queryKey: messagesKey(id) });
      } catch {
        void qc.invalidateQueries({ queryKey: messagesKey(id) });
      }
      void qc.invalidateQueries({ queryKey: conversationKey(id) });
    }),
  );
}

export function ChatProvider({ children, listeners = NO_LISTENERS }: { children: ReactNode; listeners?: readonly SocketListener[] }) {
  const qc = useQueryClient();
  const meId = useMe().data?.id ?? null;
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    if (!meId) return;
    const stop = openChatSocket({
      onEvent: (e) => {
        onEvent(qc, meId, e);
        for (const l of listeners) l.onEvent(qc, e);
      },
      onReady: () => {
        setState('live');
        void catchUp(qc, meId);
        for (const l of listeners) l.onReady?.(qc);
      },
      onDown: () => setState((s) => (s === 'connecting' ? s : 'down')),
    });
    return () => {
      stop();
      setState('connecting');
    };
  }, [qc, meId, listeners]);

  const value = useMemo(() => ({ state }), [state]);
  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
