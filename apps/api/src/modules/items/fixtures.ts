// Test factories for items (used by the *.test.ts files of this module and by others that need
// an item or a photo): a seller who may sell, a photo they uploaded, an item through HTTP.
import sharp from 'sharp';
import type { createTestApp } from '../../../test/helpers.ts';
import { storeImage } from '../media/service.ts';

type T = Awaited<ReturnType<typeof createTestApp>>;

export const seller = (t: T) => t.user({ verified: true, ageDays: 200, prefix: 's' });

/** A photo owned by `ownerId`, stored the way uploads are. */
export async function photo(t: T, ownerId: string, { width = 80, height = 60 } = {}) {
  const png = await sharp({ create: { width, height, channels: 3, background: '#ff2442' } }).png().toBuffer();
  return storeImage(t.deps, ownerId, png, 'photo');
}

export const itemBody = (over: Record<string, unknown> = {}) => ({
  title: '九成新布艺沙发转让',
  description: '搬家急出，同城自提',
  price: 4900,
  quantity: 1,
  delivery: ['pickup', 'shipping'],
  shippingFee: 1000,
  category: 'furniture',
  condition: 'like_new',
  ...over,
});

export async function listItem(t: T, token: string, over: Record<string, unknown> = {}) {
  const r = await t.req('POST', '/items', { token, body: itemBody(over) });
  if (r.status !== 201) throw new Error(`create item failed: ${r.status} ${r.text}`);
  return r.json;
}
