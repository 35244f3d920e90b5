// Comments and replies. Reading is public; writing needs a member.
import { createRoute } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { createComment, deleteComment, listComments, listReplies, presentNewComment } from './comments-service.ts';
import { Comment, CommentInput, CommentsQuery, PageQuery, pageOf, Reply } from './schema.ts';

const tags = ['comments'];
const security = [{ Bearer: [] }];
const viewerOf = (c: Ctx) => c.get('user')?.id ?? null;

export function commentRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/notes/{id}/comments',
      tags,
      security,
      request: { params: IdParam, body: jsonBody(CommentInput) },
      description:
        'Comments on a note, or replies (`parentId`): a reply to a reply joins its top-level thread and names `replyToUser`.',
      responses: { 201: jsonContent(Comment, 'Posted'), ...problemResponses(400, 401, 404, 422, 429) },
    }),
    async (c) => {
      const user = requireUser(c);
      const deps = c.get('deps');
      const { comment, noteAuthorId } = await createComment(
        deps,
        user.id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(await presentNewComment(deps, comment, user.id, noteAuthorId), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notes/{id}/comments',
      tags,
      request: { params: IdParam, query: CommentsQuery },
      description:
        'Top-level comments, newest first (or `sort=oldest`), each with its first 3 replies and `replyCount`.',
      responses: { 200: jsonContent(pageOf(Comment, 'CommentPage')), ...problemResponses(400, 404) },
    }),
    async (c) =>
      c.json(await listComments(c.get('deps'), c.req.valid('param').id, viewerOf(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/comments/{id}/replies',
      tags,
      request: { params: IdParam, query: PageQuery },
      description: 'All visible replies of a top-level comment, oldest first.',
      responses: { 200: jsonContent(pageOf(Reply, 'ReplyPage')), ...problemResponses(400, 404) },
    }),
    async (c) =>
      c.json(await listReplies(c.get('deps'), c.req.valid('param').id, viewerOf(c), c.req.valid('query')), 200),
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/comments/{id}',
      tags,
      security,
      request: { params: IdParam },
      description:
        "Deletes a comment (its author or the note's author). Replies stay readable; repeating it changes nothing.",
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteComment(c.get('deps'), requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return r;
}
