// The community API's shapes, as generated from its route schemas (@jishi/client; API.md "Notes
// and comments"). Money is integer fen.
import type { Schemas } from '../../lib/api.ts';

export type NoteKind = Schemas['Note']['kind'];
export const NOTE_KINDS: readonly NoteKind[] = ['note', 'stall', 'wanted'];

export type UserCard = Schemas['UserCard'];
export type NoteImage = Schemas['Image'];
/** A live item card (apps/api items/cards.ts): price, stock and state read fresh on every request.
 *  The one item-card type of the web app; a card a page builds from a whole item (itemCard in
 *  items/api.ts) may lack the cover's size. */
export type ItemCard = Omit<Schemas['ItemCard'], CoverSize> & Partial<Pick<Schemas['ItemCard'], CoverSize>>;
type CoverSize = 'coverWidth' | 'coverHeight';
export type Note = Schemas['Note'];
export type StallView = NonNullable<Schemas['StallView']>;
export type StallRuleKey = StallView['ruleTexts'][number]['rule'];
export type StallRules = Schemas['StallRules'];
export type Reply = Schemas['Reply'];
export type Comment = Schemas['Comment'];
/** A masonry card of the feeds and of a profile's notes / collects. */
export type FeedCard = Schemas['FeedCard'];

/** A cursor page of any list (API.md "Lists"). */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type NoteInput = Schemas['NoteInput'];
export type NotePatch = Schemas['NotePatch'];
export type CommentInput = Schemas['CommentInput'];

export const NOTE_LIMITS = {
  titleMax: 50,
  bodyMax: 2000,
  tagsMax: 10,
  tagMax: 20,
  commentMax: 500,
  wantedTitleMax: 50,
};
