// Follows: PUT/DELETE /users/:id/follow (idempotent) and the followers / following lists.
import { createRoute } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { listFollows } from './follows.ts';
import { setFollow } from './reactions.ts';
import { FollowUser, PageQuery, pageOf } from './schema.ts';

const tags = ['follows'];
const security = [{ Bearer: [] }];
const viewerOf = (c: Ctx) => c.get('user')?.id ?? null;

export function followRoutes() {
  const r = newRouter();

  for (const method of ['put', 'delete'] as const) {
    r.openapi(
      createRoute({
        method,
        path: '/users/{id}/follow',
        tags,
        security,
        request: { params: IdParam },
        description: `${method === 'put' ? 'Follows' : 'Unfollows'} a member. Repeating it changes nothing; yourself: 422 \`cannot_follow_self\`.`,
        responses: { 204: { description: 'Done (idempotent)' }, ...problemResponses(401, 404, 422) },
      }),
      async (c) => {
        await setFollow(c.get('deps'), requireUser(c).id, c.req.valid('param').id, method === 'put');
        return c.body(null, 204);
      },
    );
  }

  const FollowPage = pageOf(FollowUser, 'FollowPage');
  for (const side of ['followers', 'following'] as const) {
    r.openapi(
      createRoute({
        method: 'get',
        path: `/users/{id}/${side}`,
        tags,
        request: { params: IdParam, query: PageQuery },
        responses: { 200: jsonContent(FollowPage), ...problemResponses(400, 404) },
      }),
      async (c) =>
        c.json(await listFollows(c.get('deps'), c.req.valid('param').id, side, viewerOf(c), c.req.valid('query')), 200),
    );
  }

  return r;
}
