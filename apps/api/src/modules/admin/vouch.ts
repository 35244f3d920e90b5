// Vouched sellers (issue 15 item 10): with the default 180-day rule nobody on a fresh install
// could sell for six months. An operator (moderator or admin — the people who know the group's
// members) may vouch for a member: the vouch stands in for the account age of the quick-sell
// rule (real-name verification stays required, SPEC C3), until it is withdrawn. The rule itself
// stays; the operator decides the exceptions. Each vouch and unvouch is one audit entry.
import { withTx } from '../../db/index.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import type { AuthUser, Deps } from '../../lib/http.ts';
import { quickSellEligibility } from '../accounts/presenter.ts';
import { writeAudit } from './audit.ts';

export async function setVouched(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: AuthUser, userId: string, vouch: boolean, reason: string) {
  const now = deps.clock.now();
  return withTx(deps.db, async (tx) => {
    const u = await tx
      .selectFrom('users').select(['id', 'username', 'status', 'createdAt', 'verifiedAt', 'vouchedAt', 'vouchedBy'])
      .where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!u) throw notFound('member');
    if (u.id === actor.id) throw forbidden('forbidden', 'You cannot vouch for yourself.');
    if (u.status === 'deleted') throw conflict('account_deleted', 'This account was deleted.');
    if (vouch && u.vouchedAt) throw conflict('invalid_state', 'The member is vouched for already.');
    if (!vouch && !u.vouchedAt) throw conflict('invalid_state', 'The member is not vouched for.');
    const vouchedAt = vouch ? now : null;
    const vouchedBy = vouch ? actor.id : null;
    await tx.updateTable('users').set({ vouchedAt, vouchedBy }).where('id', '=', u.id).execute();
    await writeAudit(tx, {
      actor, action: vouch ? 'member.vouch' : 'member.unvouch', targetType: 'user', targetId: u.id, reason,
      before: { subjectId: u.id, vouchedAt: u.vouchedAt?.toISOString() ?? null, vouchedBy: u.vouchedBy },
      after: { subjectId: u.id, vouchedAt: vouchedAt?.toISOString() ?? null, vouchedBy },
    }, now);
    return {
      id: u.id,
      username: u.username,
      vouched: vouch,
      vouchedAt: vouchedAt?.toISOString() ?? null,
      quickSell: quickSellEligibility({ ...u, vouchedAt }, deps.config, deps.clock),
    };
  });
}
