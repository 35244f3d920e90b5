// Group commit of plain texts (group-send.ts): sends that arrive together share one statement,
// each keeping its own gate, message, order and error. A batch is made certain (not left to
// timing) by holding one conversation's row: its send stays in flight while the others queue.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Res, createTestApp, expectProblem } from '../../../test/helpers.ts';
import { groupSendStats, waitingSends } from './group-send.ts';

const t = await createTestApp();
type Member = Awaited<ReturnType<typeof t.user>>;
const send = (m: Member, id: string, text: string) => t.req('POST', `/conversations/${id}/messages`, { token: m.token, body: { text } });

/** A pair whose conversation is open both ways (each has written once). */
async function openPair() {
  const a = await t.user({ prefix: 'a' });
  const b = await t.user({ prefix: 'b' });
  const conv = (await t.req('POST', '/conversations', { token: a.token, body: { peerId: b.id } })).json.id as string;
  expect((await send(a, conv, 'hi')).status).toBe(201);
  expect((await send(b, conv, 'hello')).status).toBe(201);
  return { a, b, conv };
}

/** The messages a socket received, less the two that opened the pair (their NOTIFY may land after `listen`). */
const after2 = (got: ReturnType<typeof listen>, m: Member, stored: { id: string }[]) =>
  (got.get(m.id) ?? []).map((e) => e.message.id).filter((id) => id !== stored[0]?.id && id !== stored[1]?.id);

/** What each member's socket receives (a socket as the hub sees one). */
function listen(...members: Member[]) {
  const got = new Map<string, { conversationId: string; message: { id: string; text: string; senderId: string } }[]>();
  for (const m of members) {
    const list: never[] = [];
    got.set(m.id, list);
    t.deps.hub.attach(m.id, { send: (data: string) => {
      const e = JSON.parse(data);
      if (e.type === 'message') (list as unknown[]).push(e);
    } });
  }
  return got;
}

/** Holds a conversation's row (FOR UPDATE) until released: a send there stays in flight meanwhile. */
async function hold(conv: string) {
  let release!: () => void;
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = t.db.transaction().execute(async (tx) => {
    await sql`SELECT id FROM conversations WHERE id = ${conv} FOR UPDATE`.execute(tx);
    locked();
    await new Promise<void>((r) => (release = r));
  });
  await isLocked;
  return async () => {
    release?.();
    await done;
  };
}

async function until(cond: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 1000 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await cond()).toBe(true);
}

/** A send alone, held in flight on `conv`, then `others` sent while it waits: they queue and go together. */
async function batched(conv: string, sender: Member, expected: number, others: () => Promise<Res>[]) {
  const release = await hold(conv);
  try {
    const first = send(sender, conv, 'held');
    // The held send is in flight: its statement waits for the row lock.
    await until(async () => {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
      return r.rows[0]?.n === 1;
    });
    const before = { ...groupSendStats };
    const rest = others();
    await until(() => waitingSends(t.db) === expected);
    await release();
    return { first: await first, rest: await Promise.all(rest), before };
  } finally {
    await release();
  }
}

const messagesOf = async (m: Member, conv: string) =>
  (await t.req('GET', `/conversations/${conv}/messages?limit=100`, { token: m.token })).json.items.reverse() as { id: string; text: string; senderId: string }[];

