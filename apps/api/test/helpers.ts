// Test fixtures: a fresh database per test file (cloned from the migrated template), the real
// app built on it, a small HTTP client over app.request, and factories for members.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, inject } from 'vitest';
import { buildApp, sandboxDelivery } from '../src/app.ts';
import { type Config, readConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { DAY_MS, fixedOffsetClock } from '../src/lib/clock.ts';
import type { Deps } from '../src/lib/http.ts';
import { secretsFromKeys } from '../src/lib/secrets.ts';
import { openMediaStore } from '../src/lib/storage.ts';
import { checkDigit } from '../src/modules/accounts/id-number.ts';
import { createHub } from '../src/lib/realtime.ts';
import { liveConfig } from '../src/modules/admin/settings.ts';
import { sandboxPayouts } from '../src/modules/ledger/payouts.ts';
import { type SandboxGateway, sandboxGateway } from '../src/modules/orders/gateway.ts';

export type Res = { status: number; json: any; text: string; headers: Headers };

export async function cloneDatabase(): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE jishi_test_template`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestApp(env: Record<string, string> = {}, opts: { providers?: Partial<Deps['providers']>; gateway?: (key: Buffer, now: () => number) => SandboxGateway } = {}) {
  const url = await cloneDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'jishi-test-data-'));
  chmodSync(dataDir, 0o755);
  // Fixtures list many look-alike items per seller; the guard's own tests turn it on. Fixtures
  // also change roles, statuses and sessions straight in the database, which no hub signal tells
  // the session cache about: it is off here, and its own tests (modules/accounts) turn it on.
  const config: Config = readConfig({ QUICKSELL_MIN_ACCOUNT_DAYS: '0', LOG_LEVEL: 'silent', PRO_SELLER_GUARD: 'false', SESSION_CACHE_MS: '0', ...env, DATA_DIR: dataDir, DATABASE_URL: url });
  const database = openDatabase(url, { max: 30 });
  const clock = fixedOffsetClock();
  const hub = createHub(url, pino({ level: 'silent' }));
  await hub.start();
  const secrets = secretsFromKeys(randomBytes(32), randomBytes(32));
  const gateway = opts.gateway?.(secrets.signingKey, () => clock.now().getTime()) ?? sandboxGateway({ signingKey: secrets.signingKey, now: () => clock.now().getTime() });
  const deps: Deps = {
    db: database.db,
    config: liveConfig(config, database.db),
    clock,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    secrets,
    media: openMediaStore(config),
    providers: { payouts: sandboxPayouts(), payments: gateway, ...opts.providers },
    hub,
  };
  const app = buildApp(deps);
  gateway.connect(sandboxDelivery(app));

  async function req(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: BodyInit } = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: BodyInit | undefined = opts.raw;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const r = await app.request(`/api/v1${path}`, { method, headers, body });
    const text = await r.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    return { status: r.status, json, text, headers: r.headers };
  }

  let seq = 0;
  /** A card number the sandbox payout provider verifies (Luhn-valid, not on its rejected list). */
  const SANDBOX_CARD = '6222021234567890128';
  /**
   * Registers a member; `verified` passes real-name verification, `ageDays` backdates the account.
   * Every member gets a payout method (a sandbox bank card, added through POST /me/payout-methods)
   * so withdrawals work as for a member who set one up; `payoutMethod: false` leaves it out.
   */
  async function user(opts: { verified?: boolean; ageDays?: number; prefix?: string; payoutMethod?: boolean } = {}) {
    seq += 1;
    const username = `${opts.prefix ?? 'u'}${seq}_${randomBytes(3).toString('hex')}`;
    const r = await req('POST', '/auth/register', { body: { username, password: 'correct-horse-9', displayName: username } });
    if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.text}`);
    const u = { id: r.json.user.id as string, username, token: r.json.token as string };
    if (opts.ageDays) {
      await deps.db.updateTable('users').set({ createdAt: new Date(Date.now() - opts.ageDays * DAY_MS) }).where('id', '=', u.id).execute();
    }
    if (opts.verified) {
      const v = await req('POST', '/me/verification', { token: u.token, body: { realName: '张三', idNumber: validIdNumber() } });
      if (v.status !== 200) throw new Error(`verification failed: ${v.status} ${v.text}`);
    }
    if (opts.payoutMethod !== false) {
      const body = { kind: 'bank_card', bank: 'CMB', account: SANDBOX_CARD, holderName: '张三' };
      const p = await req('POST', '/me/payout-methods', { token: u.token, body });
      if (p.status !== 201) throw new Error(`payout method failed: ${p.status} ${p.text}`);
    }
    return u;
  }

  afterAll(async () => {
    await hub.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return { app, deps, db: database.db, config, clock, req, user, gateway, url };
}

let idSeq = 0;
/**
 * A valid resident id number (GB 11643 checksum) for someone born on the given date, never the
 * same twice in a test file (one ID number verifies one account): the counter runs through the
 * 3-digit sequence, then the district digits after province 11, ten million numbers per date.
 */
export function validIdNumber(year = 1995, month = '06', day = '15'): string {
  const n = idSeq++;
  const district = String(Math.floor(n / 1000) % 10_000).padStart(4, '0');
  const body = `11${district}${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  return body + checkDigit(body);
}

export function expectProblem(r: Res, status: number, code: string) {
  if (r.status !== status || r.json?.code !== code || !r.headers.get('content-type')?.includes('application/problem+json')) {
    throw new Error(`expected ${status} ${code} problem+json, got ${r.status} ${r.headers.get('content-type')} ${r.text.slice(0, 300)}`);
  }
}
