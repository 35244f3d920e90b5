// Notes: publish, read, edit, delete; like and collect. Handlers: parse → authorize → service → present.
import { createRoute } from '@hono/zod-openapi';
import { type Ctx, IdParam, jsonBody, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { recordView } from '../discovery/signals.ts';
import { setReaction } from './reactions.ts';
import { Note, NoteInput, NotePatch } from './schema.ts';
import { createNote, deleteNote, getNoteView, updateNote } from './service.ts';

const tags = ['notes'];
const security = [{ Bearer: [] }];
const noContent = { 204: { description: 'Done (idempotent)' } };
const viewerOf = (c: Ctx) => c.get('user')?.id ?? null;

export function notesRoutes() {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/notes',
      tags,
      security,
      request: { body: jsonBody(NoteInput) },
      description:
        'Publishes a note. `imageIds` must be your own photos; `itemIds` your own items (403 `not_item_owner` otherwise).',
      responses: { 201: jsonContent(Note, 'Published'), ...problemResponses(400, 401, 422, 429) },
    }),
    async (c) => {
      const user = requireUser(c);
      const deps = c.get('deps');
      const note = await createNote(deps, user.id, c.req.valid('json'));
      return c.json(await getNoteView(deps, note.id, user.id), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/notes/{id}',
      tags,
      request: { params: IdParam },
      responses: { 200: jsonContent(Note), ...problemResponses(404) },
    }),
    async (c) => {
      const note = await getNoteView(c.get('deps'), c.req.valid('param').id, viewerOf(c));
      await recordView(c.get('deps'), viewerOf(c), 'note', note.id); // an interest signal (recommended feed)
      return c.json(note, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/notes/{id}',
      tags,
      security,
      request: { params: IdParam, body: jsonBody(NotePatch) },
      description: 'Edits a note (author only). Fields left out stay as they are.',
      responses: { 200: jsonContent(Note), ...problemResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const user = requireUser(c);
      const deps = c.get('deps');
      const note = await updateNote(deps, user.id, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await getNoteView(deps, note.id, user.id), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/notes/{id}',
      tags,
      security,
      request: { params: IdParam },
      description: 'Deletes a note with its comments, likes and collects (author only).',
      responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      await deleteNote(c.get('deps'), requireUser(c).id, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  for (const [segment, table] of [
    ['like', 'noteLikes'],
    ['collect', 'noteCollects'],
  ] as const) {
    for (const method of ['put', 'delete'] as const) {
      r.openapi(
        createRoute({
          method,
          path: `/notes/{id}/${segment}`,
          tags,
          security,
          request: { params: IdParam },
          description: `${method === 'put' ? 'Adds' : 'Removes'} your ${segment}. Repeating it changes nothing.`,
          responses: { ...noContent, ...problemResponses(401, 404) },
        }),
        async (c) => {
          await setReaction(c.get('deps'), table, requireUser(c).id, c.req.valid('param').id, method === 'put');
          return c.body(null, 204);
        },
      );
    }
  }

  return r;
}
