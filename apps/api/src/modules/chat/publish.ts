// A new message, pushed to both members after its transaction committed. Cards read
// differently for each side (an offer's role, the seller's floor note): presented per viewer.
import type { Deps } from '../../lib/http.ts';
import { type MessageRow, presentMessages } from './presenter.ts';

export async function publishMessage(deps: Pick<Deps, 'db' | 'hub' | 'clock'>, row: MessageRow, users: [string, string]) {
  const now = deps.clock.now();
  const presented = await Promise.all(users.map(async (u) => (await presentMessages(deps.db, [row], u, now))[0]));
  if (deps.hub) {
    const envelope = (i: number) => ({ type: 'message', conversationId: row.conversationId, message: presented[i] });
    // A plain message reads the same for both sides: one envelope for the two, serialized once.
    const same = JSON.stringify(presented[0]) === JSON.stringify(presented[1]);
    await deps.hub.publishMany(deps.db, same ? [{ users, envelope: envelope(0) }] : users.map((u, i) => ({ users: [u], envelope: envelope(i) })));
  }
  return presented;
}
