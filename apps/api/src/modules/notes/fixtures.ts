// Test factories for the community modules (used by *.test.ts only).
import sharp from 'sharp';
import type { createTestApp } from '../../../test/helpers.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;

export async function pngBytes(width = 64, height = 48, color = '#ff2442'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

export function form(
  bytes: Buffer | Uint8Array,
  name = 'photo.png',
  type = 'image/png',
  extra: Record<string, string> = {},
) {
  const f = new FormData();
  f.append('file', new File([new Uint8Array(bytes)], name, { type }));
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

export async function upload(t: T, token: string, bytes?: Buffer) {
  const r = await t.req('POST', '/media', { token, raw: form(bytes ?? (await pngBytes())) });
  if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${r.text}`);
  return r.json as { id: string; width: number; height: number; urls: Record<string, string> };
}

export async function note(t: T, token: string, body: Record<string, unknown> = {}) {
  const r = await t.req('POST', '/notes', { token, body: { title: '九成新布艺沙发转让', ...body } });
  if (r.status !== 201) throw new Error(`note failed: ${r.status} ${r.text}`);
  return r.json as { id: string; [k: string]: any };
}

export async function comment(t: T, token: string, noteId: string, body: Record<string, unknown> = {}) {
  const r = await t.req('POST', `/notes/${noteId}/comments`, { token, body: { body: '还在吗？', ...body } });
  if (r.status !== 201) throw new Error(`comment failed: ${r.status} ${r.text}`);
  return r.json as { id: string; [k: string]: any };
}

/** Follows a cursor to the end; fails on a loop. */
export async function walk(t: T, path: string, token?: string, limit = 3) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await t.req('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    if (r.status !== 200) throw new Error(`walk ${path}: ${r.status} ${r.text}`);
    ids.push(...r.json.items.map((x: { id: string }) => x.id));
    cursor = r.json.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('cursor never ended');
}
