// GET /notifications, GET /notifications/unread-count, POST /notifications/read. Members only;
// every query is scoped to the caller, so another member's entries are neither listed nor marked.
import { createRoute } from '@hono/zod-openapi';
import { jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { ListQuery, NotificationPage, ReadBody, UnreadCount } from './schema.ts';
import { listNotifications, markRead, unreadCount } from './service.ts';

const tags = ['notifications'];
const security = [{ Bearer: [] }];

export function notificationsRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags,
      security,
      request: { query: ListQuery },
      description: 'The caller’s notifications, newest activity first (keyset), with the unread count.',
      responses: { 200: jsonContent(NotificationPage), ...problemResponses(400, 401) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      return c.json(await listNotifications(c.get('deps'), me, c.req.valid('query')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notifications/unread-count',
      tags,
      security,
      description: 'The bell: how many entries are unread (one query on a partial index).',
      responses: { 200: jsonContent(UnreadCount), ...problemResponses(401) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      return c.json({ unreadCount: await unreadCount(c.get('deps'), me) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags,
      security,
      request: { body: { ...jsonBody(ReadBody), required: false } },
      description: 'Marks the caller’s entries read: those in `ids`, or all when `ids` is absent. Ids that are not the caller’s are ignored.',
      responses: { 204: { description: 'Done (idempotent)' }, ...problemResponses(400, 401) },
    }),
    async (c) => {
      const me = requireUser(c).id;
      await markRead(c.get('deps'), me, c.req.valid('json')?.ids);
      return c.body(null, 204);
    },
  );

  return r;
}
