// Every answer carries the headers Hono's secureHeaders + requestId middlewares sent before
// (lib/response-headers.ts): through a real server (Node's response object) and in process
// (app.request()), for JSON, problems, pages, HEAD and a refused body; X-Request-Id echoes a sane
// client id and replaces any other.
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { SECURITY_HEADERS } from './response-headers.ts';

const t = await createTestApp();

/** The stack the app had: Hono's two middlewares with the web app's CSP. */
const reference = new Hono();
reference.use('*', requestId());
reference.use('*', secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'"],
    connectSrc: ["'self'", 'ws:', 'wss:'],
  },
  crossOriginEmbedderPolicy: false,
}));
reference.all('*', (c) => c.json({ ok: true }));

const servers = [serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }), serve({ fetch: reference.fetch, port: 0, hostname: '127.0.0.1' })];
await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.listening ? resolve() : s.once('listening', () => resolve())))));
const [appPort, referencePort] = servers.map((s) => (s.address() as AddressInfo).port) as [number, number];

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
    s.close(() => resolve());
    (s as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  })));
});

type Head = { status: number; headers: Record<string, string> };

function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Head> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// What the two middlewares add: everything but the answer's own and the transport's headers.
const OWN = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'x-request-id', 'cache-control', 'etag', 'last-modified', 'vary', 'accept-ranges']);
const added = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !OWN.has(k)).sort(([a], [b]) => a.localeCompare(b)));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('response headers', () => {
  it('are the ones Hono’s secureHeaders sent, on every kind of answer through the Node server', async () => {
    const want = added((await send(referencePort, 'GET', '/')).headers);
    expect(Object.keys(want)).toHaveLength(SECURITY_HEADERS.length);
    const answers = await Promise.all([
      send(appPort, 'GET', '/api/v1/health'),
      send(appPort, 'GET', '/api/v1/nope'),
      send(appPort, 'HEAD', '/api/v1/health'),
      send(appPort, 'GET', '/api/v1/me'),
      send(appPort, 'POST', '/api/v1/auth/login', { 'content-type': 'application/json' }, '{"username":'),
      send(appPort, 'GET', '/api/docs'),
      send(appPort, 'GET', '/'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 200, 401, 400, 200, answers[6]?.status]);
    for (const a of answers) {
      expect(added(a.headers)).toEqual(want);
      expect(a.headers['x-request-id']).toMatch(UUID);
    }
    expect(answers[1]?.headers['content-type']).toContain('application/problem+json');
  });

  it('are the same in process (app.request), where there is no Node response', async () => {
    const want = added((await send(referencePort, 'GET', '/')).headers);
    for (const path of ['/api/v1/health', '/api/v1/nope']) {
      const r = await t.app.request(path);
      const got = added(Object.fromEntries(r.headers));
      expect(got).toEqual(want);
      expect(r.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('echo a sane X-Request-Id and replace any other, as requestId() did', async () => {
    const cases = ['trace-42_ab=', 'has space', 'x'.repeat(256), 'x'.repeat(255), 'semi;colon', ''];
    for (const id of cases) {
      const headers: Record<string, string> = id ? { 'x-request-id': id } : {};
      const [ours, theirs] = await Promise.all([send(appPort, 'GET', '/api/v1/health', headers), send(referencePort, 'GET', '/', headers)]);
      const inProcess = (await t.app.request('/api/v1/health', { headers })).headers.get('x-request-id');
      const echoed = theirs.headers['x-request-id'] === id;
      for (const got of [ours.headers['x-request-id'], inProcess]) {
        if (echoed) expect(got).toBe(id);
        else expect(got).toMatch(UUID);
      }
    }
  });
});
