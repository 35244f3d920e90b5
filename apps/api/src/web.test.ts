// The built web app as the API process serves it: the installable app's files (service worker,
// manifest, icons) with the right types, the worker and the manifest revalidated on every load,
// hashed assets immutable, client-side routes answered with index.html, API paths never.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/helpers.ts';

const dist = mkdtempSync(join(tmpdir(), 'jishi-web-dist-'));
mkdirSync(join(dist, 'assets'));
mkdirSync(join(dist, 'icons'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>集市</title><link rel="manifest" href="/manifest.webmanifest">');
writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: '集市 Jishi', start_url: '/' }));
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(dist, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

const t = await createTestApp({ WEB_DIST: dist });
const get = (path: string) => t.app.request(path);

describe('serving the installable web app', () => {
  it('serves the service worker as JavaScript, revalidated on every load', async () => {
    const r = await get('/sw.js');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript');
    expect(r.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the manifest as application/manifest+json, revalidated', async () => {
    const r = await get('/manifest.webmanifest');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/manifest+json');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(((await r.json()) as { name: string }).name).toBe('集市 Jishi');
  });

  it('serves icons as PNG and hashed assets as immutable', async () => {
    expect((await get('/icons/icon-192.png')).headers.get('content-type')).toBe('image/png');
    expect((await get('/assets/index-abc123.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('answers a client-side route with index.html and leaves API paths to the API', async () => {
    const page = await get('/notes/whatever');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('manifest.webmanifest');
    const api = await get('/api/v1/session');
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(await api.json()).toEqual({ user: null });
  });
});
