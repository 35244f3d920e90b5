// Discovery in the browser: search 沙发 near a point (the browser's geolocation), filter by
// price, sort by distance, open the nearest item; the 附近 tab with the browser's position and
// with a chosen district when the position is refused. Screenshots at phone and desktop size
// go to /tmp.
import { expect, test } from './helpers.ts';
import { listViaApi } from './sell-helpers.ts';
import { sellerViaApi } from './sell-helpers.ts';
import { noteViaApi } from './community-helpers.ts';

// Around 静安 (a demo district): the nearest listing sits exactly at the viewer's point.
const HERE = { latitude: 31.2301, longitude: 121.4501 };
const run = Date.now().toString(36).slice(-5);
const titles = {
  near: `北欧布艺沙发 三人位 ${run}`,
  mid: `小户型双人沙发 ${run}`,
  pricey: `头层真皮沙发 ${run}`,
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await sellerViaApi(request, 'sofa');
  const item = (title: string, price: number, lat: number, lng: number) => ({
    title,
    description: '搬家出，自提优先',
    price,
    delivery: ['pickup'],
    category: 'furniture',
    condition: 'light_wear',
    location: { lat, lng, label: '上海 静安' },
  });
  await listViaApi(request, item(titles.mid, 38000, 31.245, 121.45));
  await listViaApi(request, item(titles.pricey, 250000, 31.231, 121.451));
  await listViaApi(request, item(titles.near, 30000, HERE.latitude, HERE.longitude));
  await noteViaApi(request, { title: `静安自提 布艺沙发 ${run}`, body: '楼下自提', location: { lat: 31.232, lng: 121.45, label: '上海 静安' } });
});

test.describe('with the browser position', () => {
  test.use({ geolocation: HERE, permissions: ['geolocation'] });

  test('search 沙发 near me, filter by price, sort by distance, open the nearest', async ({ page }) => {
    await page.goto('/');
    const box = page.getByTestId('search-input').first();
    await box.fill('沙发');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%E6%B2%99%E5%8F%91/);
    await expect(page.getByTestId('search-results')).toBeVisible();
    // Marked words are elements, not HTML.
    await expect(page.locator('.search-mark', { hasText: '沙发' }).first()).toBeVisible();

    await page.getByRole('button', { name: '使用我的位置' }).click();
    await expect(page.getByTestId('position-bar')).toContainText('我的位置');
    await expect(page.getByTestId('distance-badge').first()).toBeVisible();

    await page.getByTestId('open-filters').click();
    await page.getByTestId('filter-max').fill('500');
    await page.getByTestId('filter-apply').click();
    await expect(page).toHaveURL(/maxPrice=50000/);
    await expect(page.getByText(titles.pricey)).toHaveCount(0);

    await page.getByTestId('sort-distance').click();
    await expect(page).toHaveURL(/sort=distance/);
    const first = page.getByTestId('search-result').first();
    await expect(first).toContainText(titles.near);
    await expect(first.getByTestId('distance-badge')).toHaveText(/0\.0 km/);
    const distances = await page.getByTestId('search-result').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-distance'))));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));

    await page.screenshot({ path: '/tmp/search-390.png', fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/search-1280.png', fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });

    await first.click();
    await expect(page).toHaveURL(/\/items\/[0-9a-f]{16}/);
    await expect(page.getByRole('heading', { name: titles.near })).toBeVisible();
  });

  test('a word nobody used shows the no-result state with other words to try', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("qqzzxxvvww")}`);
    await expect(page.getByTestId('search-no-results')).toBeVisible();
    await page.getByRole('button', { name: '自行车' }).click();
    await expect(page).toHaveURL(/q=%E8%87%AA%E8%A1%8C%E8%BD%A6/);
  });

  test('the 附近 tab asks for the position, then lists items and notes nearby', async ({ page }) => {
    await page.goto('/?tab=nearby');
    await expect(page.getByTestId('position-prompt')).toBeVisible();
    await page.getByTestId('use-location').click();
    const strip = page.getByTestId('nearby-items');
    await expect(strip.getByTestId('search-result').first()).toContainText(titles.near);
    await expect(page.getByTestId('note-card').filter({ hasText: `静安自提 布艺沙发 ${run}` })).toBeVisible();
    await page.screenshot({ path: '/tmp/nearby-390.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/nearby-1280.png' });
  });
});

test.describe('without the browser position', () => {
  test.use({ permissions: [] });

  test('the 附近 tab falls back to a chosen district', async ({ page, context }) => {
    await context.clearPermissions();
    await page.goto('/?tab=nearby');
    await page.getByTestId('use-location').click();
    await expect(page.getByRole('alert')).toContainText('没能获取位置');
    await page.getByTestId('district-select').selectOption('sh-jingan');
    await expect(page.getByTestId('position-bar')).toContainText('上海 静安');
    await expect(page.getByTestId('nearby-items').getByTestId('search-result').first()).toBeVisible();
  });
});
