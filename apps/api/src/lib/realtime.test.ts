// The hub's batched NOTIFY (lib/realtime.ts): a burst of publishes shares a few statements, and
// every envelope still arrives, once, in the order it was published — small and large ones mixed,
// across several payloads.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { cloneDatabase, createTestApp } from '../../test/helpers.ts';
import { openDatabase } from '../db/index.ts';
import { sql } from 'kysely';
import { CHANNEL, createHub, envelopeLine, notifyPayloads, readPayload, signalLine } from './realtime.ts';

const t = await createTestApp();

async function until(cond: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('batched NOTIFY', () => {
  it('a burst of 300 envelopes (some near the size limit) arrives complete and in publish order', async () => {
    const got: { n: number; to: string }[] = [];
    const detachA = t.deps.hub.attach('member-a', { send: (d) => got.push({ ...(JSON.parse(d) as { n: number }), to: 'a' }) });
    const detachB = t.deps.hub.attach('member-b', { send: (d) => got.push({ ...(JSON.parse(d) as { n: number }), to: 'b' }) });
    const pad = 'x'.repeat(3000);
    const sends = Array.from({ length: 300 }, (_, n) =>
      n % 3 === 0
        ? t.deps.hub.publishMany(t.deps.db, [{ users: ['member-a', 'member-b'], envelope: { type: 'test', n, pad: n % 30 === 0 ? pad : '' } }])
        : t.deps.hub.publish(t.deps.db, ['member-a'], { type: 'test', n }),
    );
    await Promise.all(sends);
    await until(() => got.length >= 400);
    await new Promise((r) => setTimeout(r, 200)); // nothing more (no duplicate) arrives
    detachA();
    detachB();
    const toA = got.filter((g) => g.to === 'a').map((g) => g.n);
    const toB = got.filter((g) => g.to === 'b').map((g) => g.n);
    expect(toA).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(toB).toEqual(Array.from({ length: 100 }, (_, i) => i * 3));
  });

  it('an envelope too big for NOTIFY becomes a pointer, and the others in its batch still arrive', async () => {
    const got: { type: string; truncated?: boolean; n?: number }[] = [];
    const detach = t.deps.hub.attach('member-c', { send: (d) => got.push(JSON.parse(d)) });
    await Promise.all([
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'test', n: 1 }),
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'big', conversationId: 'c1', pad: 'y'.repeat(9000) }),
      t.deps.hub.publish(t.deps.db, ['member-c'], { type: 'test', n: 2 }),
    ]);
    await until(() => got.length >= 3);
    detach();
    expect(got).toEqual([{ type: 'test', n: 1 }, { type: 'big', truncated: true, conversationId: 'c1' }, { type: 'test', n: 2 }]);
  });

  it('a listener reads both payload forms: lines of ids and envelope JSON, and the older JSON array', async () => {
    const got: unknown[] = [];
    const detach = t.deps.hub.attach('member-d', { send: (d) => got.push(JSON.parse(d)) });
    // The older form, as a process of the previous version NOTIFYs it.
    const old = JSON.stringify([{ u: ['member-d'], e: { type: 'test', n: 1, s: 'a\tb\nc' } }, { u: ['member-x'], e: { type: 'test', n: 0 } }]);
    await sql`SELECT pg_notify(${CHANNEL}, ${old})`.execute(t.deps.db);
    await until(() => got.length >= 1);
    await t.deps.hub.publish(t.deps.db, ['member-x', 'member-d'], { type: 'test', n: 2, s: 'tab\there, newline\nthere, comma,' });
    await until(() => got.length >= 2);
    detach();
    expect(got).toEqual([{ type: 'test', n: 1, s: 'a\tb\nc' }, { type: 'test', n: 2, s: 'tab\there, newline\nthere, comma,' }]);
  });

  it('a signal reaches every signal listener and no socket; a reader without a signal callback (an older process) skips it', async () => {
    const sockets: unknown[] = [];
    const signals: unknown[] = [];
    const detach = t.deps.hub.attach('member-s', { send: (d) => sockets.push(JSON.parse(d)) });
    const off = t.deps.hub.onSignal((s) => signals.push(s));
    await Promise.all([
      t.deps.hub.signal(t.deps.db, { type: 'test.signal', user: 'member-s' }),
      t.deps.hub.publish(t.deps.db, ['member-s'], { type: 'test', n: 1 }),
    ]);
    await until(() => sockets.length >= 1 && signals.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    detach();
    off();
    expect(sockets).toEqual([{ type: 'test', n: 1 }]);
    expect(signals).toEqual([{ type: 'test.signal', user: 'member-s' }]);
    const payload = [signalLine({ type: 'test.signal' }), envelopeLine(['u1'], { type: 'test' })].join('\n');
    const visited: string[][] = [];
    readPayload(payload, (users) => visited.push(users));
    expect(visited).toEqual([['u1']]);
  });

  it('a listener whose connection is lost keeps trying until the database takes it again, then says so', async () => {
    const url = await cloneDatabase();
    const name = new URL(url).pathname.slice(1);
    const hub = createHub(url, pino({ level: 'silent' }));
    await hub.start();
    let listens = 0;
    hub.onListen(() => listens++);
    try {
      expect(hub.listening()).toBe(true);
      // Refuse new connections to its database, then cut the listener: every reconnect fails for now.
      await sql`ALTER DATABASE ${sql.id(name)} ALLOW_CONNECTIONS false`.execute(t.deps.db);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`.execute(t.deps.db);
      await until(() => !hub.listening());
      await new Promise((r) => setTimeout(r, 2500)); // a few failed attempts, a second apart
      expect(hub.listening()).toBe(false);
      expect(listens).toBe(0);
      await sql`ALTER DATABASE ${sql.id(name)} ALLOW_CONNECTIONS true`.execute(t.deps.db);
      await until(() => hub.listening(), 20_000);
      expect(listens).toBe(1);
      const signals: unknown[] = [];
      hub.onSignal((s) => signals.push(s));
      const own = openDatabase(url, { max: 1 });
      await hub.signal(own.db, { type: 'test.after' });
      await until(() => signals.length >= 1);
      await own.close();
      expect(signals).toEqual([{ type: 'test.after' }]);
    } finally {
      await sql`ALTER DATABASE ${sql.id(name)} ALLOW_CONNECTIONS true`.execute(t.deps.db);
      await hub.stop();
    }
  }, 60_000);

  it('packs lines in order and reads each back as it was published; an id with a separator is refused', async () => {
    const lines = Array.from({ length: 50 }, (_, n) => envelopeLine([`u${n}`, 'v'], { type: 'test', n, pad: '宽'.repeat(n * 20), s: 'x\ty\nz' }));
    const payloads = notifyPayloads(lines);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThan(8000);
    const back: { users: string[]; data: string }[] = [];
    for (const p of payloads) readPayload(p, (users, data) => back.push({ users, data }));
    expect(back.map((b) => b.users)).toEqual(Array.from({ length: 50 }, (_, n) => [`u${n}`, 'v']));
    expect(back.map((b) => JSON.parse(b.data))).toEqual(Array.from({ length: 50 }, (_, n) => ({ type: 'test', n, pad: '宽'.repeat(n * 20), s: 'x\ty\nz' })));
    await expect(t.deps.hub.publish(t.deps.db, ['a,b'], { type: 'test' })).rejects.toThrow(/comma, tab or newline/);
  });
});
