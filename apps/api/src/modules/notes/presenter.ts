import { presentPlace } from '../../lib/geo.ts';
import { scanText } from '../trust/scam-shield.ts';
// Rows → JSON for notes and comments. Internal columns (explicit_tags, deleted_by, the text of
// a deleted comment) never leave through here.
import { presentPhoto } from '../media/presenter.ts';
import { presentUserCard } from '../accounts/index.ts';
import type { Author, MediaSize } from './hydrate.ts';
import type { ItemCardOut } from './items-port.ts';
import type { NoteRow } from './repo.ts';
import type { CommentRow } from './comments-repo.ts';
import { presentStall } from './stall-host.ts';

export { presentUserCard };

export const presentLocation = (n: Pick<NoteRow, 'lat' | 'lng' | 'locationLabel'>) => presentPlace(n);

export type NoteView = {
  note: NoteRow;
  author: Author;
  images: MediaSize[];
  items: ItemCardOut[];
  likedByMe: boolean;
  collectedByMe: boolean;
  followedByMe: boolean;
};

export function presentNote(v: NoteView) {
  const n = v.note;
  return {
    id: n.id,
    kind: n.kind as 'note' | 'stall' | 'wanted',
    title: n.title,
    body: n.body,
    tags: n.tags,
    images: v.images.map(presentPhoto),
    location: presentLocation(n),
    author: { ...presentUserCard(v.author), followedByMe: v.followedByMe },
    items: v.items,
    // The scam shield reads notes too: readers see a warning on off-platform lures.
    warnings: scanText(`${n.title}\n${n.body}`).warnings,
    likeCount: n.likeCount,
    collectCount: n.collectCount,
    commentCount: n.commentCount,
    likedByMe: v.likedByMe,
    collectedByMe: v.collectedByMe,
    // A stall's host rules (in words too) and whether it is closed; null for other kinds.
    stall: presentStall(n),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export type CommentContext = {
  authors: Map<string, Author>;
  items: Map<string, ItemCardOut>;
  viewerId: string | null;
  noteAuthorId: string;
};

export function presentReply(c: CommentRow, ctx: CommentContext) {
  const deleted = c.deletedAt !== null;
  const author = ctx.authors.get(c.authorId);
  const replyTo = c.replyToUserId ? ctx.authors.get(c.replyToUserId) : undefined;
  return {
    id: c.id,
    noteId: c.noteId,
    parentId: c.parentId,
    author: !deleted && author ? presentUserCard(author) : null,
    replyToUser: replyTo ? presentUserCard(replyTo) : null,
    body: deleted ? '' : c.body,
    deleted,
    wanted: !deleted && c.wantedTitle ? { title: c.wantedTitle, maxPrice: c.wantedMaxPrice } : null,
    item: !deleted && c.itemId ? (ctx.items.get(c.itemId) ?? null) : null,
    warnings: deleted ? [] : scanText(c.body).warnings,
    pinned: !deleted && c.pinnedAt !== null,
    canDelete: !deleted && ctx.viewerId !== null && (ctx.viewerId === c.authorId || ctx.viewerId === ctx.noteAuthorId),
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentComment(c: CommentRow, replies: CommentRow[], ctx: CommentContext) {
  return { ...presentReply(c, ctx), replyCount: c.replyCount, replies: replies.map((r) => presentReply(r, ctx)) };
}
