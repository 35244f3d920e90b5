// Who may see a case: its buyer and seller, the jurors drawn for it, and operators. One place
// for the rule, used by the case read, the party check and the evidence photos' media grant.
import type { Executor } from '../../db/index.ts';
import { grantMediaAccess } from '../media/access.ts';
import type { CaseRow } from './repo.ts';

/** Operators: moderators and admins (API.md "Operator"). */
export function isOperator(user: { role: string }): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

export type Viewing = 'buyer' | 'seller' | 'juror' | 'operator';

/** How `user` sees case `c`, or null when they may not. A juror replaced for missing the vote still sees it. */
export async function viewingOf(db: Executor, c: Pick<CaseRow, 'id' | 'buyerId' | 'sellerId'>, user: { id: string; role: string }): Promise<Viewing | null> {
  if (c.buyerId === user.id) return 'buyer';
  if (c.sellerId === user.id) return 'seller';
  const juror = await db.selectFrom('afterSaleJurors').select('userId').where('caseId', '=', c.id).where('userId', '=', user.id).executeTakeFirst();
  if (juror) return 'juror';
  if (isOperator(user)) return 'operator';
  return null;
}

export const canView = async (db: Executor, c: Pick<CaseRow, 'id' | 'buyerId' | 'sellerId'>, user: { id: string; role: string }) =>
  (await viewingOf(db, c, user)) !== null;

// Evidence photos are private uploads (media/access.ts): the case's viewers may see them.
grantMediaAccess('aftersale', async (db, mediaId, viewer) => {
  const cases = await db
    .selectFrom('afterSaleMedia').innerJoin('afterSales', 'afterSales.id', 'afterSaleMedia.caseId')
    .select(['afterSales.id', 'afterSales.buyerId', 'afterSales.sellerId'])
    .where('afterSaleMedia.mediaId', '=', mediaId)
    .execute();
  for (const c of cases) if (await canView(db, c, viewer)) return true;
  return false;
});
