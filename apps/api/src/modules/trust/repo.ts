// Trust's reads and writes for blocks and reports (credit: credit-repo.ts).
import type { Executor } from '../../db/index.ts';

/** A member's id and status, or undefined when there is no such member. */
export const findMember = (db: Executor, id: string) =>
  db.selectFrom('users').select(['id', 'status']).where('id', '=', id).executeTakeFirst();

export const addBlock = (db: Executor, blockerId: string, blockedId: string) =>
  db.insertInto('blocks').values({ blockerId, blockedId }).onConflict((oc) => oc.doNothing()).execute();

export const removeBlock = (db: Executor, blockerId: string, blockedId: string) =>
  db.deleteFrom('blocks').where('blockerId', '=', blockerId).where('blockedId', '=', blockedId).execute();

/** Whom the member blocked, most recent first (at most 500). */
export const listBlocks = (db: Executor, blockerId: string) =>
  db
    .selectFrom('blocks').innerJoin('users', 'users.id', 'blocks.blockedId')
    .select(['users.id', 'users.displayName', 'blocks.createdAt']).where('blocks.blockerId', '=', blockerId)
    .orderBy('blocks.createdAt', 'desc').limit(500).execute();

/** Throws a unique violation when the reporter already reported this target. */
export const insertReport = (
  db: Executor,
  r: { reporterId: string; targetType: string; targetId: string; reason: string; detail: string },
) => db.insertInto('reports').values(r).returning(['id', 'status']).executeTakeFirstOrThrow();
