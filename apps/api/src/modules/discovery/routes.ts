// Discovery endpoints of our own design (API.md leaves them to the implementer): a note's wanted
// requests with their matching items, and saved searches. The recommended feed is a tab of
// GET /feed (feed module → recommend-service.ts).
import { createRoute } from '@hono/zod-openapi';
import { IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { listSaved, removeSaved, saveSearch } from './saved-service.ts';
import { SavedSearch, SavedSearchInput, SavedSearchList, WantedMatchList } from './schema.ts';
import { wantedMatches } from './wanted-service.ts';

const security = [{ Bearer: [] }];

export function discoveryRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notes/{id}/matches',
      tags: ['notes'],
      request: { params: IdParam },
      description:
        'The wanted requests (求购) of a note — the note itself when it is a wanted post, and comments with a wanted request — each with the items on sale that match its words, category and maximum price.',
      responses: { 200: jsonContent(WantedMatchList), ...problemResponses(404) },
    }),
    async (c) => c.json(await wantedMatches(c.get('deps'), c.req.valid('param').id), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/me/saved-searches',
      tags: ['search'],
      security,
      request: { body: jsonBody(SavedSearchInput) },
      description:
        'Saves a search (the /search parameters for items). A new listing that matches it notifies you (`saved_search` {query, savedSearchId, count}): the alert job sends at most one notification per saved search an hour, summarising the items met since the last one that are still on sale. Saving the same parameters twice returns the existing one. 422 `too_many_saved_searches` past 50.',
      responses: { 201: jsonContent(SavedSearch), ...problemResponses(400, 401, 422) },
    }),
    async (c) => c.json(await saveSearch(c.get('deps'), requireUser(c).id, c.req.valid('json')), 201),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/me/saved-searches',
      tags: ['search'],
      security,
      responses: { 200: jsonContent(SavedSearchList), ...problemResponses(401) },
    }),
    async (c) => c.json(await listSaved(c.get('deps'), requireUser(c).id), 200),
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/me/saved-searches/{id}',
      tags: ['search'],
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 404) },
    }),
    async (c) => {
      await removeSaved(c.get('deps'), requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return r;
}
