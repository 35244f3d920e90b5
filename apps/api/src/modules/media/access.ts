// Who may see a photo (issue 9, hole 3). The rules, in order:
//   1. published (attached by its owner to a note or an item, or their avatar): everyone;
//   2. otherwise the owner;
//   3. otherwise whoever a grant admits. Grants are registered by the modules that keep
//      private photos of their own: chat (below) and, through grantMediaAccess, any other
//      (after-sale evidence, a moderation queue, …).
// Everyone else gets the same 404 as for a photo that does not exist.
import type { Executor } from '../../db/index.ts';
import type { AuthUser } from '../../lib/http.ts';

export type Viewer = Pick<AuthUser, 'id' | 'role'>;

/**
 * Admits `viewer` to the private photo `mediaId`, or not. Called only for unpublished photos
 * and signed-in viewers who do not own the photo; it must answer false (not throw) for a
 * photo it knows nothing about, and should be one indexed query.
 */
export type MediaGrant = (db: Executor, mediaId: string, viewer: Viewer) => Promise<boolean>;

const grants = new Map<string, MediaGrant>();

/** Registers (or replaces, by name) a grant. Call it once at module load. */
export function grantMediaAccess(name: string, grant: MediaGrant): void {
  grants.set(name, grant);
}

/**
 * Chat: the two members of any conversation the photo was sent in; operators too when that
 * message or conversation has been reported (they review it).
 */
grantMediaAccess('chat', async (db, mediaId, viewer) => {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversationId')
    .select('m.id')
    .where('m.mediaId', '=', mediaId)
    .where((eb) => {
      const member = eb.or([eb('c.userA', '=', viewer.id), eb('c.userB', '=', viewer.id)]);
      if (viewer.role !== 'moderator' && viewer.role !== 'admin') return member;
      const reported = eb.exists(
        eb
          .selectFrom('reports as r')
          .select('r.id')
          .where((r) =>
            r.or([
              r.and([r('r.targetType', '=', 'message'), r('r.targetId', '=', r.ref('m.id'))]),
              r.and([r('r.targetType', '=', 'conversation'), r('r.targetId', '=', r.ref('c.id'))]),
            ]),
          ),
      );
      return eb.or([member, reported]);
    })
    .limit(1)
    .executeTakeFirst();
  return !!row;
});

export type Access = 'public' | 'private';

/**
 * How `viewer` may see the photo: 'public' (anyone, cacheable by anyone), 'private' (this
 * viewer only), or null (not found, or not theirs to see). `viewer` is resolved only when the
 * photo is not public, so feed images cost one query and no session look-up.
 */
export async function mediaAccess(
  db: Executor,
  mediaId: string,
  viewer: () => Promise<Viewer | null>,
): Promise<Access | null> {
  const m = await db.selectFrom('media').select(['ownerId', 'publishedAt']).where('id', '=', mediaId).executeTakeFirst();
  if (!m) return null;
  if (m.publishedAt) return 'public';
  const v = await viewer();
  if (!v) return null;
  if (m.ownerId === v.id) return 'private';
  for (const grant of grants.values()) if (await grant(db, mediaId, v)) return 'private';
  return null;
}
