// /items/suggest (smart publish). Hosting is switched with PATCH /items/:id {hosting} in the
// items module; its answers are written by hosting.ts after the buyer's message commits.
import { createRoute } from '@hono/zod-openapi';
import { jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { requireMember } from '../items/eligibility.ts';
import { SuggestBody, SuggestionSchema } from './schema.ts';
import { suggestListing } from './service.ts';

const tags = ['assist'];
const security = [{ Bearer: [] }];

export function assistRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post', path: '/items/suggest', tags, security, middleware: [requireMember] as const,
      request: { body: jsonBody(SuggestBody) },
      responses: {
        200: jsonContent(SuggestionSchema, 'Category, tags, a cleaned title and a price range from comparable completed trades'),
        ...problemResponses(400, 401),
      },
    }),
    async (c) => {
      requireUser(c);
      return c.json(await suggestListing(c.get('deps'), c.req.valid('json')), 200);
    },
  );

  return r;
}
