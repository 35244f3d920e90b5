// GET /me/export (SPEC C11, PIPL/GDPR access and portability): everything stored about the
// member as one JSON document, written to the response as it is read — one page of one
// section in memory at a time — from one snapshot of the database, so the parts agree.
// Never in it: the password hash, session token hashes, the encrypted or hashed ID number
// (the masked number and the masked name are, as the member sees them in the app).
import type { Tx } from '../../db/index.ts';
import { notFound } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { maskName } from '../accounts/id-number.ts';
import { memberAccount } from '../ledger/accounts.ts';
import { mediaUrl } from '../media/presenter.ts';
import { PAGE, SECTIONS, type Section } from './export-sections.ts';

export const EXPORT_FORMAT = 'jishi-export/1';

type Write = (chunk: string) => Promise<unknown>;

export async function writeExport(deps: Pick<Deps, 'db' | 'clock' | 'secrets'>, userId: string, write: Write) {
  const now = deps.clock.now();
  await deps.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
    const profile = await readProfile(tx, deps, userId);
    await write(`{"format":${j(EXPORT_FORMAT)},"exportedAt":${j(now)},"memberId":${j(userId)},"profile":${j(profile)}`);
    await write(`,"wallet":${j(await readWallet(tx, userId))},"credit":${j(await readCredit(tx, userId))}`);
    for (const section of [...SECTIONS, ...caseSections]) await writeSection(tx, section, userId, now, write);
    await write('}\n');
  });
}

const j = (v: unknown) => JSON.stringify(v);

async function writeSection(tx: Tx, s: Section, userId: string, now: Date, write: Write) {
  await write(`,${j(s.name)}:[`);
  let after: string | null = null;
  let first = true;
  do {
    const got = await s.page(tx, userId, after, now);
    if (got.rows.length) {
      await write(`${first ? '' : ','}${got.rows.map(j).join(',')}`);
      first = false;
    }
    after = got.next;
  } while (after !== null);
  await write(']');
}

async function readProfile(tx: Tx, deps: Pick<Deps, 'secrets'>, userId: string) {
  const u = await tx.selectFrom('users')
    .select(['id', 'username', 'displayName', 'bio', 'city', 'interestTags', 'avatarId', 'role', 'status', 'createdAt', 'verifiedAt', 'realNameEnc', 'idNumberMasked'])
    .where('id', '=', userId).executeTakeFirst();
  if (!u) throw notFound('user');
  const sessions = await tx.selectFrom('sessions').select(['createdAt', 'expiresAt', 'revokedAt', 'userAgent'])
    .where('userId', '=', userId).orderBy('createdAt').limit(PAGE).execute();
  const { realNameEnc, idNumberMasked, avatarId, ...rest } = u;
  return {
    ...rest,
    avatarUrl: avatarId ? mediaUrl(avatarId, 'avatar') : null,
    verification: u.verifiedAt && realNameEnc && idNumberMasked
      ? { realName: maskName(deps.secrets.decrypt(realNameEnc)), idNumber: idNumberMasked, verifiedAt: u.verifiedAt }
      : null,
    // Where the member is signed in; the tokens themselves are stored only as hashes and not given out.
    sessions,
  };
}

async function readWallet(tx: Tx, userId: string) {
  const a = await tx.selectFrom('ledgerAccounts').select(['id', 'balance', 'createdAt']).where('id', '=', memberAccount(userId)).executeTakeFirst();
  return { account: memberAccount(userId), balance: a?.balance ?? 0, openedAt: a?.createdAt ?? null };
}

async function readCredit(tx: Tx, userId: string) {
  const score = await tx.selectFrom('creditScores').select(['score', 'factors', 'ratingAverage', 'ratingCount', 'computedAt'])
    .where('userId', '=', userId).executeTakeFirst();
  const history = await tx.selectFrom('creditHistory').select(['score', 'at']).where('userId', '=', userId).orderBy('at').limit(10_000).execute();
  return { ...(score ?? { score: null }), history };
}

const caseSections: Section[] = [
  {
    // After-sale cases the member is a party to, with their timeline and evidence photos.
    name: 'afterSales',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('afterSales')
        .select(['id', 'orderId', 'buyerId', 'sellerId', 'reason', 'description', 'amount', 'returnItem', 'status', 'sellerResponse', 'verdict', 'decidedBy', 'decisionReason', 'returnCarrier', 'returnTrackingNumber', 'refundStatus', 'createdAt', 'updatedAt', 'closedAt'])
        .where((eb) => eb.or([eb('buyerId', '=', u), eb('sellerId', '=', u)]))
        .$if(after !== null, (q) => q.where('id', '>', after as string)).orderBy('id').limit(PAGE).execute();
      const ids = rows.map((r) => r.id);
      const [events, media] = ids.length
        ? await Promise.all([
            tx.selectFrom('afterSaleEvents').select(['caseId', 'type', 'actor', 'data', 'createdAt']).where('caseId', 'in', ids).orderBy('id').execute(),
            tx.selectFrom('afterSaleMedia').select(['caseId', 'mediaId', 'side']).where('caseId', 'in', ids).orderBy('position').execute(),
          ])
        : [[], []];
      const last = rows.at(-1);
      return {
        rows: rows.map((c) => ({
          ...c,
          role: c.buyerId === u ? 'buyer' : 'seller',
          events: events.filter((e) => e.caseId === c.id).map(({ caseId: _, ...e }) => e),
          evidence: media.filter((m) => m.caseId === c.id).map((m) => ({ side: m.side, url: mediaUrl(m.mediaId, 'detail') })),
        })),
        next: rows.length === PAGE && last ? last.id : null,
      };
    },
  },
  {
    // Seats the member held on juries: their own vote, never the other jurors'.
    name: 'jurySeats',
    async page(tx, u, after) {
      const rows = await tx.selectFrom('afterSaleJurors').select(['caseId', 'status', 'verdict', 'reason', 'drawnAt', 'dueAt', 'votedAt', 'agreed'])
        .where('userId', '=', u).$if(after !== null, (q) => q.where('caseId', '>', after as string)).orderBy('caseId').limit(PAGE).execute();
      const last = rows.at(-1);
      return { rows, next: rows.length === PAGE && last ? last.caseId : null };
    },
  },
];
