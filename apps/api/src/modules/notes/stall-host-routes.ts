// The stall host's routes (电子地摊帖): rules, closing, pins. Author of a stall note only.
import { createRoute } from '@hono/zod-openapi';
import { IdParam, jsonBody, jsonContent, type newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { Note } from './schema.ts';
import { getNoteView } from './service.ts';
import { setPinned, setStallClosed, setStallRules } from './stall-host.ts';
import { StallRules } from './stall-rules.ts';

const tags = ['notes'];
const security = [{ Bearer: [] }];
const hostOnly = '403 `not_author` to anyone but the note’s author; 422 `not_a_stall` on other kinds of note.';

/** Added to the stall router (stall-routes.ts), so the module list in app.ts stays as it is. */
export function addStallHostRoutes(r: ReturnType<typeof newRouter>) {
  r.openapi(
    createRoute({
      method: 'put', path: '/notes/{id}/stall/rules', tags, security,
      request: { params: IdParam, body: jsonBody(StallRules) },
      summary: 'Sets the stall host’s rules for item comments',
      description: `Pickup only, an area (a point and a radius), categories, a price cap; all off clears them. An item comment that breaks one is refused 422 \`stall_rule_broken\` with \`rule\` and \`ruleText\` (zh-CN, en). ${hostOnly}`,
      responses: { 200: jsonContent(Note), ...problemResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      const deps = c.get('deps');
      const id = c.req.valid('param').id;
      await setStallRules(deps, user.id, id, c.req.valid('json'));
      return c.json(await getNoteView(deps, id, user.id), 200);
    },
  );

  for (const action of ['close', 'reopen'] as const) {
    r.openapi(
      createRoute({
        method: 'post', path: `/notes/{id}/stall/${action}`, tags, security,
        request: { params: IdParam },
        summary: action === 'close' ? 'Closes the stall: no new item comments (409 `stall_closed`); what was offered stays' : 'Reopens a closed stall',
        description: `Repeating it changes nothing. ${hostOnly}`,
        responses: { 200: jsonContent(Note), ...problemResponses(401, 403, 404, 422) },
      }),
      async (c) => {
        const user = requireUser(c);
        const deps = c.get('deps');
        const id = c.req.valid('param').id;
        await setStallClosed(deps, user.id, id, action === 'close');
        return c.json(await getNoteView(deps, id, user.id), 200);
      },
    );
  }

  for (const method of ['put', 'delete'] as const) {
    r.openapi(
      createRoute({
        method, path: '/comments/{id}/pin', tags: ['comments'], security,
        request: { params: IdParam },
        summary: method === 'put' ? 'Pins a top-level comment of your stall (shown first, at most 3: 409 `too_many_pinned`)' : 'Unpins a comment',
        description: `Repeating it changes nothing. ${hostOnly}`,
        responses: { 204: { description: 'Done' }, ...problemResponses(401, 403, 404, 409, 422) },
      }),
      async (c) => {
        await setPinned(c.get('deps'), requireUser(c).id, c.req.valid('param').id, method === 'put');
        return c.body(null, 204);
      },
    );
  }
}
