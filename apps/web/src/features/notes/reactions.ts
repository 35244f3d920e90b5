// Likes, collects and follows: idempotent PUT / DELETE switches shown at once (optimistic) and
// put back if the server refuses. One note may sit in several caches (its page and any number
// of masonry lists); every copy moves together.
import { type InfiniteData, type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { userKey } from '../accounts/api.ts';
import { call, client } from '../../lib/api.ts';
import { cardsRoot, noteKey } from './api.ts';
import type { FeedCard, Note, Page } from './types.ts';

export type Reaction = 'like' | 'collect';

type NoteCounts = Pick<Note, 'likeCount' | 'likedByMe' | 'collectCount' | 'collectedByMe'>;

function flip<T extends Partial<NoteCounts>>(n: T, reaction: Reaction, on: boolean): T {
  if (reaction === 'like') {
    if (n.likedByMe === on) return n;
    return { ...n, likedByMe: on, likeCount: Math.max(0, (n.likeCount ?? 0) + (on ? 1 : -1)) };
  }
  if (n.collectedByMe === on) return n;
  return { ...n, collectedByMe: on, collectCount: Math.max(0, (n.collectCount ?? 0) + (on ? 1 : -1)) };
}

function applyReaction(qc: QueryClient, noteId: string, reaction: Reaction, on: boolean) {
  qc.setQueryData<Note>(noteKey(noteId), (n) => (n ? flip(n, reaction, on) : n));
  if (reaction !== 'like') return; // cards show likes only
  qc.setQueriesData<InfiniteData<Page<FeedCard>>>({ queryKey: cardsRoot }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((c) => (c.id === noteId ? flip(c, 'like', on) : c)),
          })),
        }
      : data,
  );
}

/** Like or collect a note (`on` is the state wanted). */
export function useReaction(noteId: string, reaction: Reaction, viewerId: string | null) {
  const qc = useQueryClient();
  const path = `/api/v1/notes/{id}/${reaction}` as const;
  const params = { params: { path: { id: noteId } } };
  return useMutation({
    mutationFn: (on: boolean) => call(on ? client.PUT(path, params) : client.DELETE(path, params)),
    onMutate: async (on) => {
      // A read already on its way would land after the tap and undo it on screen.
      await qc.cancelQueries({ queryKey: noteKey(noteId), exact: true });
      applyReaction(qc, noteId, reaction, on);
    },
    onError: (_err, on) => applyReaction(qc, noteId, reaction, !on),
    onSuccess: () => {
      if (reaction === 'collect' && viewerId) {
        void qc.invalidateQueries({ queryKey: [...cardsRoot, 'user', viewerId, 'collects'] });
      }
    },
  });
}

type FollowCounts = { followedByMe?: boolean; followerCount?: number };

function applyFollow(qc: QueryClient, userId: string, on: boolean) {
  qc.setQueryData<FollowCounts>(userKey(userId), (u) =>
    u && u.followedByMe !== on
      ? { ...u, followedByMe: on, followerCount: Math.max(0, (u.followerCount ?? 0) + (on ? 1 : -1)) }
      : u,
  );
  qc.setQueriesData<Note>({ queryKey: ['notes'] }, (n) =>
    n && 'author' in n && n.author?.id === userId ? { ...n, author: { ...n.author, followedByMe: on } } : n,
  );
}

/** Follow or unfollow a member (`on` is the state wanted). */
export function useFollow(userId: string, viewerId: string | null) {
  const qc = useQueryClient();
  const params = { params: { path: { id: userId } } };
  return useMutation({
    mutationFn: (on: boolean) =>
      call(on ? client.PUT('/api/v1/users/{id}/follow', params) : client.DELETE('/api/v1/users/{id}/follow', params)),
    onMutate: (on) => applyFollow(qc, userId, on),
    onError: (_err, on) => applyFollow(qc, userId, !on),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [...cardsRoot, 'feed', 'following'] });
      if (viewerId) void qc.invalidateQueries({ queryKey: userKey(viewerId) });
    },
  });
}
