// Private chat photos (issue 9, hole 3) in the browser: a photo sent in a conversation loads
// in both members' pages (the session cookie authenticates the <img>), while a stranger and a
// visitor get 404 for the same URL; an item's photo stays public and cacheable.
import type { Page } from '@playwright/test';
import { meViaApi } from './community-helpers.ts';
import { expect, registerViaApi, test } from './helpers.ts';
import { listViaApi, photoPng, secondMember, sellerViaApi, uploadViaApi, watchErrors } from './sell-helpers.ts';

/** Waits for the conversation's photo and returns its URL once the browser has decoded it. */
async function loadedPhoto(page: Page): Promise<string> {
  const img = page.getByTestId('conversation').locator('[data-kind="photo"] img').last();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  return new URL((await img.getAttribute('src')) as string, page.url()).pathname;
}

test('a chat photo shows for both members and is 404 to a stranger and a visitor', async ({ page, browser, baseURL, playwright }) => {
  test.setTimeout(90_000);
  await sellerViaApi(page.request, 'photo_s');
  const seller = await meViaApi(page.request);
  const itemPhoto = await uploadViaApi(page.request, await photoPng('#76a5af'));
  const itemId = await listViaApi(page.request, {
    title: '复古胶片相机',
    price: 32000,
    delivery: ['pickup'],
    category: 'other',
    condition: 'light_wear',
    imageIds: [itemPhoto],
  });

  const buyer = await secondMember(browser, baseURL as string);
  const buyerErrors = watchErrors(buyer.page);
  await registerViaApi(buyer.page.request, 'photo_b');
  const conv = await buyer.page.request.post('/api/v1/conversations', { data: { peerId: seller.id, itemId } });
  const convId = ((await conv.json()) as { id: string }).id;
  const ask = await buyer.page.request.post(`/api/v1/conversations/${convId}/messages`, { data: { text: '能看看实拍吗？' } });
  expect(ask.status(), await ask.text()).toBe(201);
  const mediaId = await uploadViaApi(page.request, await photoPng('#e69138'));
  const sent = await page.request.post(`/api/v1/conversations/${convId}/messages`, { data: { mediaId } });
  expect(sent.status(), await sent.text()).toBe(201);

  await page.goto(`/messages/${convId}`);
  const url = await loadedPhoto(page);
  await buyer.page.goto(`/messages/${convId}`);
  expect(await loadedPhoto(buyer.page)).toBe(url);

  // Members fetch it privately; nobody else can tell it exists.
  const mine = await page.request.get(url);
  expect(mine.status()).toBe(200);
  expect(mine.headers()['cache-control']).toBe('private, no-store');
  expect((await buyer.page.request.get(url)).status()).toBe(200);
  const stranger = await playwright.request.newContext({ baseURL });
  await registerViaApi(stranger, 'photo_x');
  expect((await stranger.get(url)).status()).toBe(404);
  const visitor = await playwright.request.newContext({ baseURL });
  const hidden = await visitor.get(url);
  expect(hidden.status()).toBe(404);
  expect(hidden.headers()['cache-control']).toBe('private, no-store');

  // The item's photo is public.
  const item = (await (await visitor.get(`/api/v1/items/${itemId}`)).json()) as { images: { url: string }[] };
  const pub = await visitor.get(item.images[0]?.url as string);
  expect(pub.status()).toBe(200);
  expect(pub.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

  await Promise.all([stranger.dispose(), visitor.dispose()]);
  expect(buyerErrors, 'errors in the buyer’s console').toEqual([]);
  await buyer.ctx.close();
});
