// Feeds and a profile's note lists: masonry cards in keyset pages.
import { createRoute } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonContent, newRouter, problemResponses } from '../../lib/http.ts';
import { PageQuery } from '../notes/index.ts';
import { FeedPage, FeedQuery } from './schema.ts';
import { feed, profileCollects, profileNotes } from './service.ts';

const tags = ['feed'];
const viewerOf = (c: Ctx) => c.get('user')?.id ?? null;

export function feedRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/feed',
      tags,
      request: { query: FeedQuery },
      description: '`latest` is public; `following` needs a member (401).',
      responses: { 200: jsonContent(FeedPage), ...problemResponses(400, 401) },
    }),
    async (c) => c.json(await feed(c.get('deps'), viewerOf(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}/notes',
      tags,
      request: { params: IdParam, query: PageQuery },
      responses: { 200: jsonContent(FeedPage), ...problemResponses(400, 404) },
    }),
    async (c) =>
      c.json(await profileNotes(c.get('deps'), c.req.valid('param').id, viewerOf(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}/collects',
      tags,
      request: { params: IdParam, query: PageQuery },
      description: 'Your collects, most recently collected first. Private: anyone else gets 403 `collects_private`.',
      responses: { 200: jsonContent(FeedPage), ...problemResponses(400, 403, 404) },
    }),
    async (c) =>
      c.json(await profileCollects(c.get('deps'), c.req.valid('param').id, viewerOf(c), c.req.valid('query')), 200),
  );

  return r;
}
