// Cases as JSON, hydrated in batches. Parties are never named: the buyer and the seller see
// "buyer"/"seller" (they know each other from the order), and jurors see exactly the same
// words — no member id, name or avatar ever reaches a juror.
import { CASE_ACTIONS, type CaseAction } from '@jishi/shared';
import type { Executor } from '../../db/index.ts';
import { presentPhoto } from '../media/presenter.ts';
import type { Viewing } from './access.ts';
import { type CaseEventRow, type CaseRow, type JurorRow, findCaseEvents, findCaseMedia } from './repo.ts';
import { type CaseStatus, availableActions } from './state.ts';

type Snapshot = { title?: string; coverUrl?: string | null; category?: string | null };

export async function presentCases(db: Executor, rows: CaseRow[], viewings: Viewing[], viewerId: string) {
  const ids = rows.map((r) => r.id);
  const orderIds = [...new Set(rows.map((r) => r.orderId))];
  const [events, media, orders, jurors] = await Promise.all([
    findCaseEvents(db, ids),
    findCaseMedia(db, ids),
    orderIds.length
      ? db.selectFrom('orders').select(['id', 'itemSnapshot', 'total', 'delivery']).where('id', 'in', orderIds).execute()
      : Promise.resolve([]),
    ids.length ? db.selectFrom('afterSaleJurors').selectAll().where('caseId', 'in', ids).execute() : Promise.resolve([] as JurorRow[]),
  ]);
  const mediaIds = [...new Set(media.map((m) => m.mediaId))];
  const sizes = mediaIds.length ? await db.selectFrom('media').select(['id', 'width', 'height']).where('id', 'in', mediaIds).execute() : [];
  const size = new Map(sizes.map((m) => [m.id, m]));
  const orderById = new Map(orders.map((o) => [o.id, o]));
  return rows.map((c, i) => {
    const viewing = viewings[i] as Viewing;
    const o = orderById.get(c.orderId);
    const snap = (o?.itemSnapshot ?? {}) as Snapshot;
    const mine = jurors.filter((j) => j.caseId === c.id);
    const photos = (side: string) =>
      media.filter((m) => m.caseId === c.id && m.side === side).flatMap((m) => {
        const s = size.get(m.mediaId);
        return s ? [presentPhoto(s)] : [];
      });
    const duty = viewing === 'juror' ? mine.find((j) => j.userId === viewerId) : undefined;
    return {
      id: c.id,
      orderId: c.orderId,
      status: c.status as CaseStatus,
      reason: c.reason as 'not_received',
      description: c.description,
      amount: c.amount,
      returnItem: c.returnItem,
      deadlineAt: deadlineOf(c, mine, duty)?.toISOString() ?? null,
      verdict: (c.verdict as 'refund' | 'release' | null) ?? null,
      decidedBy: (c.decidedBy as 'jury' | null) ?? null,
      decisionReason: c.decidedBy === 'operator' ? c.decisionReason : null,
      viewer: viewing,
      actions: viewerActions(viewing, c.status as CaseStatus, duty?.status === 'pending'),
      order: { title: snap.title ?? '', coverUrl: snap.coverUrl ?? null, total: o?.total ?? 0, delivery: o?.delivery ?? '', category: snap.category ?? null },
      evidence: { buyer: photos('buyer'), seller: photos('seller') },
      sellerResponse: c.sellerResponse,
      returnCarrier: c.returnCarrier,
      returnTrackingNumber: c.returnTrackingNumber,
      refund: c.refundStatus ? { status: c.refundStatus as 'paid', feeReturned: c.feeReturned ?? 0, advanced: viewing === 'juror' ? 0 : (c.advanced ?? 0) } : null,
      jury: mine.length ? jurySummary(mine) : null,
      myVote: duty ? { status: duty.status as 'pending', dueAt: duty.dueAt.toISOString(), verdict: (duty.verdict as 'refund' | null) ?? null, reason: duty.reason } : null,
      createdAt: c.createdAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      events: events.filter((e) => e.caseId === c.id).map(presentEvent),
    };
  });
}

/** What the viewer may do now, in CASE_ACTIONS' order: a party's steps (the machine's), a juror's vote. */
function viewerActions(viewing: Viewing, status: CaseStatus, pendingDuty: boolean): CaseAction[] {
  const allowed: string[] =
    viewing === 'buyer' || viewing === 'seller' ? availableActions(status, viewing) : pendingDuty && status === 'in_jury' ? ['vote'] : [];
  return CASE_ACTIONS.filter((a) => allowed.includes(a));
}

export type CaseJson = Awaited<ReturnType<typeof presentCases>>[number];

export async function presentCase(db: Executor, row: CaseRow, viewing: Viewing, viewerId: string) {
  return (await presentCases(db, [row], [viewing], viewerId))[0] as CaseJson;
}

/** Seats and votes cast; never who voted or how (the vote is blind until the log shows the counts). */
function jurySummary(jurors: JurorRow[]) {
  return { seats: jurors.filter((j) => j.status === 'pending' || j.status === 'voted').length, voted: jurors.filter((j) => j.status === 'voted').length };
}

function deadlineOf(c: CaseRow, jurors: JurorRow[], duty: JurorRow | undefined): Date | null {
  if (c.status !== 'in_jury') return c.deadlineAt;
  if (duty) return duty.dueAt;
  const pending = jurors.filter((j) => j.status === 'pending').map((j) => j.dueAt.getTime());
  return pending.length ? new Date(Math.max(...pending)) : null;
}

function presentEvent(e: CaseEventRow) {
  const d = (e.data ?? {}) as Record<string, unknown>;
  return {
    type: e.type,
    at: e.createdAt.toISOString(),
    by: e.actor as 'buyer',
    ...(d.verdict === 'refund' || d.verdict === 'release' ? { verdict: d.verdict as 'refund' | 'release' } : {}),
    ...(typeof d.carrier === 'string' ? { carrier: d.carrier } : {}),
    ...(typeof d.trackingNumber === 'string' ? { trackingNumber: d.trackingNumber } : {}),
    ...(typeof d.amount === 'number' ? { amount: d.amount } : {}),
  };
}
