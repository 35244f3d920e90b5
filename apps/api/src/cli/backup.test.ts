// npm run backup / npm run restore as an operator runs them: a server on a temp DATA_DIR with
// members, photos, orders and money moved through the API; a backup taken while it runs; a
// restore onto a fresh directory (and a refusal onto a non-empty one); a second server on the
// restored directory has the same members, orders and ledger, signs the same members in,
// reads their encrypted ID numbers and serves their photos.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { validIdNumber } from '../../test/helpers.ts';
import { runningEmbeddedUrl } from '../db/embedded-attach.ts';
import { freePort } from '../db/embedded.ts';
import { openDatabase } from '../db/index.ts';
import { verifyLedger } from '../modules/ledger/verify.ts';

const MAIN = join(import.meta.dirname, '../main.ts');
const ROOT = join(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'jishi-backup-'));
chmodSync(work, 0o755);
const children: ChildProcess[] = [];
const PASSWORD = 'long-enough-1';

afterAll(() => {
  for (const c of children) {
    try {
      process.kill(-(c.pid as number), 'SIGKILL');
    } catch {}
  }
  rmSync(work, { recursive: true, force: true });
});

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', QUICKSELL_MIN_ACCOUNT_DAYS: '0', ...extra,
});

async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: env(dataDir, { PORT: String(port) }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${log}`);
    if (Date.now() - t0 > 90_000) throw new Error(`server not healthy: ${log}`);
    if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  return { base, child, stop: () => new Promise<void>((ok) => { child.once('exit', () => ok()); child.kill('SIGTERM'); }) };
}

function npm(args: string[], dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: ROOT, env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => ok({ code, out }));
  });
}

function client(base: string) {
  return async (method: string, path: string, token?: string, body?: unknown) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  };
}

/** What must come back identical: members, orders, every ledger balance, the postings. */
async function snapshot(dataDir: string) {
  const url = runningEmbeddedUrl(dataDir);
  if (!url) throw new Error(`no embedded PostgreSQL running in ${dataDir}`);
  const database = openDatabase(url, { max: 2 });
  try {
    const db = database.db;
    return {
      users: await db.selectFrom('users').select(['id', 'username', 'status', 'passwordHash', 'idNumberHash']).orderBy('id').execute(),
      orders: await db.selectFrom('orders').select(['id', 'status', 'total', 'fee', 'buyerId', 'sellerId']).orderBy('id').execute(),
      accounts: await db.selectFrom('ledgerAccounts').select(['id', 'balance']).orderBy('id').execute(),
      postings: await db.selectFrom('ledgerPostings').select(['id', 'fromAccount', 'toAccount', 'amount']).orderBy('id').execute(),
      media: await db.selectFrom('media').select(['id']).orderBy('id').execute(),
      ledger: await verifyLedger(db),
    };
  } finally {
    await database.close();
  }
}

async function until<T>(what: string, fn: () => Promise<T | null>): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() - t0 > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('npm run backup / npm run restore (embedded mode)', () => {
  it('backs up a running server and restores onto an empty data dir: same members, orders and ledger', async () => {
    const t0 = Date.now();
    const live = join(work, 'live');
    mkdirSync(live);
    const a = await startServer(live);
    const req = client(a.base);
    // A market: a verified seller with a photo note and three items, two buyers, orders completed, paid and cancelled.
    const reg = async (username: string) => (await req('POST', '/auth/register', undefined, { username, password: PASSWORD })).json as { user: { id: string }; token: string };
    const seller = await reg('bk_seller');
    expect((await req('POST', '/me/verification', seller.token, { realName: '王小明', idNumber: validIdNumber() })).status).toBe(200);
    const card = { kind: 'bank_card', bank: 'CMB', account: '6222021234567890128', holderName: '王小明' };
    expect((await req('POST', '/me/payout-methods', seller.token, card)).status).toBe(201);
    const form = new FormData();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#ff2442' } }).png().toBuffer();
    form.append('file', new File([new Uint8Array(png)], 'p.png', { type: 'image/png' }));
    const photo = await req('POST', '/media', seller.token, form);
    expect(photo.status).toBe(201);
    expect((await req('POST', '/notes', seller.token, { title: '搬家清仓', imageIds: [photo.json.id] })).status).toBe(201);
    const buyers = [await reg('bk_buyer_1'), await reg('bk_buyer_2')];
    const orders: string[] = [];
    for (const [i, b] of [buyers[0], buyers[1], buyers[0]].entries()) {
      const item = await req('POST', '/items', seller.token, { title: `书架 ${i}`, price: 3000 + i * 100, delivery: ['shipping'], shippingFee: 600 });
      expect(item.status).toBe(201);
      const o = await req('POST', '/orders', b?.token, { itemId: item.json.id, delivery: 'shipping', address: { name: '李四', phone: '13800000000', line: '上海市徐汇区 1 号' } });
      expect(o.status).toBe(201);
      orders.push(o.json.id);
      if (i === 2) continue; // left unpaid
      expect((await req('POST', `/orders/${o.json.id}/pay`, b?.token)).status).toBe(200);
      await until('payment', async () => ((await req('GET', `/orders/${o.json.id}`, b?.token)).json.status === 'paid' ? true : null));
    }
    expect((await req('POST', `/orders/${orders[0]}/ship`, seller.token, { carrier: 'SF', trackingNumber: 'SF1234567890' })).status).toBe(200);
    expect((await req('POST', `/orders/${orders[0]}/confirm`, buyers[0]?.token)).status).toBe(200);
    expect((await req('POST', `/orders/${orders[2]}/cancel`, buyers[0]?.token, {})).status).toBe(200);
    const wallet = (await req('GET', '/wallet', seller.token)).json;
    expect(wallet.available).toBeGreaterThan(0);
    expect((await req('POST', '/wallet/withdrawals', seller.token, { amount: 1000 })).status).toBe(201);
    const walletBefore = (await req('GET', '/wallet', seller.token)).json;

    const before = await snapshot(live);
    expect(before.ledger.violations).toEqual([]);
    expect(before.orders.map((o) => o.status).sort()).toEqual(['cancelled', 'completed', 'paid']);

    // Backed up while the server runs.
    const archive = join(work, 'jishi.tar.gz');
    const backup = await npm(['backup', '--', archive], live);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toMatch(/backup .*: \d+ rows in \d+ tables, [1-9]\d* photos .*secrets included/);
    expect(existsSync(archive)).toBe(true);
    expect((await req('GET', '/health')).status).toBe(200); // the server went on

    // Never onto a data dir in use.
    const refused = await npm(['restore', '--', archive], live);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('is not empty');

    const fresh = join(work, 'restored');
    const restore = await npm(['restore', '--', archive], fresh);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('restored');
    await a.stop();

    const b = await startServer(fresh);
    const after = await snapshot(fresh);
    expect(after.ledger.violations).toEqual([]);
    expect(after.users).toEqual(before.users);
    expect(after.orders).toEqual(before.orders);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.postings).toEqual(before.postings);
    expect(after.media).toEqual(before.media);
    expect(after.ledger.stats).toEqual(before.ledger.stats);

    // The members sign in, their encrypted ID data reads with the restored keys, photos are served.
    const req2 = client(b.base);
    const login = await req2('POST', '/auth/login', undefined, { username: 'bk_seller', password: PASSWORD });
    expect(login.status).toBe(200);
    const me = await req2('GET', '/me', login.json.token);
    expect(me.json.verification).toMatchObject({ realName: '王**' });
    expect((await req2('GET', '/wallet', login.json.token)).json).toEqual(walletBefore);
    const pic = await fetch(`${b.base}/media/${photo.json.id}/thumb.webp`);
    expect(pic.status).toBe(200);
    // Ids go on from where they were: a new order gets an id after every restored one.
    const item = await req2('POST', '/items', login.json.token, { title: '新台灯', price: 1000, delivery: ['pickup'] });
    expect(item.status).toBe(201);
    expect(item.json.id > (before.orders.at(-1)?.id ?? '')).toBe(true);
    await b.stop();
    console.log(`[backup] ${backup.out.trim()}\n[restore] ${restore.out.trim()}\n[backup] test ${Date.now() - t0} ms`);
  }, 300_000);
});
