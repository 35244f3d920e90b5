// A new message, pushed to both members after its transaction committed. Cards read
// differently for each side (an offer's role, the seller's floor note, an order's role):
// presented per viewer. Everything else reads the same for both: presented and serialized once.
import type { Deps } from '../../lib/http.ts';
import { type MessageRow, citesNothing, presentMessages, presentPlain } from './presenter.ts';

/** presentMessages reads the viewer only for an offer or an order card. */
const readsTheSameForBoth = (row: MessageRow) => !row.offerId && !row.orderId;

export async function publishMessage(deps: Pick<Deps, 'db' | 'hub' | 'clock'>, row: MessageRow, users: [string, string]) {
  const now = deps.clock.now();
  if (readsTheSameForBoth(row)) {
    // A plain text needs no read to present (most messages): at once, the same object.
    const one = citesNothing(row) ? presentPlain(row) : (await presentMessages(deps.db, [row], users[0], now))[0];
    if (deps.hub) await deps.hub.publish(deps.db, users, { type: 'message', conversationId: row.conversationId, message: one });
    return [one, one];
  }
  const presented = await Promise.all(users.map(async (u) => (await presentMessages(deps.db, [row], u, now))[0]));
  if (deps.hub) {
    await deps.hub.publishMany(deps.db, users.map((u, i) => ({ users: [u], envelope: { type: 'message', conversationId: row.conversationId, message: presented[i] } })));
  }
  return presented;
}
