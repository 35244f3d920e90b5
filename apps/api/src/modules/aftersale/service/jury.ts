// Escalation to the jury, the jurors' votes, their replacement when they miss the vote, and
// the decision (by the jury's majority, or by an operator through decideCase).
import { sql } from 'kysely';
import { conflict, forbidden } from '../../../lib/errors.ts';
import type { Deps } from '../../../lib/http.ts';
import type { Guard } from '../../../lib/idempotency.ts';
import { drawJurors, eligibleJurors } from '../jury.ts';
import { type CaseRow, findJurors, lockJurors, seatJurors } from '../repo.ts';
import { tally, type Verdict } from '../state.ts';
import { assertInTime, type CaseCtx, check, moveCase, partyOf, withCase } from './context.ts';
import { dismissJurors, tell } from './respond.ts';

type Caller = { id: string; role: string };

/** Draws `n` jurors for the case and tells each of them; false when not enough members are eligible. */
async function seat(ctx: CaseCtx, n: number): Promise<boolean> {
  const { deps, c, now } = ctx;
  const pool = await eligibleJurors(ctx.tx, c.id, [c.buyerId, c.sellerId], deps.config.juryMinCredit, now);
  if (pool.length < n) return false;
  const dueAt = new Date(now.getTime() + deps.config.juryVoteHours * 3_600_000);
  const drawn = drawJurors(pool, n);
  await seatJurors(ctx.tx, c.id, drawn, now, dueAt);
  // No actor: a juror must not learn who the parties are from the notification either.
  for (const userId of drawn) {
    await ctx.notify({ recipientId: userId, type: 'jury_duty', actorId: null, caseId: c.id, data: { deadlineAt: dueAt.toISOString() } });
  }
  return true;
}

export const escalateCase = (deps: Deps, user: Caller, caseId: string) =>
  withCase(deps, caseId, null, async (ctx) => {
    check(ctx.c, 'escalate', await partyOf(ctx, user));
    assertInTime(ctx); // within 3 days of the rejection
    const formed = await seat(ctx, deps.config.jurySize);
    const to = check(ctx.c, 'escalate', 'buyer', { returnItem: ctx.c.returnItem, juryFormed: formed });
    const row = await moveCase(ctx, to, { type: 'escalated', actor: 'buyer', data: { to } });
    await tell(ctx, ['seller'], 'aftersale_escalated', { status: to }, 'buyer');
    return row;
  });

/** The decision: money moves per the verdict; each juror's agreement with it is recorded. */
async function applyVerdict(ctx: CaseCtx, verdict: Verdict, by: 'jury' | 'operator', reason: string | null, operatorId?: string) {
  const to = check(ctx.c, 'decide', by, { returnItem: ctx.c.returnItem, verdict });
  const row = await moveCase(ctx, to, { type: 'decided', actor: by, data: { verdict, ...(operatorId ? { operatorId } : {}) } }, {
    verdict, decidedBy: by, decisionReason: reason, decidedAt: ctx.now,
  });
  await dismissJurors(ctx);
  await ctx.tx
    .updateTable('afterSaleJurors')
    .set({ agreed: sql<boolean>`verdict = ${verdict}` })
    .where('caseId', '=', ctx.c.id)
    .where('status', '=', 'voted')
    .execute();
  await tell(ctx, ['buyer', 'seller'], 'aftersale_decided', { verdict }, null);
  return row;
}

/**
 * Operators decide a case sent to them, or override the jury (admin endpoint; see API.md "Operator").
 * `within` runs in the decision's transaction (the console writes its audit entry there).
 */
export const decideCase = (
  deps: Deps, caseId: string, verdict: Verdict, reason: string, by: string,
  within?: (tx: CaseCtx['tx'], before: CaseRow, after: CaseRow) => Promise<void>,
) =>
  withCase(deps, caseId, null, async (ctx) => {
    const before = ctx.c; // moveCase replaces ctx.c with the decided row
    const row = await applyVerdict(ctx, verdict, 'operator', reason, by);
    await within?.(ctx.tx, before, row);
    return row;
  });

