// Group commit for plain texts (issue 17). A send that arrives while a batch is in flight, or in
// the same event-loop turn as others, waits and goes with them in ONE statement
// (repo.ts sendTextsIfOpen): one round trip, one plan, one commit for many messages instead of
// one each. Every send keeps its own outcome — its own gate (a block, the cold-message rule, a
// moderator's limit, smart hosting: the caller answers those exactly as for a send alone), its
// own message, its own error.
//
// Rules that keep it exact:
// - At most one send per conversation in a batch: a second one waits for the next batch, so
//   order within a conversation is arrival order, and each gate (the cold-message count, "has
//   the peer replied") reads what the sends before it stored.
// - Batches of one database run one after another (the next is what arrived meanwhile).
// - A batch statement that fails stored nothing (one statement is atomic): each of its sends is
//   then tried alone (sendTextIfOpen), so none is lost or stored twice, and an error reaches only
//   the send it belongs to.
import type { Executor } from '../../db/index.ts';
import { type GateArgs, type SentText, sendTextIfOpen, sendTextsIfOpen } from './repo.ts';

/** A batch's most rows (the rest wait for the next one): bounds one statement's arrays and locks. */
const MAX_BATCH = 256;

type Job = { a: GateArgs; text: string; riskScore: number; resolve(r: SentText | undefined): void; reject(err: unknown): void };
type Queue = { pending: Job[]; running: boolean };
const queues = new WeakMap<Executor, Queue>();

/** Counters, for the bench and the tests: statements run, sends they carried, batches that fell back to one at a time. */
export const groupSendStats = { batches: 0, grouped: 0, alone: 0, fallbacks: 0 };

/** Sends waiting for the next batch on this database (not counting the one in flight). */
export const waitingSends = (db: Executor) => queues.get(db)?.pending.length ?? 0;

/** Like sendTextIfOpen, sharing its statement with the sends around it. */
export function sendTextGrouped(db: Executor, a: GateArgs, t: { text: string; riskScore: number }): Promise<SentText | undefined> {
  let q = queues.get(db);
  if (!q) {
    q = { pending: [], running: false };
    queues.set(db, q);
  }
  const queue = q;
  return new Promise((resolve, reject) => {
    queue.pending.push({ a, text: t.text, riskScore: t.riskScore, resolve, reject });
    if (!queue.running) {
      queue.running = true;
      // The next turn: what else arrives in this one goes along.
      setImmediate(() => void run(db, queue));
    }
  });
}

async function run(db: Executor, q: Queue) {
  try {
    await drain(db, q);
  } finally {
    // Never left marked running with sends waiting (alone/together settle every job they take).
    q.running = false;
    if (q.pending.length) {
      q.running = true;
      setImmediate(() => void run(db, q));
    }
  }
}

async function drain(db: Executor, q: Queue) {
  while (q.pending.length) {
    const batch: Job[] = [];
    const later: Job[] = [];
    const taken = new Set<string>();
    for (const job of q.pending) {
      if (batch.length < MAX_BATCH && !taken.has(job.a.conversationId)) {
        taken.add(job.a.conversationId);
        batch.push(job);
      } else later.push(job);
    }
    q.pending = later;
    await (batch.length === 1 ? alone(db, batch[0] as Job) : together(db, batch));
  }
}

async function alone(db: Executor, job: Job) {
  groupSendStats.alone++;
  try {
    job.resolve(await sendTextIfOpen(db, job.a, job));
  } catch (err) {
    job.reject(err);
  }
}

async function together(db: Executor, batch: Job[]) {
  // One clock reading and one cold-message setting for the batch (both are the same for every send of a turn).
  const first = batch[0] as Job;
  let results: (SentText | undefined)[];
  try {
    results = await sendTextsIfOpen(db, batch.map((j) => ({ me: j.a.me, conversationId: j.a.conversationId, text: j.text, riskScore: j.riskScore })), first.a.now, first.a.cold);
  } catch {
    // Nothing of the batch was stored: each send alone, its error (if any) its own.
    groupSendStats.fallbacks++;
    await Promise.all(batch.map((job) => alone(db, job)));
    return;
  }
  groupSendStats.batches++;
  groupSendStats.grouped += batch.length;
  for (const [i, job] of batch.entries()) job.resolve(results[i]);
}
