// The community API's shapes (API.md "Notes and comments"; apps/api/src/modules/notes/schema.ts
// and feed/schema.ts). Money is integer fen.
import type { Reason } from '../discovery/api.ts';
import type { ItemStatus } from '@jishi/shared';
import type { Location, LocationInput } from '../places/place.ts';

export type NoteKind = 'note' | 'stall' | 'wanted';
export const NOTE_KINDS: readonly NoteKind[] = ['note', 'stall', 'wanted'];

export type UserCard = { id: string; displayName: string; avatarUrl: string | null };

export type NoteImage = {
  id: string;
  width: number;
  height: number;
  urls: { thumb: string; card: string; detail: string };
};

/** A live item card (items/cards.ts): price, stock and state read fresh on every request. */
export type ItemCard = {
  id: string;
  sellerId: string;
  title: string;
  price: number;
  available: number;
  /** Units held by orders not paid yet: with `available` 0 the item is sold_out but may come back.
   *  Every card the API sends has it; cards a page builds from a whole item may leave it out. */
  held?: number;
  quantity: number;
  status: ItemStatus;
  free: boolean;
  delivery: string[];
  shippingFee: number;
  coverUrl: string | null;
  coverThumbUrl?: string | null;
  createdAt?: string;
};

export type Note = {
  id: string;
  kind: NoteKind;
  title: string;
  body: string;
  tags: string[];
  images: NoteImage[];
  location: Location | null;
  author: UserCard & { followedByMe: boolean };
  items: ItemCard[];
  likeCount: number;
  collectCount: number;
  commentCount: number;
  likedByMe: boolean;
  collectedByMe: boolean;
  /** kind "stall" only: the host's rules for item comments, in words, and the closing. */
  stall?: StallView | null;
  createdAt: string;
  updatedAt: string;
};

export type StallRuleKey = 'pickup_only' | 'area' | 'category' | 'price_cap';
export type StallRules = {
  pickupOnly: boolean;
  area: { label: string; lat: number; lng: number; radiusKm: number } | null;
  categories: string[] | null;
  maxPrice: number | null;
};
export type StallView = {
  rules: StallRules;
  ruleTexts: { rule: StallRuleKey; 'zh-CN': string; en: string }[];
  closedAt: string | null;
};

export type Reply = {
  id: string;
  noteId: string;
  parentId: string | null;
  /** null once deleted */
  author: UserCard | null;
  replyToUser: UserCard | null;
  body: string;
  deleted: boolean;
  wanted: { title: string; maxPrice: number | null } | null;
  item: ItemCard | null;
  /** Pinned by the stall host: shown first. */
  pinned?: boolean;
  canDelete: boolean;
  createdAt: string;
};

export type Comment = Reply & { replyCount: number; replies: Reply[] };

/** A masonry card of the feeds and of a profile's notes / collects. */
export type FeedCard = {
  id: string;
  kind: NoteKind;
  title: string;
  cover: { url: string; width: number; height: number } | null;
  author: UserCard;
  likeCount: number;
  likedByMe: boolean;
  items: ItemCard[];
  createdAt: string;
  /** 附近 only: how far the note's place is, and whether an item in it can be picked up. */
  distanceKm?: number;
  pickup?: boolean;
  /** 推荐 only: why the card is here ("因为你收藏了 #露营"). */
  reason?: Reason;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type NoteInput = {
  title: string;
  body: string;
  tags: string[];
  imageIds: string[];
  itemIds: string[];
  location: LocationInput | null;
  kind: NoteKind;
};

export type NotePatch = Partial<Pick<NoteInput, 'title' | 'body' | 'tags' | 'imageIds'>>;

export type CommentInput = {
  body: string;
  parentId?: string;
  itemId?: string;
  wanted?: { title: string; maxPrice?: number };
};

export const NOTE_LIMITS = {
  titleMax: 50,
  bodyMax: 2000,
  tagsMax: 10,
  tagMax: 20,
  commentMax: 500,
  wantedTitleMax: 50,
};
