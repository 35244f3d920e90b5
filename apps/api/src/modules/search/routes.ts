// GET /search (public, API.md) and GET /search/suggest (as-you-type).
import { createRoute } from '@hono/zod-openapi';
import { jsonContent, newRouter, problemResponses } from '../../lib/http.ts';
import { SearchPage, SearchQuery, SuggestList, SuggestQuery } from './schema.ts';
import { recordSearch } from '../discovery/signals.ts';
import { search, suggest } from './service.ts';

const tags = ['search'];

export function searchRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags,
      request: { query: SearchQuery },
      description:
        'Items on sale (type=items) or notes (type=notes). Chinese words are segmented; traditional characters, full-width letters and case are folded; a few synonyms widen a word. Sold-out and withdrawn items never appear. With lat/lng every result has distanceKm; radiusKm keeps those within it; a place given only as a label has no distance and drops out of distance sorts and radius filters.',
      responses: { 200: jsonContent(SearchPage), ...problemResponses(400) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await search(c.get('deps'), c.get('user')?.id ?? null, q);
      // The first page of a member's search is an interest signal for the recommended feed.
      if (!q.cursor) await recordSearch(c.get('deps'), c.get('user')?.id, q.q);
      return c.json(page, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/search/suggest',
      tags,
      request: { query: SuggestQuery },
      description: 'Note tags and item titles for what has been typed so far (the last word as a prefix).',
      responses: { 200: jsonContent(SuggestList), ...problemResponses(400) },
    }),
    async (c) => c.json(await suggest(c.get('deps'), c.req.valid('query').q), 200),
  );

  return r;
}
