// Sign-in through a real Node server, where the session middleware reads the request's headers
// from Node's own parsed headers (lib/http.ts requestHeader) instead of Hono's: a bearer token,
// the session cookie among others (also in a second Cookie header), a bad token, a cross-site
// state change carried by the cookie, and a visitor.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.ts';

const t = await createTestApp();
const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
const port = (server.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Answer = { status: number; body: { code?: string; username?: string; bio?: string } };

/** `headers` as a flat list: a name may repeat, as on the wire (Node then adds no Host itself). */
function send(method: string, path: string, headers: string[] = [], body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const all = ['host', `127.0.0.1:${port}`, ...headers, ...(payload ? ['content-type', 'application/json'] : [])];
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: `/api/v1${path}`, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('sessions over the Node server', () => {
  it('knows a member by bearer token or by cookie, and refuses what does not sign in', async () => {
    const member = await t.user();
    const r = await t.req('POST', '/auth/register', { body: { username: 'node_cookie', password: 'right-password' } });
    const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^jishi_session=/);

    expect(await send('GET', '/me', ['authorization', `Bearer ${member.token}`])).toMatchObject({ status: 200, body: { username: member.username } });
    expect(await send('GET', '/me', ['cookie', `theme=dark; ${cookie}; lang=zh`])).toMatchObject({ status: 200, body: { username: 'node_cookie' } });
    // Two Cookie headers: Node joins them, the session cookie is found in the second.
    expect(await send('GET', '/me', ['cookie', 'theme=dark', 'cookie', cookie])).toMatchObject({ status: 200, body: { username: 'node_cookie' } });

    expect(await send('GET', '/me')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await send('GET', '/me', ['authorization', 'Bearer js_forged'])).toMatchObject({ status: 401, body: { code: 'invalid_token' } });
    expect(await send('GET', '/me', ['authorization', 'Basic abc'])).toMatchObject({ status: 401, body: { code: 'invalid_token' } });
    // A stale cookie is only a visitor.
    expect(await send('GET', '/me', ['cookie', 'jishi_session=js_stale'])).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });

  it('refuses a cross-site state change carried by the cookie, and allows a same-site one', async () => {
    const r = await t.req('POST', '/auth/register', { body: { username: 'node_csrf', password: 'right-password' } });
    const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
    const evil = await send('PATCH', '/me', ['cookie', cookie, 'origin', 'https://evil.example'], { bio: 'pwned' });
    expect(evil).toMatchObject({ status: 403, body: { code: 'csrf_rejected' } });
    const own = await send('PATCH', '/me', ['cookie', cookie, 'origin', `http://127.0.0.1:${port}`], { bio: 'mine' });
    expect(own).toMatchObject({ status: 200 });
    expect(await send('GET', '/me', ['authorization', `Bearer ${r.json.token}`])).toMatchObject({ body: { bio: 'mine' } });
  });
});
