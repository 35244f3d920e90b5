// One ID number, one account, for rows the unique index cannot see yet: a verified member whose
// number has no keyed hash (written by hand, by an import, or by a build that did not keep one).
// Migration 0007 cannot compute an HMAC — the key lives in DATA_DIR or the environment, not in
// the database — so the server fills these at start-up, before it serves, from the encrypted
// number. Lazily at the next verification would be too late: the number's holder is already
// verified, and a second account could claim the same number first.
import { isUniqueViolation, withTx } from '../../db/index.ts';
import type { Deps } from '../../lib/http.ts';
import { ID_NUMBER_UNIQUE } from './service.ts';

export async function backfillIdNumberHashes(
  deps: Pick<Deps, 'db' | 'secrets'>,
): Promise<{ filled: number; withdrawn: number; unreadable: number }> {
  const rows = await deps.db
    .selectFrom('users').select(['id', 'idNumberEnc'])
    .where('idNumberEnc', 'is not', null).where('idNumberHash', 'is', null)
    .orderBy('verifiedAt').orderBy('id')
    .execute();
  let filled = 0;
  let withdrawn = 0;
  let unreadable = 0;
  for (const row of rows) {
    let hash: string;
    try {
      hash = deps.secrets.hash(deps.secrets.decrypt(row.idNumberEnc as string).trim().toUpperCase());
    } catch {
      unreadable += 1; // sealed under another key, or not sealed at all: one bad row stops no other
      continue;
    }
    try {
      await deps.db.updateTable('users').set({ idNumberHash: hash }).where('id', '=', row.id).where('idNumberHash', 'is', null).execute();
      filled += 1;
    } catch (err) {
      if (!isUniqueViolation(err, ID_NUMBER_UNIQUE)) throw err;
      // Another account holds this number: the same treatment as duplicates in migration 0007.
      await withdrawVerification(deps, row.id);
      withdrawn += 1;
    }
  }
  return { filled, withdrawn, unreadable };
}

async function withdrawVerification(deps: Pick<Deps, 'db'>, userId: string) {
  await withTx(deps.db, async (tx) => {
    await tx
      .updateTable('users')
      .set({ verifiedAt: null, realNameEnc: null, idNumberEnc: null, idNumberHash: null, idNumberMasked: null })
      .where('id', '=', userId).execute();
    await tx
      .insertInto('reports')
      .values({ reporterId: null, targetType: 'user', targetId: userId, reason: 'other', detail: 'id_number_in_use: verified with an ID number another account verified first; verification withdrawn' })
      .execute();
  });
}
