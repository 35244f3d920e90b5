import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createTestApp, expectProblem } from '../../../test/helpers.ts';
import { form, pngBytes } from '../notes/fixtures.ts';

const t = await createTestApp();
const mediaDir = join(t.config.dataDir, 'media');
const filesOnDisk = () => {
  try {
    return readdirSync(mediaDir, { recursive: true }).length;
  } catch {
    return 0;
  }
};
const mediaRows = async () => (await t.db.selectFrom('media').select('id').execute()).length;

/** Asserts the request left no file and no row behind. */
async function refusedCleanly<T>(run: () => Promise<T>): Promise<T> {
  const [files, rows] = [filesOnDisk(), await mediaRows()];
  const r = await run();
  expect(filesOnDisk()).toBe(files);
  expect(await mediaRows()).toBe(rows);
  return r;
}

/** A valid PNG signature and IHDR claiming width×height, with no real pixel data behind it. */
function pngHeaderClaiming(width: number, height: number): Buffer {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, crc]);
  };
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(64)), chunk('IEND', Buffer.alloc(0))]);
}

describe('POST /media', () => {
  it('stores a photo as WebP variants without EXIF/GPS and serves them to the owner, privately', async () => {
    const u = await t.user();
    const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#ffa940' } })
      .withExif({ IFD0: { Make: 'SpyPhone', Model: 'X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 13/1 0/1' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const r = await t.req('POST', '/media', { token: u.token, raw: form(jpeg, 'IMG_0001.jpg', 'image/jpeg') });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      width: 2000,
      height: 1500,
      urls: {
        thumb: `/media/${r.json.id}/thumb.webp`,
        card: `/media/${r.json.id}/card.webp`,
        detail: `/media/${r.json.id}/detail.webp`,
      },
    });
    for (const [variant, px] of [
      ['thumb', 320],
      ['card', 640],
      ['detail', 1280],
    ] as const) {
      const file = await t.app.request(r.json.urls[variant], { headers: { authorization: `Bearer ${u.token}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/webp');
      expect(file.headers.get('cache-control')).toBe('private, no-store');
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(px);
      expect(meta.exif).toBeUndefined();
    }
    const row = await t.db.selectFrom('media').selectAll().where('id', '=', r.json.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ownerId: u.id, kind: 'photo' });
  });

  it('accepts PNG and WebP, and an avatar purpose', async () => {
    const u = await t.user();
    const webp = await sharp(await pngBytes(30, 40))
      .webp()
      .toBuffer();
    const r = await t.req('POST', '/media', { token: u.token, raw: form(webp, 'x.webp', 'image/webp') });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ width: 30, height: 40 });
    const a = await t.req('POST', '/media', {
      token: u.token,
      raw: form(await pngBytes(), 'a.png', 'image/png', { purpose: 'avatar' }),
    });
    expect(a.status).toBe(201);
    expect(a.json.urls).toEqual({ avatar: `/media/${a.json.id}/avatar.webp` });
    const me = await t.req('PATCH', '/me', { token: u.token, body: { avatarId: a.json.id } });
    expect(me.json.avatarUrl).toBe(a.json.urls.avatar);
  });

  it('refuses a renamed non-image with 415 unsupported_media, leaving nothing behind', async () => {
    const u = await t.user();
    const r = await refusedCleanly(() =>
      t.req('POST', '/media', {
        token: u.token,
        raw: form(Buffer.from('%PDF-1.4 not a photo at all'), 'photo.jpg', 'image/jpeg'),
      }),
    );
    expectProblem(r, 415, 'unsupported_media');
  });

  it('refuses a truncated image that passes the sniffing', async () => {
    const u = await t.user();
    const png = await pngBytes(200, 200);
    const r = await refusedCleanly(() => t.req('POST', '/media', { token: u.token, raw: form(png.subarray(0, 40)) }));
    expectProblem(r, 415, 'unsupported_media');
  });

  it('refuses a decompression bomb (a PNG header claiming 50000×50000) before decoding it', async () => {
    const u = await t.user();
    const r = await refusedCleanly(() =>
      t.req('POST', '/media', { token: u.token, raw: form(pngHeaderClaiming(50_000, 50_000)) }),
    );
    expectProblem(r, 422, 'image_too_large');
  });

  it('refuses a 20 MiB upload with 413 payload_too_large, leaving nothing behind', async () => {
    const u = await t.user();
    const big = Buffer.concat([await pngBytes(), Buffer.alloc(20 * 1024 * 1024)]);
    const r = await refusedCleanly(() => t.req('POST', '/media', { token: u.token, raw: form(big) }));
    expectProblem(r, 413, 'payload_too_large');
  });

  it('refuses a body over the limit even when it is streamed without a Content-Length', async () => {
    const u = await t.user();
    const boundary = 'xyzzy';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent === 0) c.enqueue(head);
        if (sent++ < 12) c.enqueue(chunk);
        else c.close();
      },
    });
    const r = await refusedCleanly(async () => {
      const res = await t.app.request('/api/v1/media', {
        method: 'POST',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      return { status: res.status, json: await res.json(), text: '', headers: res.headers };
    });
    expectProblem(r, 413, 'payload_too_large');
  });

  it('refuses visitors, JSON bodies and a form without a file', async () => {
    const u = await t.user();
    expectProblem(await t.req('POST', '/media', { raw: form(await pngBytes()) }), 401, 'unauthenticated');
    expectProblem(
      await t.req('POST', '/media', { token: u.token, body: { file: 'x' } }),
      415,
      'unsupported_media_type',
    );
    const f = new FormData();
    f.append('photo', 'nothing');
    const r = await t.req('POST', '/media', { token: u.token, raw: f });
    expectProblem(r, 400, 'validation_failed');
    expect(r.json.errors[0].path).toBe('file');
    const bad = await t.req('POST', '/media', {
      token: u.token,
      raw: form(await pngBytes(), 'a.png', 'image/png', { purpose: 'banner' }),
    });
    expectProblem(bad, 400, 'validation_failed');
  });

  it('serves 404 for unknown media and unknown variants', async () => {
    expect((await t.app.request('/media/00000000000000ff/card.webp')).status).toBe(404);
    expect((await t.app.request('/media/00000000000000ff/original.webp')).status).toBe(404);
  });
});
