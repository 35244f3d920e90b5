// What a report may point at: a note, comment, item or member must exist and be visible to the
// reporter (a report on an unknown id would sit in the moderation queue with nothing to act
// on), and nobody reports their own. Messages and conversations are checked by chat's own flow.
import type { Executor } from '../../db/index.ts';
import { notFound, unprocessable } from '../../lib/errors.ts';

type Target = { targetType: string; targetId: string };

async function ownerOf(db: Executor, t: Target): Promise<{ owner: string | null } | null> {
  switch (t.targetType) {
    case 'note': {
      const r = await db.selectFrom('notes').select(['authorId', 'hiddenAt']).where('id', '=', t.targetId).executeTakeFirst();
      return r && !r.hiddenAt ? { owner: r.authorId } : null;
    }
    case 'item': {
      const r = await db.selectFrom('items').select(['sellerId', 'hiddenAt']).where('id', '=', t.targetId).executeTakeFirst();
      return r && !r.hiddenAt ? { owner: r.sellerId } : null;
    }
    case 'comment': {
      const r = await db.selectFrom('comments').select(['authorId', 'deletedAt', 'hiddenAt']).where('id', '=', t.targetId).executeTakeFirst();
      return r && !r.deletedAt && !r.hiddenAt ? { owner: r.authorId } : null;
    }
    case 'user': {
      const r = await db.selectFrom('users').select(['id', 'status']).where('id', '=', t.targetId).executeTakeFirst();
      return r && r.status !== 'deleted' ? { owner: r.id } : null;
    }
    default:
      return { owner: null };
  }
}

export async function checkReportTarget(db: Executor, reporterId: string, t: Target): Promise<void> {
  const found = await ownerOf(db, t);
  if (!found) throw notFound(t.targetType);
  if (found.owner === reporterId) throw unprocessable('cannot_report_own', 'You cannot report your own content.');
}
