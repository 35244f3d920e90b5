// POST /media: one photo per request as multipart/form-data (field `file`). The body limit is
// this route's own (the app's 1 MiB JSON limit skips /media); storeImage does the rest.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../lib/errors.ts';
import { type AppEnv, jsonContent, newRouter, problemResponses, requireUser } from '../../lib/http.ts';
import { presentPhoto } from './presenter.ts';
import { MAX_UPLOAD_BYTES, storeImage } from './service.ts';

/** The photo plus the multipart envelope (boundaries, headers, a small `purpose` field). */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

const tags = ['media'];

const UploadForm = z.object({
  file: z.instanceof(File, { message: 'a file' }).openapi({ type: 'string', format: 'binary' }),
  purpose: z.enum(['photo', 'avatar']).default('photo').openapi({ description: 'avatar: one 256 px square variant' }),
});

const Uploaded = z
  .object({
    id: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    urls: z.partialRecord(z.enum(['thumb', 'card', 'detail', 'avatar']), z.string()).openapi({
      description: 'photo: thumb (320 px), card (640), detail (1280); avatar: avatar (256 square)',
    }),
  })
  .openapi('UploadedMedia');

// Sign-in and the envelope are checked before a byte of the body is read.
const gate = createMiddleware<AppEnv>(async (c, next) => {
  requireUser(c);
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the photo as multipart/form-data in a field named "file".');
  }
  await next();
});

const limit = bodyLimit({
  maxSize: UPLOAD_BODY_LIMIT,
  onError: () => {
    throw new AppError(413, 'payload_too_large', 'A photo may be at most 10 MiB.');
  },
});

export function mediaRoutes() {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/media',
      tags,
      security: [{ Bearer: [] }],
      middleware: [gate, limit] as const,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadForm } } } },
      description:
        'Uploads one JPEG, PNG or WebP photo (≤ 10 MiB, ≤ 40 megapixels). The type is read from the bytes; EXIF and GPS are removed; WebP variants are served from /media/{id}/{variant}.webp: to the owner only (and to the members of a conversation it is sent in) until the owner attaches it to a note or an item or makes it their avatar, then to everyone. The id is random.',
      responses: { 201: jsonContent(Uploaded, 'Stored'), ...problemResponses(400, 401, 413, 415, 422) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { file, purpose } = c.req.valid('form');
      if (file.size > MAX_UPLOAD_BYTES) throw new AppError(413, 'payload_too_large', 'A photo may be at most 10 MiB.');
      const bytes = Buffer.from(await file.arrayBuffer());
      const m = await storeImage(c.get('deps'), user.id, bytes, purpose);
      return c.json(presentPhoto(m, m.variants), 201);
    },
  );
  return r;
}