async function refer(ctx: CaseCtx, why: 'tie' | 'no_replacement') {
  const to = check(ctx.c, 'refer', 'system');
  const row = await moveCase(ctx, to, { type: 'referred', actor: 'system', data: { why } });
  await dismissJurors(ctx);
  return row;
}

export const castVote = (deps: Deps, user: Caller, caseId: string, body: { verdict: Verdict; reason: string }, guard?: Guard<CaseRow>) =>
  withCase(deps, caseId, guard ?? null, async (ctx) => {
    const jurors = await lockJurors(ctx.tx, ctx.c.id);
    const me = jurors.find((j) => j.userId === user.id);
    // A juror replaced for missing the deadline sits no more.
    if (!me || me.status === 'missed') throw forbidden('not_a_juror', 'You are not on the jury of this case.');
    if (me.status === 'voted') throw conflict('already_voted', 'You have voted on this case.');
    if (ctx.c.status !== 'in_jury' || me.status !== 'pending') throw conflict('invalid_state', `The case is ${ctx.c.status}; the jury no longer sits.`, { caseStatus: ctx.c.status });
    if (me.dueAt <= ctx.now) throw conflict('window_passed', 'Your 48 hours to vote have run out.');
    await ctx.tx
      .updateTable('afterSaleJurors')
      .set({ status: 'voted', verdict: body.verdict, reason: body.reason, votedAt: ctx.now })
      .where('caseId', '=', ctx.c.id).where('userId', '=', user.id)
      .execute();
    const seats = jurors.filter((j) => j.status === 'pending' || j.status === 'voted').length;
    const votes = [...jurors.filter((j) => j.status === 'voted').map((j) => j.verdict as Verdict), body.verdict];
    const outcome = tally(votes, seats);
    if (outcome === 'tie') return refer(ctx, 'tie');
    // The jury's reasons are its votes (counted in the public log); each juror's own words stay private.
    if (outcome) return applyVerdict(ctx, outcome, 'jury', null);
    return ctx.c;
  });

/** Jurors whose 48 h ran out without a vote are replaced, one new member per missed seat. */
export async function replaceMissedJurors(deps: Deps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('afterSaleJurors').select('caseId').distinct()
    .where('status', '=', 'pending').where('dueAt', '<=', now).limit(limit).execute();
  let n = 0;
  for (const { caseId } of due) {
    try {
      await withCase(deps, caseId, null, async (ctx) => {
        if (ctx.c.status !== 'in_jury') return ctx.c;
        const missed = (await lockJurors(ctx.tx, caseId)).filter((j) => j.status === 'pending' && j.dueAt <= ctx.now);
        if (!missed.length) return ctx.c; // voted or replaced meanwhile
        await ctx.tx.updateTable('afterSaleJurors').set({ status: 'missed' })
          .where('caseId', '=', caseId).where('userId', 'in', missed.map((j) => j.userId)).execute();
        n += missed.length;
        if (!(await seat(ctx, missed.length))) return refer(ctx, 'no_replacement');
        await moveCase(ctx, 'in_jury', { type: 'jurors_replaced', actor: 'system', data: { count: missed.length } });
        return ctx.c;
      });
    } catch (err) {
      deps.log.warn({ err, caseId }, 'juror replacement failed; retried on the next run');
    }
  }
  return n;
}

/** Jury state as a party sees it: how many seats, how many have voted — never who or how. */
export async function juryProgress(db: Deps['db'], caseId: string) {
  const jurors = await findJurors(db, caseId);
  const seated = jurors.filter((j) => j.status === 'pending' || j.status === 'voted');
  return { seats: seated.length, voted: jurors.filter((j) => j.status === 'voted').length };
}
