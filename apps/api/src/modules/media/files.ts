// Serves stored photo variants. Their bytes never change for an id, so caches keep them a year.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../lib/http.ts';

const VARIANTS = new Set(['avatar', 'thumb', 'card', 'detail']);

export function mediaFiles(deps: Deps) {
  const r = new Hono<AppEnv>();
  r.get('/:id/:file', async (c) => {
    const { id, file } = c.req.param();
    const variant = file.replace(/\.webp$/, '');
    if (!/^[0-9a-f]{16}$/.test(id) || !file.endsWith('.webp') || !VARIANTS.has(variant)) return c.notFound();
    const bytes = await deps.media.get(`${id}/${variant}.webp`);
    if (!bytes) return c.notFound();
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'image/webp',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return r;
}
