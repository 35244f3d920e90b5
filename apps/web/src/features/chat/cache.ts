// What a live event does to the cached chat data. Every function is idempotent: the same
// message may arrive from the POST response, the socket and a catch-up fetch, in any order.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { ChatOffer, Conversation, InboxPage, Message, MessagePage } from './types.ts';

export const inboxKey = ['chat', 'inbox'] as const;
export const conversationKey = (id: string) => ['chat', 'conversation', id] as const;
export const messagesKey = (id: string) => ['chat', 'messages', id] as const;
export const peerReadKey = (id: string) => ['chat', 'peer-read', id] as const;

type Inbox = InfiniteData<InboxPage, string | null>;
type Messages = InfiniteData<MessagePage, string | null>;

/** Message ids grow with time (same length, hex), so string order is arrival order. */
export const newer = (a: string, b: string) => a > b;

/** Adds one message to its conversation's history (newest first) and to the inbox. */
export function addMessage(qc: QueryClient, message: Message, meId: string) {
  qc.setQueryData<Messages>(messagesKey(message.conversationId), (data) => {
    if (!data || data.pages.some((p) => p.items.some((m) => m.id === message.id))) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    const items = [...first.items, message].sort((a, b) => (newer(a.id, b.id) ? -1 : 1));
    return { ...data, pages: [{ ...first, items }, ...rest] };
  });
  // Unread is what the other side or the system did (issue 15): never my message, never a card of my own step.
  const fromPeer = (message.actorId !== undefined ? message.actorId : message.senderId) !== meId;
  const bump = (c: Conversation): Conversation | null => {
    if (c.lastMessage && !newer(message.id, c.lastMessage.id)) return null; // already counted
    return { ...c, lastMessage: message, unreadCount: c.unreadCount + (fromPeer ? 1 : 0) };
  };
  qc.setQueryData<Conversation>(conversationKey(message.conversationId), (c) => (c ? (bump(c) ?? c) : c));
  const inbox = qc.getQueryData<Inbox>(inboxKey);
  if (!inbox) return;
  const found = inbox.pages.flatMap((p) => p.items).find((c) => c.id === message.conversationId);
  if (!found) {
    // A new conversation (or one beyond the loaded pages): the server knows best.
    void qc.invalidateQueries({ queryKey: inboxKey });
    return;
  }
  const bumped = bump(found);
  if (!bumped) return;
  qc.setQueryData<Inbox>(inboxKey, (data) => {
    if (!data) return data;
    const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== found.id) }));
    const [first, ...rest] = pages;
    if (!first) return data;
    const unreadTotal = first.unreadTotal + (fromPeer ? 1 : 0);
    return { ...data, pages: [{ ...first, unreadTotal, items: [bumped, ...first.items] }, ...rest] };
  });
}

/** Several messages (a catch-up), oldest first. */
export function addMessages(qc: QueryClient, messages: Message[], meId: string) {
  for (const m of messages) addMessage(qc, m, meId);
}

/** I read the conversation (here or in another tab): no unread left in it. */
export function markReadLocally(qc: QueryClient, conversationId: string) {
  qc.setQueryData<Conversation>(conversationKey(conversationId), (c) => (c ? { ...c, unreadCount: 0 } : c));
  qc.setQueryData<Inbox>(inboxKey, (data) => {
    if (!data) return data;
    let cleared = 0;
    const pages = data.pages.map((p) => ({
      ...p,
      items: p.items.map((c) => {
        if (c.id !== conversationId || c.unreadCount === 0) return c;
        cleared += c.unreadCount;
        return { ...c, unreadCount: 0 };
      }),
    }));
    if (!cleared) return data;
    const [first, ...rest] = pages;
    if (!first) return data;
    return { ...data, pages: [{ ...first, unreadTotal: Math.max(0, first.unreadTotal - cleared) }, ...rest] };
  });
}

/** An offer changed (accepted, countered, …): every card showing it follows. */
export function updateOffer(qc: QueryClient, offer: ChatOffer) {
  // A pushed offer comes without its item (the card already has it): keep what the card shows.
  const patch = (m: Message): Message =>
    m.offer?.id === offer.id ? { ...m, offer: { ...m.offer, ...offer, item: offer.item ?? m.offer.item } } : m;
  qc.setQueriesData<Messages>({ queryKey: ['chat', 'messages'] }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map(patch) })) } : data,
  );
}

/** The newest message id this tab has for a conversation, for `?after=`. */
export function newestCachedId(qc: QueryClient, conversationId: string): string | null {
  return qc.getQueryData<Messages>(messagesKey(conversationId))?.pages[0]?.items[0]?.id ?? null;
}

/** Cached messages newer than `id` (kept when a refetch started before they arrived). */
export function cachedNewerThan(qc: QueryClient, conversationId: string, id: string | undefined): Message[] {
  const first = qc.getQueryData<Messages>(messagesKey(conversationId))?.pages[0]?.items ?? [];
  return id ? first.filter((m) => newer(m.id, id)) : first;
}
