// Real-time delivery across processes. A process that has something to push NOTIFYs one
// PostgreSQL channel; every process LISTENs on a dedicated connection and hands each envelope
// to the sockets of the named members it holds. One path for one process or twenty.
import pg from 'pg';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export const CHANNEL = 'jishi_realtime';
const MAX_PAYLOAD = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more

// On the wire an envelope is one line: its members' ids joined by commas, a tab, then the
// envelope's JSON — JSON.stringify never writes a raw tab or newline, and a member id holds
// none (nor a comma: refused when published). A payload is such lines joined by newlines, so a
// listener hands each envelope's text to the sockets as it came, without parsing the payload
// and serializing every envelope again. A payload that starts with "[" is the older form (a
// JSON array of {u, e}), still read, so processes of two versions understand each other.
//
// A line with no member ("\t" then JSON) is a signal between processes: every process hands it to
// its signal listeners (onSignal) and never to a socket — internal bookkeeping such as the session
// cache's forgets, which no client is meant to see. A process of the previous version skips such a
// line (it visits only lines with members), so the two versions still mix.

/** Envelope lines packed in order into payloads of at most MAX_PAYLOAD bytes each: one NOTIFY payload per group. */
export function notifyPayloads(lines: readonly string[]): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const one of lines) {
    const bytes = Buffer.byteLength(one);
    if (chunk.length && size + bytes + 1 > MAX_PAYLOAD) {
      payloads.push(chunk.join('\n'));
      chunk = [];
      size = 0;
    }
    chunk.push(one);
    size += bytes + (chunk.length > 1 ? 1 : 0);
  }
  if (chunk.length) payloads.push(chunk.join('\n'));
  return payloads;
}

const NOT_IN_AN_ID = /[,\t\n]/;

/** One envelope for these members as it travels; a pointer when it is too big for NOTIFY (the client fetches the rest over HTTP). */
export function envelopeLine(userIds: readonly string[], envelope: Envelope): string {
  for (const u of userIds) if (NOT_IN_AN_ID.test(u)) throw new Error(`A member id cannot hold a comma, tab or newline: ${JSON.stringify(u)}`);
  const to = userIds.join(',');
  const line = `${to}\t${JSON.stringify(envelope)}`;
  if (line.length * 3 <= MAX_PAYLOAD || Buffer.byteLength(line) <= MAX_PAYLOAD) return line;
  return `${to}\t${JSON.stringify({ type: envelope.type, truncated: true, conversationId: envelope.conversationId ?? null })}`;
}

/** A signal's line: no member, so it reaches every process's signal listeners and no socket. */
export const signalLine = (signal: Envelope): string => `\t${JSON.stringify(signal)}`;

/** A signal from a process that holds no hub (a command-line tool): a NOTIFY of its own. */
export async function sendSignal(db: Db, signal: Envelope): Promise<void> {
  await sql`SELECT pg_notify(${CHANNEL}, ${signalLine(signal)})`.execute(db);
}

/**
 * Each envelope of a payload, in order: its members and its JSON text; each signal line's JSON
 * text to `signal` (skipped without it).
 */
export function readPayload(payload: string, visit: (userIds: string[], data: string) => void, signal?: (data: string) => void): void {
  if (payload.startsWith('[')) {
    let msgs: { u: string[]; e: Envelope }[];
    try {
      msgs = [JSON.parse(payload)].flat();
    } catch {
      return;
    }
    for (const msg of msgs) if (Array.isArray(msg?.u)) visit(msg.u, JSON.stringify(msg.e));
    return;
  }
  let at = 0;
  while (at < payload.length) {
    let end = payload.indexOf('\n', at);
    if (end < 0) end = payload.length;
    const tab = payload.indexOf('\t', at);
    if (tab > at && tab < end) visit(payload.slice(at, tab).split(','), payload.slice(tab + 1, end));
    else if (tab === at && signal) signal(payload.slice(tab + 1, end));
    at = end + 1;
  }
}

export type Envelope = { type: string; [k: string]: unknown };
export type Socket = { send(data: string): void };

