// The saved-search alert job (issue 12): every minute, each saved search whose last alert is an
// hour old and that met items since gets one notification summarising them (`saved_search`
// {query, savedSearchId, count}, about the newest item). Items withdrawn, sold out or hidden in
// the meantime are dropped and never told; a saved search left with none is not alerted and
// keeps its slot. Each saved search is taken under its row lock with SKIP LOCKED, so two
// processes running the job never tell it twice.
import type { Deps } from '../../lib/http.ts';
import type { Sweep } from '../../lib/jobs.ts';
import { withNotifications } from '../notifications/service.ts';
import { dueSavedSearches, markAlerted, takeDueHits } from './saved-repo.ts';

const BATCH = 500;

type JobDeps = Pick<Deps, 'db' | 'clock'> & Partial<Pick<Deps, 'hub' | 'log'>>;

/** Sends the due alerts; returns how many notifications were written. */
export async function sendSavedSearchAlerts(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  for (const id of await dueSavedSearches(deps.db, now, BATCH)) {
    sent += await withNotifications(deps, async (tx, notify) => {
      const taken = await takeDueHits(tx, id, now);
      if (!taken) return 0; // another run has it, or it was alerted meanwhile
      const live = taken.live.filter((h) => h.sellerId !== taken.saved.userId);
      const newest = live[0];
      if (!newest) return 0;
      await notify({
        recipientId: taken.saved.userId,
        type: 'saved_search',
        actorId: newest.sellerId,
        itemId: newest.itemId,
        data: { query: taken.saved.label, savedSearchId: id, count: live.length },
        at: now,
      });
      await markAlerted(tx, id, now);
      return 1;
    });
  }
  return sent;
}

export const savedSearchSweeps: Sweep[] = [{ name: 'saved-search-alerts', cron: '* * * * *', run: (deps) => sendSavedSearchAlerts(deps) }];