describe('group commit of plain texts', () => {
  it('many concurrent sends from several members in several conversations: each stored once, delivered once, in order', async () => {
    const pairs = await Promise.all([openPair(), openPair(), openPair(), openPair()]);
    const got = listen(...pairs.flatMap((p) => [p.a, p.b]));
    const N = 6;
    // Every member writes N messages one after another (plain texts: no scam-shield warning); all 8 members at once.
    const label = (m: Member) => `成员${m.username.slice(1)}的第`;
    const stream = async (m: Member, conv: string) => {
      for (let i = 0; i < N; i++) expect((await send(m, conv, `${label(m)}${i}条`)).status).toBe(201);
    };
    const held = pairs[0] as (typeof pairs)[number];
    const { first, rest, before } = await batched(held.conv, held.a, 8, () =>
      pairs.flatMap((p) => [stream(p.a, p.conv), stream(p.b, p.conv)]).map((s) => s.then(() => ({ status: 201 }) as Res)),
    );
    expect(first.status).toBe(201);
    expect(rest.every((r) => r.status === 201)).toBe(true);
    // The first sends of the other conversations went in one statement.
    expect(groupSendStats.batches).toBeGreaterThan(before.batches);
    expect(groupSendStats.grouped - before.grouped).toBeGreaterThanOrEqual(4);
    for (const p of pairs) {
      const stored = await messagesOf(p.a, p.conv);
      const texts = stored.map((m) => m.text).slice(2);
      expect(texts.length).toBe(2 * N + (p === held ? 1 : 0));
      expect(new Set(stored.map((m) => m.id)).size).toBe(stored.length);
      // Each member's messages in the order they were sent.
      for (const m of [p.a, p.b]) {
        expect(texts.filter((x) => x.startsWith(label(m)))).toEqual(Array.from({ length: N }, (_, i) => `${label(m)}${i}条`));
      }
      // Each side got every message once, in the stored order.
      await until(() => after2(got, p.a, stored).length >= stored.length - 2 && after2(got, p.b, stored).length >= stored.length - 2);
      for (const m of [p.a, p.b]) expect(after2(got, m, stored)).toEqual(stored.slice(2).map((x) => x.id));
    }
  });

  it('a blocked, a cold and a stranger sender in a batch get their own answers; the others are stored', async () => {
    const held = await openPair();
    const ok1 = await openPair();
    const ok2 = await openPair();
    const blocked = await openPair();
    expect((await t.req('PUT', `/users/${blocked.a.id}/block`, { token: blocked.b.token })).status).toBe(204);
    const cold = { a: await t.user(), b: await t.user() };
    const coldConv = (await t.req('POST', '/conversations', { token: cold.a.token, body: { peerId: cold.b.id } })).json.id as string;
    expect((await send(cold.a, coldConv, 'first')).status).toBe(201);
    const stranger = await t.user();
    const { first, rest, before } = await batched(held.conv, held.a, 6, () => [
      send(ok1.a, ok1.conv, 'ok one'),
      send(blocked.a, blocked.conv, 'let me in'),
      send(blocked.b, blocked.conv, 'I blocked you'),
      send(cold.a, coldConv, 'second cold'),
      send(ok2.b, ok2.conv, 'ok two'),
      send(stranger, ok2.conv, 'not mine'),
    ]);
    expect(first.status).toBe(201);
    const [r1, rBlocked, rYouBlocked, rCold, r2, rStranger] = rest as Res[];
    expect(r1?.status).toBe(201);
    expect(r1?.json).toMatchObject({ senderId: ok1.a.id, kind: 'text', text: 'ok one', warnings: [] });
    expectProblem(rBlocked as Res, 403, 'blocked');
    expectProblem(rCold as Res, 403, 'cold_message_limit');
    expect(r2?.status).toBe(201);
    expectProblem(rStranger as Res, 404, 'not_found');
    // Only one send per conversation per batch: the second of blocked.conv waited for the next one.
    expectProblem(rYouBlocked as Res, 403, 'you_blocked');
    // Two batches: four conversations, then the two sends that waited (blocked.b, the stranger).
    expect(groupSendStats.batches - before.batches).toBe(2);
    expect(groupSendStats.grouped - before.grouped).toBe(6);
    expect((await messagesOf(ok1.a, ok1.conv)).map((m) => m.text)).toEqual(['hi', 'hello', 'ok one']);
    expect((await messagesOf(ok2.a, ok2.conv)).map((m) => m.text)).toEqual(['hi', 'hello', 'ok two']);
    expect((await messagesOf(blocked.a, blocked.conv)).map((m) => m.text)).toEqual(['hi', 'hello']);
    expect((await messagesOf(cold.a, coldConv)).map((m) => m.text)).toEqual(['first']);
  });

  it('a batch statement that fails falls back to one send at a time: none lost, none twice', async () => {
    const pairs = await Promise.all([openPair(), openPair(), openPair(), openPair()]);
    const got = listen(...pairs.flatMap((p) => [p.a, p.b]));
    // A real failure in PostgreSQL for any statement storing more than one message (the batch),
    // counted in a sequence (which a rollback does not undo).
    await sql`CREATE SEQUENCE batch_refusals`.execute(t.db);
    await sql.raw(`CREATE FUNCTION refuse_batches() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM new_rows) > 1 THEN PERFORM nextval('batch_refusals'); RAISE EXCEPTION 'refused batch'; END IF;
        RETURN NULL;
      END $$`).execute(t.db);
    await sql`CREATE TRIGGER refuse_batches AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION refuse_batches()`.execute(t.db);
    try {
      const [held, ...others] = pairs;
      const { first, rest, before } = await batched(held.conv, held.a, 3, () => others.map((p) => send(p.b, p.conv, `to ${p.a.username}`)));
      expect(first.status).toBe(201);
      for (const r of rest) expect(r.status).toBe(201);
      expect(groupSendStats.fallbacks).toBe(before.fallbacks + 1);
      expect(groupSendStats.batches).toBe(before.batches);
      const refused = await sql<{ n: string }>`SELECT last_value AS n FROM batch_refusals`.execute(t.db);
      expect(Number(refused.rows[0]?.n)).toBe(1);
      for (const p of others) {
        const stored = await messagesOf(p.a, p.conv);
        expect(stored.map((m) => m.text)).toEqual(['hi', 'hello', `to ${p.a.username}`]);
        await until(() => after2(got, p.a, stored).length >= 1 && after2(got, p.b, stored).length >= 1);
        expect(after2(got, p.a, stored)).toEqual([stored[2]?.id]);
        expect(after2(got, p.b, stored)).toEqual([stored[2]?.id]);
      }
    } finally {
      await sql`DROP TRIGGER refuse_batches ON messages`.execute(t.db);
    }
  });
});
