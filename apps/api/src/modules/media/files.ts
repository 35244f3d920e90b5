// Serves stored photo variants at /media/{id}/{variant}.webp, to whoever access.ts admits.
// Published photos: bytes never change for an id, so any cache keeps them a year. Private
// photos: `private, no-store`, never in a shared cache or on a shared computer's disk.
// Not found and not allowed are the same 404, and it is not cached either.
// Images are <img> tags, so the session cookie authenticates (a bearer token works too).
import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../lib/http.ts';
import { authenticate } from '../accounts/sessions.ts';
import { mediaAccess, type Viewer } from './access.ts';

const VARIANTS = new Set(['avatar', 'thumb', 'card', 'detail']);
const PUBLIC = 'public, max-age=31536000, immutable';
const PRIVATE = 'private, no-store';

/** The signed-in member, or null: a bad or stale credential is a visitor here, never a 401 that would tell a private photo from a missing one. */
async function viewerOf(c: Ctx): Promise<Viewer | null> {
  try {
    await authenticate(c, async () => {});
  } catch {
    return null;
  }
  return c.get('user');
}

export function mediaFiles(deps: Deps) {
  const r = new Hono<AppEnv>();
  r.get('/:id/:file', async (c) => {
    const { id, file } = c.req.param();
    const variant = file.replace(/\.webp$/, '');
    c.header('cache-control', PRIVATE);
    if (!/^[0-9a-f]{16}$/.test(id) || !file.endsWith('.webp') || !VARIANTS.has(variant)) return c.notFound();
    const access = await mediaAccess(deps.db, id, () => viewerOf(c));
    if (!access) return c.notFound();
    const bytes = await deps.media.get(`${id}/${variant}.webp`);
    if (!bytes) return c.notFound();
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'image/webp',
      'cache-control': access === 'public' ? PUBLIC : PRIVATE,
    });
  });
  return r;
}
