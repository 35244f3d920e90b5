// Masonry lists in cursor pages: the home feeds (最新 / 关注) and a member's notes and collects.
// All live under ['cards', …] so a like or a deleted note updates every list at once.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { call, client, type paths, type Schemas } from '../../lib/api.ts';
import { userKey } from '../accounts/api.ts';
import { cardsRoot } from '../notes/api.ts';

/** The home feed's tabs: 最新, 推荐 (with a reason per card), 关注, 附近. */
export type FeedTab = NonNullable<NonNullable<paths['/api/v1/feed']['get']['parameters']['query']>['tab']>;
export const FEED_TABS: readonly FeedTab[] = ['latest', 'recommended', 'following', 'nearby'];

type FeedPage = Schemas['FeedPage'];
type Load = (cursor: string | undefined) => Promise<FeedPage>;
/** A masonry list: its cache key and how to load a page through the typed client. */
export type CardList = { key: readonly unknown[]; load: Load };

const PAGE = 20;

export const feedList = (tab: FeedTab): CardList => ({
  key: [...cardsRoot, 'feed', tab],
  load: (cursor) => call(client.GET('/api/v1/feed', { params: { query: { tab, limit: PAGE, cursor } } })),
});
/** 附近: notes around a point (pickup-friendly first, then nearest). */
export const nearbyList = (at: { lat: number; lng: number }, radiusKm: number): CardList => ({
  key: [...cardsRoot, 'feed', 'nearby', at.lat, at.lng, radiusKm],
  load: (cursor) =>
    call(
      client.GET('/api/v1/feed', {
        params: { query: { tab: 'nearby', lat: at.lat, lng: at.lng, radiusKm, limit: PAGE, cursor } },
      }),
    ),
});
export const userNotesList = (userId: string): CardList => ({
  key: [...cardsRoot, 'user', userId, 'notes'],
  load: (cursor) =>
    call(client.GET('/api/v1/users/{id}/notes', { params: { path: { id: userId }, query: { limit: PAGE, cursor } } })),
});
export const userCollectsList = (userId: string): CardList => ({
  key: [...cardsRoot, 'user', userId, 'collects'],
  load: (cursor) =>
    call(client.GET('/api/v1/users/{id}/collects', { params: { path: { id: userId }, query: { limit: PAGE, cursor } } })),
});

export const useCards = (list: CardList, enabled = true) =>
  useInfiniteQuery({
    queryKey: list.key,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => list.load(pageParam ?? undefined),
    getNextPageParam: (last) => last.nextCursor,
  });

/** The public profile with its community half (counts, followedByMe) — the same cache entry as usePublicUser. */
export type CommunityUser = Schemas['PublicUser'];

export const useCommunityUser = (id: string) =>
  useQuery({
    queryKey: userKey(id),
    queryFn: () => call(client.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
