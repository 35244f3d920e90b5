// Real-time delivery across processes. A process that has something to push NOTIFYs one
// PostgreSQL channel; every process LISTENs on a dedicated connection and hands each envelope
// to the sockets of the named members it holds. One path for one process or twenty.
import pg from 'pg';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

export const CHANNEL = 'jishi_realtime';
const MAX_PAYLOAD = 7900; // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more

export type Envelope = { type: string; [k: string]: unknown };
export type Socket = { send(data: string): void };

export type Delivery = { users: string[]; envelope: Envelope };

export type Hub = {
  publish(db: Db, userIds: string[], envelope: Envelope): Promise<void>;
  /** Several deliveries in one NOTIFY (one round trip), split when too big for one. */
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
      const data = JSON.stringify(msg.e);
      for (const u of msg.u) for (const s of sockets.get(u) ?? []) {
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

  return {
    async publish(db, userIds, envelope) {
      if (!userIds.length) return;
      let payload = JSON.stringify({ u: userIds, e: envelope });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) {
        // Too big for NOTIFY: send a pointer; the client fetches the rest over HTTP.
        payload = JSON.stringify({ u: userIds, e: { type: envelope.type, truncated: true, conversationId: envelope.conversationId ?? null } });
      }
      await sql`SELECT pg_notify(${CHANNEL}, ${payload})`.execute(db);
    },
    async publishMany(db, deliveries) {
      const batch = deliveries.filter((d) => d.users.length).map((d) => ({ u: d.users, e: d.envelope }));
      const payload = JSON.stringify(batch);
      if (Buffer.byteLength(payload) <= MAX_PAYLOAD) {
        if (batch.length) await sql`SELECT pg_notify(${CHANNEL}, ${payload})`.execute(db);
        return;
      }
      for (const d of deliveries) await this.publish(db, d.users, d.envelope);
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