export type Delivery = { users: string[]; envelope: Envelope };

export type Hub = {
  publish(db: Db, userIds: string[], envelope: Envelope): Promise<void>;
  /** Several deliveries at once (they share the next NOTIFY statement with everything else published meanwhile). */
  publishMany(db: Db, deliveries: Delivery[]): Promise<void>;
  /** To every process's signal listeners (this one's too), never to a socket; batched with the envelopes. */
  signal(db: Db, signal: Envelope): Promise<void>;
  /** Hears every signal from any process while listening; returns the unsubscribe. */
  onSignal(listener: (signal: Envelope) => void): () => void;
  /**
   * Whether this process hears every NOTIFY now: false before start, after stop, and while the
   * listening connection is lost (what is sent meanwhile never reaches this process).
   */
  listening(): boolean;
  /** Called each time listening starts again (after start and after every reconnect): whatever was sent while it was lost was missed. */
  onListen(listener: () => void): () => void;
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

  const signalListeners = new Set<(signal: Envelope) => void>();
  const listenListeners = new Set<() => void>();

  function hearSignal(data: string) {
    let signal: Envelope;
    try {
      signal = JSON.parse(data) as Envelope;
    } catch {
      return;
    }
    for (const l of signalListeners) {
      try {
        l(signal);
      } catch (err) {
        log.warn({ err }, 'realtime signal listener failed');
      }
    }
  }

  function deliver(payload: string) {
    readPayload(
      payload,
      (userIds, data) => {
        for (const u of userIds) {
          const set = sockets.get(u);
          if (set) for (const s of set) {
            try {
              s.send(data);
            } catch {}
          }
        }
      },
      hearSignal,
    );
  }

  // The listening connection. When it is lost (an error, or its end), notifications sent until the
  // next LISTEN are never seen here: `client` is null meanwhile (listening() is false), a new
  // connection is tried every second until one holds, and onListen's listeners hear that it did.
  async function connect() {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    let lost = false;
    const onLost = (err: unknown) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.end().catch(() => {});
      if (stopped) return;
      log.warn({ err }, 'realtime listener lost its connection; reconnecting');
      retry = setTimeout(() => void connect().catch(() => {}), 1000);
    };
    c.on('notification', (n) => n.channel === CHANNEL && n.payload && deliver(n.payload));
    c.on('error', onLost);
    c.on('end', () => onLost(new Error('the realtime listener connection ended')));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      onLost(err);
      throw err;
    }
    if (stopped || lost) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    for (const l of listenListeners) {
      try {
        l();
      } catch (err) {
        log.warn({ err }, 'realtime listen listener failed');
      }
    }
  }

  // Outgoing envelopes wait for the next flush: every flush is ONE statement (one pg_notify per
  // payload of up to MAX_PAYLOAD bytes, many envelopes each), and flushes run one after another
  // per database, so what is published first is delivered first — under load the next batch
  // grows while one is in flight instead of costing a round trip per message.
  // An envelope is serialized once, when published (envelopeLine), and waits as its line.
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

  return {
    publish(db, userIds, envelope) {
      try {
        return userIds.length ? enqueue(db, [envelopeLine(userIds, envelope)]) : Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    publishMany(db, deliveries) {
      try {
        return enqueue(db, deliveries.filter((d) => d.users.length).map((d) => envelopeLine(d.users, d.envelope)));
      } catch (err) {
        return Promise.reject(err);
      }
    },
    signal(db, signal) {
      return enqueue(db, [signalLine(signal)]);
    },
    onSignal(listener) {
      signalListeners.add(listener);
      return () => signalListeners.delete(listener);
    },
    listening: () => client !== null,
    onListen(listener) {
      listenListeners.add(listener);
      return () => listenListeners.delete(listener);
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
    async start() {
      try {
        await connect();
      } catch (err) {
        // A first connection that fails fails the start (server.ts stops); no retry outlives it.
        stopped = true;
        clearTimeout(retry);
        throw err;
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
