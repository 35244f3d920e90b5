// Flash sale: 1,000 concurrent buyers for 100 units through POST /orders on a real server
// process, next to the raw guarded UPDATE and the raw take + order insert (one statement) on the
// same database; every round reads back the units ordered and the stock left. Reports orders/s, latency
// percentiles and the oversell check. Run: npx tsx bench/flash-sale.ts  (≈1 minute)
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { freePort } from '../apps/api/src/db/embedded.ts';
import { openDatabase } from '../apps/api/src/db/index.ts';

const BUYERS = Number(process.env.BUYERS ?? 1000);
const UNITS = Number(process.env.UNITS ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'jishi-flash-'));
chmodSync(dir, 0o755);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// PROF=dir: the server writes a --cpu-prof profile there (read it with bench/prof-summary.ts).
const prof = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
const child: ChildProcess = spawn(process.execPath, [...prof, '--import', 'tsx', join(import.meta.dirname, '../apps/api/src/main.ts')], {
  env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: 'false', QUICKSELL_MIN_ACCOUNT_DAYS: '0', NODE_ENV: 'production' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// The server's CPU time (user + system, ms) from /proc: CPU per request does not depend on how
// busy the machine is, req/s does (the 2 cores are shared with the load generator and others).
const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = readFileSync(join(dir, 'pg/postmaster.pid'), 'utf8').split('\n');
  const url = `postgres://postgres:${encodeURIComponent(readFileSync(join(dir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pid[3]}/jishi`;
  const { db, pool, close } = openDatabase(url, { max: 20 });
  // Members straight into the database: the bench measures checkout, not argon2.
  const seller = await db.insertInto('users').values({ username: 'flash_seller', passwordHash: 'x', displayName: '卖家', createdAt: new Date(0), verifiedAt: new Date(), idNumberEnc: 'x' }).returning('id').executeTakeFirstOrThrow();
  const tokens: string[] = [];
  const users = await db.insertInto('users')
    .values(Array.from({ length: BUYERS }, (_, i) => ({ username: `fb_${i}`, passwordHash: 'x', displayName: `买家${i}` })))
    .returning('id').execute();
  const sessions = users.map((u) => {
    const token = `js_${randomBytes(24).toString('base64url')}`;
    tokens.push(token);
    return { tokenHash: createHash('sha256').update(token).digest('hex'), userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) };
  });
  await db.insertInto('sessions').values(sessions).execute();
  const agent = new Agent({ connections: BUYERS, pipelining: 1 });
  const rows: string[] = [];

  for (let round = 1; round <= ROUNDS; round++) {
    const item = await db.insertInto('items')
      .values({ sellerId: seller.id, title: `限量谷子 ${round}`, price: 3900, quantity: UNITS, available: UNITS, delivery: ['pickup'], category: 'anime' })
      .returning('id').executeTakeFirstOrThrow();
    const lat: number[] = [];
    let created = 0;
    let soldOut = 0;
    const cpu0 = cpuMs(child.pid as number);
    const t0 = performance.now();
    await Promise.all(tokens.map(async (token) => {
      const s = performance.now();
      const r = await request(`${base}/api/v1/orders`, {
        method: 'POST', dispatcher: agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ itemId: item.id, delivery: 'pickup' }),
      });
      await r.body.text();
      lat.push(performance.now() - s);
      if (r.statusCode === 201) created++;
      else if (r.statusCode === 409) soldOut++;
    }));
    const wall = performance.now() - t0;
    const cpu = (cpuMs(child.pid as number) - cpu0) / BUYERS;
    const check = await db.selectFrom('orders').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('itemId', '=', item.id).executeTakeFirstOrThrow();
    const left = await db.selectFrom('items').select('available').where('id', '=', item.id).executeTakeFirstOrThrow();
    rows.push(`| API round ${round} | ${BUYERS} | ${created} | ${soldOut} | ${Number(check.n)} | ${left.available} | ${(BUYERS / (wall / 1000)).toFixed(0)} req/s, ${(created / (wall / 1000)).toFixed(0)} orders/s (server CPU ${cpu.toFixed(2)} ms/req) | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} |`);
    if (Number(check.n) !== UNITS || left.available !== 0) throw new Error(`OVERSELL or undersell: ${check.n} ordered, ${left.available} left`);
  }

  // Baseline: the same guarded UPDATE, straight from a pg pool of 20, with the same concurrency.
  for (let round = 1; round <= ROUNDS; round++) {
    const item = await db.insertInto('items')
      .values({ sellerId: seller.id, title: `基线 ${round}`, price: 3900, quantity: UNITS, available: UNITS, delivery: ['pickup'], category: 'anime' })
      .returning('id').executeTakeFirstOrThrow();
    const lat: number[] = [];
    let won = 0;
    const t0 = performance.now();
    await Promise.all(tokens.map(async () => {
      const s = performance.now();
      const r = await db.updateTable('items').set((eb) => ({ available: eb('available', '-', 1) })).where('id', '=', item.id).where('available', '>=', 1).executeTakeFirst();
      lat.push(performance.now() - s);
      if (r.numUpdatedRows === 1n) won++;
    }));
    const wall = performance.now() - t0;
    // Read back like the API rounds: the stock left on the row, not an assumed 0.
    const left = await db.selectFrom('items').select(['available', 'status']).where('id', '=', item.id).executeTakeFirstOrThrow();
    rows.push(`| raw UPDATE round ${round} | ${BUYERS} | ${won} | ${BUYERS - won} | ${won} | ${left.available} | ${(BUYERS / (wall / 1000)).toFixed(0)} stmt/s | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} |`);
    if (won !== UNITS || left.available !== 0 || left.status !== 'sold_out') {
      throw new Error(`raw round ${round}: OVERSELL or undersell: ${won} won, ${left.available} left (${left.status})`);
    }
  }
  // The floor for the order path: the take and the order in one statement (a CTE), 1,000 at once
  // from the same pool of 20, checked like the API rounds (units ordered and stock left).
  for (let round = 1; round <= ROUNDS; round++) {
    const item = await db.insertInto('items')
      .values({ sellerId: seller.id, title: `基线订单 ${round}`, price: 3900, quantity: UNITS, available: UNITS, delivery: ['pickup'], category: 'anime' })
      .returning('id').executeTakeFirstOrThrow();
    const lat: number[] = [];
    let won = 0;
    const t0 = performance.now();
    await Promise.all(users.map(async (buyer, i) => {
      const s = performance.now();
      const r = await pool.query(
        `WITH take AS (
           UPDATE items SET available = available - 1 WHERE id = $1 AND available >= 1 AND status = 'on_sale'
           RETURNING id, seller_id, price, title, category, condition, version)
         INSERT INTO orders (item_id, buyer_id, seller_id, quantity, unit_price, item_total, shipping_fee, total, fee, seller_proceeds, fee_bps,
                             delivery, item_snapshot, status, pickup_code, expires_at)
         SELECT id, $2, seller_id, 1, price, price, 0, price, price / 100, price - price / 100, 100, 'pickup',
                jsonb_build_object('title', title, 'category', category, 'condition', condition, 'version', version),
                'pending_payment', $3, now() + interval '15 minutes'
         FROM take RETURNING id`,
        [item.id, buyer.id, String(100000 + i).slice(-6)],
      );
      lat.push(performance.now() - s);
      if (r.rowCount === 1) won++;
    }));
    const wall = performance.now() - t0;
    const check = await db.selectFrom('orders').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('itemId', '=', item.id).executeTakeFirstOrThrow();
    const left = await db.selectFrom('items').select('available').where('id', '=', item.id).executeTakeFirstOrThrow();
    rows.push(`| raw take + order round ${round} | ${BUYERS} | ${won} | ${BUYERS - won} | ${Number(check.n)} | ${left.available} | ${(BUYERS / (wall / 1000)).toFixed(0)} stmt/s, ${(won / (wall / 1000)).toFixed(0)} orders/s | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} |`);
    if (Number(check.n) !== UNITS || won !== UNITS || left.available !== 0) throw new Error(`raw order round ${round}: OVERSELL or undersell: ${check.n} ordered, ${left.available} left`);
  }
  await close();
  await agent.close();
  console.log('| run | buyers | won | 409 out_of_stock | units ordered | left | throughput | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
