// Photos on an S3-compatible store (STORAGE=s3): the same API, against a real S3 server
// (s3rver, in this process) through @aws-sdk/client-s3. Local disk is covered by media.test.ts.
import { createServer } from 'node:net';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { startLocalS3 } from '../../../test/s3.ts';
import { ConfigError, readConfig } from '../../config.ts';
import { form, pngBytes } from '../notes/fixtures.ts';

const s3 = await startLocalS3();
afterAll(() => s3.close());
const t = await createTestApp({ ...s3.env, S3_PREFIX: 'photos' });

/** A port nothing listens on: a store that is down. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}
const down = await createTestApp({ ...s3.env, S3_ENDPOINT: `http://127.0.0.1:${await deadPort()}` });
const rows = async (db: typeof t.db) => (await db.selectFrom('media').select('id').execute()).length;

describe('photos on S3-compatible storage', () => {
  it('stores every variant as an object and serves it back through the same URLs and cache rules', async () => {
    const u = await t.user();
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#36cfc9' } }).jpeg().toBuffer();
    const r = await t.req('POST', '/media', { token: u.token, raw: form(jpeg, 'IMG_2001.jpg', 'image/jpeg') });
    expect(r.status).toBe(201);
    const id = r.json.id as string;
    expect(await s3.keys(`photos/${id}/`)).toEqual([`photos/${id}/card.webp`, `photos/${id}/detail.webp`, `photos/${id}/thumb.webp`]);
    const file = await t.app.request(r.json.urls.card, { headers: { authorization: `Bearer ${u.token}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/webp');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(640);
    // Private until published: a visitor gets the same 404 as for a photo that does not exist.
    expect((await t.app.request(r.json.urls.card)).status).toBe(404);
  });

  it('serves a published photo to anyone with the year-long public cache header', async () => {
    const u = await t.user();
    const a = await t.req('POST', '/media', { token: u.token, raw: form(await pngBytes(), 'a.png', 'image/png', { purpose: 'avatar' }) });
    expect(a.status).toBe(201);
    expect((await t.req('PATCH', '/me', { token: u.token, body: { avatarId: a.json.id } })).status).toBe(200);
    const file = await t.app.request(a.json.urls.avatar);
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await sharp(Buffer.from(await file.arrayBuffer())).metadata()).width).toBe(256);
  });

  it('removes the objects of an erased account', async () => {
    const u = await t.user();
    const ids: string[] = [];
    for (const color of ['#ff0000', '#00ff00']) {
      const r = await t.req('POST', '/media', { token: u.token, raw: form(await pngBytes(80, 60, color)) });
      expect(r.status).toBe(201);
      ids.push(r.json.id);
    }
    const other = await t.user();
    const kept = await t.req('POST', '/media', { token: other.token, raw: form(await pngBytes()) });
    for (const id of ids) expect(await s3.keys(`photos/${id}/`)).toHaveLength(3);
    expect((await t.req('DELETE', '/me', { token: u.token, body: { password: 'correct-horse-9' } })).status).toBe(204);
    for (const id of ids) expect(await s3.keys(`photos/${id}/`)).toEqual([]);
    expect(await s3.keys(`photos/${kept.json.id}/`)).toHaveLength(3);
  });

  it('answers 503 storage_unavailable when the store is down, and writes no row', async () => {
    const u = await down.user();
    const before = await rows(down.db);
    const r = await down.req('POST', '/media', { token: u.token, raw: form(await pngBytes()) });
    expectProblem(r, 503, 'storage_unavailable');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(await rows(down.db)).toBe(before);
  });

  it('answers 503 (not 500, not 404) for a stored photo once the store goes down', async () => {
    const own = await startLocalS3();
    const f = await createTestApp(own.env);
    const u = await f.user();
    const r = await f.req('POST', '/media', { token: u.token, raw: form(await pngBytes()) });
    expect(r.status).toBe(201);
    const auth = { headers: { authorization: `Bearer ${u.token}` } };
    expect((await f.app.request(r.json.urls.card, auth)).status).toBe(200);
    await own.close();
    const file = await f.app.request(r.json.urls.card, auth);
    expect(file.status).toBe(503);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect((await file.json()).code).toBe('storage_unavailable');
  });
});

describe('storage settings', () => {
  const bad = (env: Record<string, string>) => {
    try {
      readConfig(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('defaults to local disk and reads a full S3 setting', () => {
    expect(readConfig({}).storage).toEqual({ kind: 'local' });
    expect(readConfig({ ...s3.env, S3_PREFIX: 'a/b' }).storage).toEqual({
      kind: 's3', endpoint: s3.endpoint, bucket: 'jishi-media', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, prefix: 'a/b/',
    });
  });
  it('stops on a bad combination with one line naming the variable', () => {
    expect(bad({ STORAGE: 's3' })).toBe('Invalid STORAGE="s3": expected S3_BUCKET to be set as well');
    expect(bad({ S3_BUCKET: 'photos' })).toMatch(/^Invalid S3_BUCKET: set only with STORAGE=s3/);
    expect(bad({ STORAGE: 's3', S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'k' })).toMatch(/^Invalid S3_ACCESS_KEY_ID: expected S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together/);
    expect(bad({ STORAGE: 'ftp' })).toBe('Invalid STORAGE="ftp": expected one of local, s3');
    expect(bad({ STORAGE: 's3', S3_BUCKET: 'Bad_Bucket' })).toMatch(/^Invalid S3_BUCKET="Bad_Bucket": expected an S3 bucket name/);
    expect(bad({ STORAGE: 's3', S3_BUCKET: 'photos', S3_ENDPOINT: 'minio:9000' })).toMatch(/^Invalid S3_ENDPOINT="minio:9000"/);
  });
});
