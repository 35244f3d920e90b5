// Set-up for the community specs: photos of any shape made on the spot (sharp, from SVG) and
// written to a temp dir for the file input, notes published through the API.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { expect } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'jishi-community-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** A PNG "photo": a soft gradient with a few shapes, `w`×`h`, distinct per colour pair. */
export async function scenePng(from: string, to: string, w = 600, h = 800): Promise<Buffer> {
  const r = Math.round(Math.min(w, h) * 0.22);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#g)"/>
    <circle cx="${w * 0.68}" cy="${h * 0.3}" r="${r}" fill="#fff" opacity="0.35"/>
    <rect x="${w * 0.14}" y="${h * 0.58}" width="${w * 0.72}" height="${h * 0.22}" rx="${r * 0.4}" fill="#fff" opacity="0.55"/>
    <rect x="${w * 0.22}" y="${h * 0.5}" width="${w * 0.2}" height="${h * 0.12}" rx="${r * 0.2}" fill="#000" opacity="0.12"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Writes a photo to the temp dir and returns its path, for `setInputFiles`. */
export async function photoFile(name: string, from: string, to: string, w?: number, h?: number): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await scenePng(from, to, w, h));
  return path;
}

export async function uploadScene(request: APIRequestContext, from: string, to: string, w?: number, h?: number) {
  const res = await request.post('/api/v1/media', {
    multipart: { file: { name: 'scene.png', mimeType: 'image/png', buffer: await scenePng(from, to, w, h) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function noteViaApi(request: APIRequestContext, note: Record<string, unknown>): Promise<string> {
  const res = await request.post('/api/v1/notes', { data: note });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function meViaApi(request: APIRequestContext): Promise<{ id: string; displayName: string }> {
  const res = await request.get('/api/v1/me');
  expect(res.status()).toBe(200);
  return (await res.json()) as { id: string; displayName: string };
}

export async function setDisplayName(request: APIRequestContext, displayName: string) {
  const res = await request.patch('/api/v1/me', { data: { displayName } });
  expect(res.status(), await res.text()).toBe(200);
}
