// Shared bits for the specs: the base URL chosen by global-setup, screenshots, unique
// names, valid resident ID numbers and a direct API sign-up.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, type Page, test as base, expect } from '@playwright/test';

export const PASSWORD = 'e2e-password-2026';

// global-setup picks the port at run time, after the config was first read; take it from the
// environment it leaves for the workers.
export const test = base.extend<{ pageErrors: string[]; failedRequestsAreErrors: boolean }>({
  baseURL: async ({ baseURL }, use) => {
    await use(process.env.JISHI_E2E_BASE_URL ?? baseURL);
  },
  // Strict: a failed request ("Failed to load resource", any 4xx/5xx or network failure) is an
  // error too. Set it (test.use) where nothing fails on purpose — a visitor's pages, which ask
  // GET /session and never get a 401. Off by default: many specs provoke 4xx on purpose.
  failedRequestsAreErrors: [false, { option: true }],
  // Every test fails on an uncaught script error or a CSP violation (default-src 'self').
  pageErrors: [
    async ({ page, failedRequestsAreErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (failedRequestsAreErrors || !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
      });
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/**
 * Saves e2e/screenshots/<name>.png of what the phone shows (the viewport, with the fixed tab
 * bar where it really is). `bottom: true` scrolls to the end first.
 */
export async function shot(page: Page, name: string, opts: { bottom?: boolean } = {}) {
  await page.evaluate((bottom) => window.scrollTo(0, bottom ? document.body.scrollHeight : 0), !!opts.bottom);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

/** A username unique to this run: 3–20 of [A-Za-z0-9_]. */
export function uniqueUsername(prefix: string): string {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  return `${prefix}_${suffix}`.slice(0, 20);
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character for the first 17 digits. */
export function checkChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] ?? 0), 0);
  return CHECK[sum % 11] as string;
}

/**
 * A valid ID number: Beijing (1101…), born in 1990, with random district digits, birth date and
 * sequence — 33.6 million numbers, so the specs of one run (one server, one ID number per
 * account) never draw the same one.
 */
export function validIdNumber(): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `1990${two(randomInt(1, 13))}${two(randomInt(1, 29))}`;
  const body = `1101${two(randomInt(0, 100))}${date}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const right = id.slice(-1);
  const wrong = [...CHECK].find((c) => c !== right) as string;
  return id.slice(0, 17) + wrong;
}

/** Registers a member through the API (not the browser) and returns the credentials. */
export async function registerViaApi(request: APIRequestContext, prefix: string) {
  const username = uniqueUsername(prefix);
  const res = await request.post('/api/v1/auth/register', { data: { username, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  return { username, password: PASSWORD };
}

export async function logIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Operator specs run `npm run admin:grant` on the database of the server global-setup started;
 *  against E2E_BASE_URL (someone else's server) that database is not ours: skip. */
export function needsOwnServer() {
  test.skip(!process.env.JISHI_E2E_DATA_DIR, 'needs the DATA_DIR of the server global-setup started (not E2E_BASE_URL)');
}

/** The first operator, made the way the README says: admin:grant on the running server's database. */
export function grantRole(username: string, role: 'admin' | 'moderator'): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const grant = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/admin-grant.ts'), username, role], {
    cwd: root, env: { ...process.env, DATA_DIR: process.env.JISHI_E2E_DATA_DIR, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000,
  });
  expect(grant.status, grant.stderr).toBe(0);
  return grant.stdout;
}
