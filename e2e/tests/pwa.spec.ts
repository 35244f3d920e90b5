// Installable (issue 15): the manifest and its icons served with the right types, iOS tags, a
// service worker that keeps the app shell (and never an API answer), the app opening offline
// after a first visit with a clear offline state in zh-CN and en, and a visitor's pages with
// nothing at all in the console (no failed request either: GET /session answers a visitor 200).
import { expect, shot, test } from './helpers.ts';

test.describe('a visitor', () => {
  test.use({ failedRequestsAreErrors: true });

  test('the home page, search and sign-in log nothing in the console', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    const session = page.waitForResponse((r) => r.url().endsWith('/api/v1/session'));
    await page.goto('/');
    expect((await session).status()).toBe(200);
    await expect(page.getByRole('heading', { name: '集市的担保承诺' })).toBeVisible();
    await page.goto('/search?q=%E4%B9%A6%E6%A1%8C');
    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
    expect(failed).toEqual([]);
    // The fixture (failedRequestsAreErrors) fails the test on any console error as well.
  });
});

test.describe('installed', () => {
  test.use({ serviceWorkers: 'allow' });

  test('installable: manifest, icons, service worker; opens offline and says so', async ({
    page,
    context,
    request,
  }) => {
    const manifestRes = await request.get('/manifest.webmanifest');
    expect(manifestRes.status()).toBe(200);
    expect(manifestRes.headers()['content-type']).toBe('application/manifest+json');
    const manifest = (await manifestRes.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: '集市 Jishi',
      short_name: '集市',
      start_url: '/',
      display: 'standalone',
      theme_color: '#ff2442',
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const src of [...manifest.icons.map((i) => i.src), '/icons/apple-touch-icon.png']) {
      const icon = await request.get(src);
      expect(icon.status(), src).toBe(200);
      expect(icon.headers()['content-type']).toBe('image/png');
    }
    const sw = await request.get('/sw.js');
    expect(sw.headers()['content-type']).toBe('text/javascript');
    expect(sw.headers()['cache-control']).toBe('no-cache');

    // First visit: the page links the manifest and the iOS icon, and the worker takes over.
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');
    await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
    const script = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL ?? '');
    expect(new URL(script).pathname).toBe('/sw.js');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    // What the worker keeps: the shell and hashed assets, never an API answer.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached).toEqual(expect.arrayContaining(['/index.html']));
    expect(cached.some((u) => u.startsWith('/assets/') && u.endsWith('.js'))).toBe(true);
    expect(cached.filter((u) => u.startsWith('/api/') || u.startsWith('/media/'))).toEqual([]);

    // Offline: the app still opens, from the worker's copy, and says it is offline.
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('offline-banner')).toContainText('你已离线');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expect(page.getByTestId('offline-waiting')).toBeVisible();
    // A client-side route opens offline too, and the API is not answered from any cache.
    await page.goto('/search');
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    expect(
      await page.evaluate(() =>
        fetch('/api/v1/session').then(
          () => 'answered',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.goto('/');
    await expect(page.getByTestId('offline-banner')).toBeVisible();
    await shot(page, 'pwa-01-offline');

    // In English as well.
    await page.evaluate(() => localStorage.setItem('jishi.lang', 'en'));
    await page.reload();
    await expect(page.getByTestId('offline-banner')).toContainText('You are offline');
    await shot(page, 'pwa-02-offline-en');

    // Back online: the banner goes and the feed loads.
    await context.setOffline(false);
    await expect(page.getByTestId('offline-banner')).toBeHidden();
  });
});
