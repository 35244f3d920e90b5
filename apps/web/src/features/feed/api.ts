// Masonry lists in cursor pages: the home feeds (最新 / 关注) and a member's notes and collects.
// All live under ['cards', …] so a like or a deleted note updates every list at once.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { type PublicUser, userKey } from '../accounts/api.ts';
import { cardsRoot } from '../notes/api.ts';
import type { FeedCard, Page } from '../notes/types.ts';

/** The home feed's tabs: 最新, 推荐 (with a reason per card), 关注, 附近. */
export type FeedTab = 'latest' | 'recommended' | 'following' | 'nearby';
export const FEED_TABS: readonly FeedTab[] = ['latest', 'recommended', 'following', 'nearby'];

export type CardList = { key: readonly unknown[]; path: string };

export const feedList = (tab: FeedTab): CardList => ({ key: [...cardsRoot, 'feed', tab], path: `/feed?tab=${tab}` });
/** 附近: notes around a point (pickup-friendly first, then nearest). */
export const nearbyList = (at: { lat: number; lng: number }, radiusKm: number): CardList => ({
  key: [...cardsRoot, 'feed', 'nearby', at.lat, at.lng, radiusKm],
  path: `/feed?tab=nearby&lat=${at.lat}&lng=${at.lng}&radiusKm=${radiusKm}`,
});
export const userNotesList = (userId: string): CardList => ({
  key: [...cardsRoot, 'user', userId, 'notes'],
  path: `/users/${encodeURIComponent(userId)}/notes`,
});
export const userCollectsList = (userId: string): CardList => ({
  key: [...cardsRoot, 'user', userId, 'collects'],
  path: `/users/${encodeURIComponent(userId)}/collects`,
});

export const useCards = (list: CardList, enabled = true) =>
  useInfiniteQuery({
    queryKey: list.key,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const sep = list.path.includes('?') ? '&' : '?';
      const cursor = pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : '';
      return api.get<Page<FeedCard>>(`${list.path}${sep}limit=20${cursor}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });

/** The public profile with its community half (counts, followedByMe) — the same cache entry as usePublicUser. */
export type CommunityUser = PublicUser & {
  followerCount: number;
  followingCount: number;
  noteCount: number;
  followedByMe: boolean;
};

export const useCommunityUser = (id: string) =>
  useQuery({
    queryKey: userKey(id),
    queryFn: () => api.get<CommunityUser>(`/users/${encodeURIComponent(id)}`),
  });
