// The push: a notification reaches the recipient's open socket after the commit (through the
// hub's LISTEN/NOTIFY), with the unread count for the bell; nobody else's socket hears it.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp } from '../../../test/helpers.ts';
import { comment, note } from '../notes/fixtures.ts';

const t = await createTestApp();
const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
t.app.injectWebSocket(server);
await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
const port = (server.address() as AddressInfo).port;

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
});

type Envelope = { type: string; notification?: { type: string; count: number; note?: { id: string } }; unreadCount?: number };

async function connect(token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws?token=${encodeURIComponent(token)}`);
  const received: Envelope[] = [];
  ws.on('message', (d) => received.push(JSON.parse(String(d))));
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('message', () => resolve()); // the server's hello
  });
  return { ws, received };
}

async function until(cond: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting for the push');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('real-time push', () => {
  it('a comment reaches the author’s socket with the unread count, and only theirs', async () => {
    const [a, b, eve] = [await t.user(), await t.user(), await t.user()];
    const n = await note(t, a.token);
    const [sa, seve] = [await connect(a.token), await connect(eve.token)];
    await comment(t, b.token, n.id, { body: '还在吗' });
    const isNotice = (e: Envelope) => e.type === 'notification';
    await until(() => sa.received.some(isNotice));
    expect(sa.received.find(isNotice)).toMatchObject({ notification: { type: 'comment', count: 1, note: { id: n.id } }, unreadCount: 1 });

    // A second like joins the group: the same entry arrives again with count 2, the bell stays at 2.
    await t.req('PUT', `/notes/${n.id}/like`, { token: b.token });
    await t.req('PUT', `/notes/${n.id}/like`, { token: eve.token });
    await until(() => sa.received.filter((e) => e.notification?.type === 'like').length === 2);
    expect(sa.received.filter((e) => e.notification?.type === 'like').map((e) => [e.notification?.count, e.unreadCount])).toEqual([
      [1, 2],
      [2, 2],
    ]);

    // Reading on one device tells the member's other sockets the new count.
    await t.req('POST', '/notifications/read', { token: a.token });
    await until(() => sa.received.some((e) => e.type === 'notifications_read'));
    expect(sa.received.find((e) => e.type === 'notifications_read')).toMatchObject({ unreadCount: 0 });

    // Eve's own socket heard nothing of A's (her like was her own action on A's note).
    expect(seve.received.filter((e) => e.type !== 'hello')).toEqual([]);
    sa.ws.close();
    seve.ws.close();
  });
});
