// Smart hosting (SPEC C9): answers routine buyer questions about a hosted item within a few
// seconds, from the seller's side, marked automatic. The buyer's message queued a task in its
// own transaction (hosting-repo.ts queueHosting); dispatchers on every process claim tasks
// with a lease, ask the assistant outside any transaction, check its answer (hosting-guard.ts),
// then write the reply, the decision and any notification in one transaction and push after
// commit. Never in a conversation the scam shield flagged; never after the seller has replied;
// anything unsure goes to the seller with a hosting_handover notification.
import { withTx } from '../../db/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../lib/http.ts';
import { presentMessages } from '../chat/presenter.ts';
import { insertMessage } from '../chat/index.ts';
import { notificationOutbox } from '../notifications/service.ts';
import { presentOffer } from '../offers/presenter.ts';
import { decideOffer } from '../offers/service.ts';
import { checkAnswer } from './hosting-guard.ts';
import { claimTasks, closeTask, type HostingTask, handoverPending, lockOpenTask, type TaskContext, taskContext } from './hosting-repo.ts';
import type { RoutineIntent } from './intents.ts';
import { type HostedItem, type HostingAnswer, assistProvider } from './provider.ts';
import './builtin.ts';

/** A question older than this is the seller's: an automatic answer an hour late reads oddly. */
export const STALE_MS = 10 * 60_000;
const LEASE_MS = 30_000;
const MAX_ATTEMPTS = 5;

type Outcome = 'answered' | 'accepted' | 'handover' | 'flagged' | 'skipped';
type Decision = { outcome: Outcome; intents: RoutineIntent[]; reason: string | null; reply: string | null; notify: boolean };

const itemOf = (c: TaskContext): HostedItem => ({
  title: c.title, description: c.description, price: c.price, floorPrice: c.floorPrice, status: c.status as HostedItem['status'],
  available: c.available, delivery: c.delivery, shippingFee: c.shippingFee, condition: c.condition, locationLabel: c.locationLabel,
});

/** What to do, before anything is written: the rules that hold whatever the assistant says come first. */
async function decide(deps: Deps, c: TaskContext): Promise<Decision> {
  const skip = (reason: string, notify = false): Decision => ({ outcome: notify ? 'handover' : 'skipped', intents: [], reason, reply: null, notify });
  if (!c.hosting) return skip('hosting_off');
  if (c.flagged) return { outcome: 'flagged', intents: [], reason: 'flagged_conversation', reply: null, notify: true };
  if (c.sellerReplied) return skip('seller_replied');
  if (deps.clock.now().getTime() - c.sentAt.getTime() > STALE_MS) return skip('stale', true);
  const offerRow = c.offerId ? await deps.db.selectFrom('offers').selectAll().where('id', '=', c.offerId).executeTakeFirst() : undefined;
  const offer = offerRow ? { price: offerRow.price, status: offerRow.status, declinedByFloor: offerRow.decidedBy === 'floor' } : null;
  const item = itemOf(c);
  const answer: HostingAnswer = await assistProvider(deps).answer({ text: c.text, item, offer });
  const verdict = checkAnswer(answer, item, offer, c.text);
  if (!verdict.ok) return { outcome: 'handover', intents: answer.intents, reason: verdict.reason, reply: null, notify: true };
  if (answer.kind === 'none') return { outcome: 'skipped', intents: answer.intents, reason: answer.reason, reply: null, notify: false };
  if (answer.kind === 'handover') return { outcome: 'handover', intents: answer.intents, reason: answer.reason, reply: null, notify: true };
  if (answer.acceptOffer && offerRow) {
    try {
      const o = await decideOffer(deps, c.sellerId, offerRow.id, 'accept');
      for (const viewer of [o.buyerId, o.sellerId]) {
        await deps.hub.publish(deps.db, [viewer], { type: 'offer', offer: presentOffer(o, viewer, deps.clock.now()) }).catch(() => undefined);
      }
    } catch (err) {
      // Withdrawn, expired or answered by the seller meanwhile: nothing to say any more.
      if (err instanceof AppError && err.status < 500) return skip(`offer_${err.code}`);
      throw err;
    }
    return { outcome: 'accepted', intents: answer.intents, reason: null, reply: answer.text, notify: false };
  }
  return { outcome: 'answered', intents: answer.intents, reason: null, reply: answer.text, notify: false };
}

async function handle(deps: Deps, t: HostingTask): Promise<void> {
  const c = await taskContext(deps.db, t);
  const d: Decision = c ? await decide(deps, c) : { outcome: 'skipped', intents: [], reason: 'gone', reply: null, notify: false };
  const outbox = notificationOutbox(deps);
  const reply = await withTx(deps.db, async (tx) => {
    if (!(await lockOpenTask(tx, t.messageId))) return null;
    const m = c && d.reply
      ? await insertMessage(tx, { conversationId: t.conversationId, senderId: c.sellerId, kind: 'text', text: d.reply, autoReply: true })
      : null;
    if (c && d.notify && !(await handoverPending(tx, c.sellerId, t.conversationId))) {
      await outbox.notify(tx, {
        recipientId: c.sellerId, type: 'hosting_handover', actorId: c.senderId, itemId: t.itemId,
        data: { conversationId: t.conversationId, reason: d.reason },
      });
    }
    await closeTask(tx, t.messageId, { outcome: d.outcome, intents: d.intents, reason: d.reason, replyMessageId: m?.id ?? null, at: deps.clock.now() });
    return m;
  });
  await outbox.flush();
  if (reply && c?.senderId) await publishReply(deps, reply, [c.sellerId, c.senderId]);
}

async function publishReply(deps: Deps, row: Parameters<typeof presentMessages>[1][number], users: string[]) {
  const now = deps.clock.now();
  const deliveries = await Promise.all(
    users.map(async (u) => ({ users: [u], envelope: { type: 'message', conversationId: row.conversationId, message: (await presentMessages(deps.db, [row], u, now))[0] } })),
  );
  await deps.hub.publishMany(deps.db, deliveries).catch((err) => deps.log.warn({ err }, 'hosting reply push failed; it is stored'));
}

/** Answers what is waiting. Returns the number of tasks handled. */
export async function dispatchHosting(deps: Deps, limit = 20): Promise<number> {
  const tasks = await claimTasks(deps.db, deps.clock.now(), LEASE_MS, limit);
  for (const t of tasks) {
    try {
      await handle(deps, t);
    } catch (err) {
      deps.log.warn({ err, messageId: t.messageId, attempts: t.attempts }, 'hosting task failed; it will be retried');
      if (t.attempts >= MAX_ATTEMPTS) {
        await closeTask(deps.db, t.messageId, { outcome: 'skipped', intents: [], reason: 'failed', replyMessageId: null, at: deps.clock.now() });
      }
    }
  }
  return tasks.length;
}

/** Polls the outbox every second: a question is answered "within a few seconds". */
export function startHostingDispatcher(deps: Deps) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      while ((await dispatchHosting(deps)) > 0) {}
    } catch (err) {
      deps.log.warn({ err }, 'hosting dispatch failed; will retry');
    } finally {
      running = false;
    }
  }, 1000);
  return () => clearInterval(timer);
}
