// Followers and following lists: keyset pages on (follows.created_at, the other member's id),
// most recent first, each member marked when the viewer follows them too.
import type { Executor } from '../../db/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { followedUserIds } from './hydrate.ts';
import { cutPage, decodeKeyset, type Keyset } from '../../lib/pagination.ts';
import { presentUserCard } from './presenter.ts';
import { findActiveUser } from './reactions.ts';
import { communityCounts } from './repo.ts';

export type FollowSide = 'followers' | 'following';

function followPage(db: Executor, userId: string, side: FollowSide, after: Keyset | null, take: number) {
  // followers: rows that point at the user, listing who follows; following: the reverse.
  const [mine, other] =
    side === 'followers' ? (['followeeId', 'followerId'] as const) : (['followerId', 'followeeId'] as const);
  let q = db
    .selectFrom('follows')
    .innerJoin('users', 'users.id', `follows.${other}`)
    .select(['users.id', 'users.displayName', 'users.avatarId', 'follows.createdAt'])
    .where(`follows.${mine}`, '=', userId)
    .where('users.status', '=', 'active');
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('follows.createdAt', `follows.${other}`), '<', eb.tuple(after.at, after.id)));
  }
  return q.orderBy('follows.createdAt', 'desc').orderBy(`follows.${other}`, 'desc').limit(take).execute();
}

export async function listFollows(
  deps: Pick<Deps, 'db'>,
  userId: string,
  side: FollowSide,
  viewerId: string | null,
  q: { cursor?: string; limit: number },
) {
  if (!(await findActiveUser(deps.db, userId))) throw notFound('user');
  const rows = await followPage(deps.db, userId, side, decodeKeyset(q.cursor), q.limit + 1);
  const { page, nextCursor } = cutPage(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const followed = await followedUserIds(
    deps.db,
    viewerId,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => ({
      ...presentUserCard(r),
      followedByMe: followed.has(r.id),
      followedAt: r.createdAt.toISOString(),
    })),
    nextCursor,
  };
}

/** The community half of a public profile: exact counts and whether the viewer follows them. */
export async function profileStats(db: Executor, userId: string, viewerId: string | null) {
  const [c, followed] = await Promise.all([communityCounts(db, userId), followedUserIds(db, viewerId, [userId])]);
  return {
    followerCount: c.followerCount ?? 0,
    followingCount: c.followingCount ?? 0,
    noteCount: c.noteCount ?? 0,
    followedByMe: followed.has(userId),
  };
}
