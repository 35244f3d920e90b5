// In production the API process also serves the built web app: hashed assets cached for a
// year, index.html for every other GET that is not an API or media path (client-side routes).
// The service worker and the manifest are revalidated on every load (no-cache), so a release
// reaches installed apps at their next start.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from './lib/http.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

const REVALIDATE = new Set(['/sw.js', '/manifest.webmanifest', '/index.html']);

export const defaultWebDist = () => resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export function mountWeb(app: OpenAPIHono<AppEnv>, deps: Deps) {
  const root = deps.config.webDist ?? defaultWebDist();
  if (!existsSync(join(root, 'index.html'))) return;
  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/media/')) return next();
    const file = normalize(join(root, decodeURIComponent(path)));
    if (file.startsWith(root) && extname(file) && existsSync(file)) {
      const immutable = path.startsWith('/assets/');
      const cache = immutable ? 'public, max-age=31536000, immutable' : REVALIDATE.has(path) ? 'no-cache' : 'public, max-age=300';
      return c.body(await readFile(file), 200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': cache,
      });
    }
    if (extname(path) && !path.endsWith('.html')) return next();
    return c.body(await readFile(join(root, 'index.html')), 200, {
      'content-type': TYPES['.html'] as string,
      'cache-control': 'no-cache',
    });
  });
}
