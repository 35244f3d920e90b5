// Rows → the JSON of an entry. Subjects (actors, note, comment, item) are read fresh in batches,
// so a renamed member or a deleted comment shows as it is now, not as it was.
import type { Executor } from '../../db/index.ts';
import { findItemCards } from '../items/cards.ts';
import { mediaUrl } from '../media/presenter.ts';
import { presentUserCard } from '../accounts/index.ts';
import { findSubjects, type NotificationRow } from './repo.ts';
import type { NotificationOut, NotificationType } from './schema.ts';

/** Actors shown on an entry ("小王、阿梅等 5 人赞了你的笔记"). */
export const ACTORS_SHOWN = 3;
const EXCERPT = 80;

export async function presentNotifications(db: Executor, rows: readonly NotificationRow[]): Promise<NotificationOut[]> {
  if (rows.length === 0) return [];
  const itemIds = rows.flatMap((r) => (r.itemId ? [r.itemId] : []));
  const [s, items] = await Promise.all([findSubjects(db, rows, ACTORS_SHOWN), findItemCards(db, itemIds)]);
  return rows.map((r) => {
    const note = r.noteId ? s.notes.get(r.noteId) : undefined;
    const comment = r.commentId ? s.comments.get(r.commentId) : undefined;
    const item = r.itemId ? items.get(r.itemId) : undefined;
    return {
      id: r.id,
      type: r.type as NotificationType,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
      actors: r.actorIds.slice(0, ACTORS_SHOWN).flatMap((id) => {
        const u = s.users.get(id);
        return u ? [presentUserCard(u)] : [];
      }),
      count: Math.max(r.actorCount, 1),
      note: note ? { id: note.id, title: note.title, coverUrl: note.coverId ? mediaUrl(note.coverId, 'thumb') : null } : null,
      // A deleted comment keeps its entry but no longer shows its words.
      comment: r.commentId
        ? { id: r.commentId, excerpt: comment && !comment.deletedAt ? excerpt(comment.body) : null }
        : null,
      item: item ? { id: item.id, title: item.title, coverUrl: item.coverThumbUrl ?? item.coverUrl } : null,
      orderId: r.orderId,
      offerId: r.offerId,
      caseId: r.caseId,
      data: (r.data && typeof r.data === 'object' ? r.data : {}) as Record<string, unknown>,
    };
  });
}

const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body);
