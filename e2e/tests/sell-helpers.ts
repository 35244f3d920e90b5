// Shared set-up for the quick-sell and money-path specs: sellers who may sell, photos made
// on the spot (sharp, from SVG), items listed through the API, a second browser for the buyer.
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, registerViaApi, validIdNumber } from './helpers.ts';

/** A small PNG: a coloured square with a darker circle, distinct per colour. */
export async function photoPng(color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480">
    <rect width="480" height="480" fill="${color}"/>
    <circle cx="240" cy="240" r="130" fill="rgba(0,0,0,0.25)"/>
    <rect x="150" y="300" width="180" height="40" rx="12" fill="#fff" opacity="0.85"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Registers and verifies a member through the API (the server lets any age sell in e2e). */
export async function sellerViaApi(request: APIRequestContext, prefix: string) {
  const creds = await registerViaApi(request, prefix);
  const res = await request.post('/api/v1/me/verification', {
    data: { realName: '王小明', idNumber: validIdNumber() },
  });
  expect(res.status(), await res.text()).toBe(200);
  return creds;
}

export async function uploadViaApi(request: APIRequestContext, png: Buffer): Promise<string> {
  const res = await request.post('/api/v1/media', {
    multipart: { file: { name: 'photo.png', mimeType: 'image/png', buffer: png } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

export async function listViaApi(request: APIRequestContext, item: Record<string, unknown>): Promise<string> {
  const res = await request.post('/api/v1/items', { data: item });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A second member in their own browser context (own cookies), at phone size. */
export async function secondMember(browser: Browser, baseURL: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await ctx.newPage();
  return { ctx, page };
}

/** Fails the test on browser errors in a page the fixture does not watch. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  return errors;
}
