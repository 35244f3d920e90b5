// Playwright for Jishi: drives the built app (served by the API process started in
// global-setup.ts) in Debian's Chromium at phone size. Self-contained: run it with
//   npx playwright test -c e2e/playwright.config.ts
// Set E2E_BASE_URL to test an app that is already running instead of starting one.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  // As in scripts/test.mjs: in CI (CI=1 or CI=true) a missing browser fails the run; on a
  // developer's machine the specs are skipped with this banner.
  const ci = /^(1|true)$/i.test(process.env.CI ?? '');
  const line = '='.repeat(64);
  console.log(
    `\n${line}\n  E2E ${ci ? 'FAILED (CI is set)' : 'SKIPPED'}: no Chromium at ${CHROMIUM}\n  Install it with: apt-get install -y chromium fonts-wqy-microhei\n${line}\n`,
  );
  process.exit(ci ? 1 : 0);
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  // One server, two cores: run specs one after another.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: process.env.JISHI_E2E_BASE_URL,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    // The built app registers a service worker (the installable app). Specs talk to the live
    // server: no worker in between, so route() sees every request; pwa.spec.ts allows it.
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
