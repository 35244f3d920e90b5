// Interactive API docs at /api/docs from the swagger-ui-dist package: served locally, no CDN.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './lib/http.ts';

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png']);
const TYPES: Record<string, string> = { css: 'text/css', js: 'text/javascript', png: 'image/png' };

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jishi API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
// A separate file rather than an inline script, so the page works under a strict CSP.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

// The package's folder, found without loading the package: its index evaluates the whole 1.5 MB
// browser bundle in Node (~10% of the API's start-up CPU, measured with --cpu-prof).
const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export function mountDocs(app: OpenAPIHono<AppEnv>) {
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript' }));
  app.get('/api/docs/assets/:file', async (c) => {
    const file = c.req.param('file');
    if (!ASSETS.has(file)) return c.notFound();
    const body = await readFile(join(dir, file));
    return c.body(body, 200, {
      'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=86400',
    });
  });
}
