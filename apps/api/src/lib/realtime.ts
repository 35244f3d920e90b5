// Real-time delivery across processes. A process that has something to push NOTIFYs one
// PostgreSQL channel; every process LISTENs on a dedicated connection and hands each envelope
// to the sockets of the named members it holds. One path for one process or twenty.
import pg from 'pg';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export const CHANNEL = 'jishi_realtime';
const MAX_PAYLOAD = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more

/** Envelopes (JSON texts) packed in order into JSON arrays of at most MAX_PAYLOAD bytes each: one NOTIFY payload per array. */
export function notifyPayloads(msgs: readonly string[]): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = 2;
  for (const one of msgs) {
    const bytes = Buffer.byteLength(one);
    if (chunk.length && size + bytes + 1 > MAX_PAYLOAD) {
      payloads.push(`[${chunk.join(',')}]`);
      chunk = [];
      size = 2;
    }
    chunk.push(one);
    size += bytes + 1;
  }
  if (chunk.length) payloads.push(`[${chunk.join(',')}]`);
  return payloads;
}

export type Envelope = { type: string; [k: string]: unknown };
export type Socket = { send(data: string): void };

export type Delivery = { users: string[]; envelope: Envelope };

export type Hub = {
  publish(db: Db, userIds: string[], envelope: Envelope): Promise<void>;
  /** Several deliveries at once (they share the next NOTIFY statement with everything else published meanwhile). */
  publishMany(db: Db, deliveries: Delivery[]): Promise<void>;
  attach(userId: string, socket: Socket): () => void;
  connectedUsers(): number;
  /** Open sockets on this process (a member may hold several: tabs, devices). */
  connectedSockets(): number;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createHub(url: string, log: Logger): Hub {
  const sockets = new Map<string, Set<Socket>>();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  function deliver(payload: string) {
    let msgs: { u: string[]; e: Envelope }[];
    try {
      msgs = [JSON.parse(payload)].flat();
    } catch {
      return;
    }
    for (const msg of msgs) {
      // Serialized only when one of its members has a socket here (every process hears every envelope).
      let data: string | undefined;
      for (const u of msg.u) for (const s of sockets.get(u) ?? []) {
        data ??= JSON.stringify(msg.e);
        try {
          s.send(data);
        } catch {}
      }
    }
  }

  async function connect() {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => n.channel === CHANNEL && n.payload && deliver(n.payload));
    c.on('error', (err) => {
      log.warn({ err }, 'realtime listener lost its connection; reconnecting');
      client = null;
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => connect().catch(() => {}), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    client = c;
  }

  // Outgoing envelopes wait for the next flush: every flush is ONE statement (one pg_notify per
  // payload of up to MAX_PAYLOAD bytes, many envelopes each), and flushes run one after another
  // per database, so what is published first is delivered first — under load the next batch
  // grows while one is in flight instead of costing a round trip per message.
  // An envelope is serialized once, when published (fit), and waits as its JSON text.
  type Queue = { pending: { msg: string; done: Waiter }[]; flushing: boolean };
  const queues = new Map<Db, Queue>();
  type Waiter = { resolve(): void; reject(err: unknown): void };

  function enqueue(db: Db, msgs: string[]): Promise<void> {
    if (!msgs.length) return Promise.resolve();
    const q = queues.get(db) ?? { pending: [], flushing: false };
    queues.set(db, q);
    return new Promise<void>((resolve, reject) => {
      let left = msgs.length;
      const done: Waiter = { resolve: () => --left === 0 && resolve(), reject };
      for (const msg of msgs) q.pending.push({ msg, done });
      if (!q.flushing) {
        q.flushing = true;
        setImmediate(() => void flush(db, q));
      }
    });
  }

  async function flush(db: Db, q: Queue) {
    while (q.pending.length) {
      const batch = q.pending.splice(0, q.pending.length);
      const payloads = notifyPayloads(batch.map((b) => b.msg));
      try {
        // In array order (WITH ORDINALITY … ORDER BY), one notification each; a named statement
        // (db/prepared.ts): planned once per connection.
        await sql`/*prepared:realtime_notify*/ SELECT pg_notify(${CHANNEL}, p) FROM unnest(${payloads}::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n`.execute(db);
        for (const { done } of batch) done.resolve();
      } catch (err) {
        for (const { done } of batch) done.reject(err);
      }
    }
    q.flushing = false;
  }

  /** One envelope for these members; a pointer when it is too big for NOTIFY (the client fetches the rest over HTTP). */
  function fit(userIds: string[], envelope: Envelope) {
    const msg = JSON.stringify({ u: userIds, e: envelope });
    if (msg.length * 3 <= MAX_PAYLOAD - 2 || Buffer.byteLength(msg) <= MAX_PAYLOAD - 2) return msg;
    return JSON.stringify({ u: userIds, e: { type: envelope.type, truncated: true, conversationId: envelope.conversationId ?? null } });
  }

  return {
    publish(db, userIds, envelope) {
      return userIds.length ? enqueue(db, [fit(userIds, envelope)]) : Promise.resolve();
    },
    publishMany(db, deliveries) {
      return enqueue(db, deliveries.filter((d) => d.users.length).map((d) => fit(d.users, d.envelope)));
    },
    attach(userId, socket) {
      const set = sockets.get(userId) ?? new Set();
      set.add(socket);
      sockets.set(userId, set);
      return () => {
        set.delete(socket);
        if (!set.size) sockets.delete(userId);
      };
    },
    connectedUsers: () => sockets.size,
    connectedSockets: () => {
      let n = 0;
      for (const set of sockets.values()) n += set.size;
      return n;
    },
    start: () => connect(),
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
