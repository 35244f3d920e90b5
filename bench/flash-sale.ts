// Flash sale: 1,000 concurrent buyers for 100 units through POST /orders on a real server
// process, next to its floor — a bare node:http + pg server (bench/flash-bare.ts, its own process,
// pool of 20) sending the same statements with the same parameters, captured from the API
// (bench/flash-capture.ts) — and, as extra context, the raw guarded UPDATE and the raw take + order
// (one statement) from a pool in this process. Every round of every kind reads back the units
// ordered, the stock left and the item's state, counts the winners, and throws on an oversell.
// Reports req/s, server CPU ms/request (from /proc) of the API and the bare server, PostgreSQL's
// CPU per request, and the ratio API / bare per round. Run: npx tsx bench/flash-sale.ts (≈1 min)
//   BUYERS=1000 UNITS=100 ROUNDS=5 WARMUP=2 (the first WARMUP rounds are printed, not summed)
//   PROF=dir: the API writes a --cpu-prof profile there (read it with bench/prof-summary.ts)
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { freePort } from '../apps/api/src/db/embedded.ts';
import { openDatabase } from '../apps/api/src/db/index.ts';
import { captureOrderSql } from './flash-capture.ts';

const BUYERS = Number(process.env.BUYERS ?? 1000);
const UNITS = Number(process.env.UNITS ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const WARMUP = Number(process.env.WARMUP ?? Math.min(2, ROUNDS - 1));
const dir = mkdtempSync(join(tmpdir(), 'jishi-flash-'));
chmodSync(dir, 0o755);
const [port, barePort] = [await freePort(), await freePort()];
const prof = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
const children: ChildProcess[] = [];
const start = (args: string[], env: Record<string, string>) => {
  const c = spawn(process.execPath, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(c);
  return c;
};
const api = start([...prof, '--import', 'tsx', join(import.meta.dirname, '../apps/api/src/main.ts')], {
  DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO: 'false', QUICKSELL_MIN_ACCOUNT_DAYS: '0', NODE_ENV: 'production',
});
// A process's CPU time (user + system, ms) from /proc: CPU per request does not depend on how
// busy the machine is, req/s does (the 2 cores are shared with the load generator and others).
const stat = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
const cpuMs = (pid: number | string) => {
  const f = stat(pid);
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
// PostgreSQL's CPU: the postmaster and its children (backends, writers), as far as they still run.
const pgCpuMs = (postmaster: number) => {
  let sum = 0;
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (p === String(postmaster) || stat(p)[1] === String(postmaster)) sum += cpuMs(p);
    } catch {} // exited meanwhile
  }
  return sum;
};
const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const waitFor = async (url: string) => {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url, { method: 'POST' })).status < 500) return;
    } catch {}
    if (i > 600) throw new Error(`${url} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

type Round = { rps: number; cpu: number; db: number; won: number; p50: number; p99: number };
try {
  await waitFor(`http://127.0.0.1:${port}/api/v1/health`);
  const pidFile = readFileSync(join(dir, 'pg/postmaster.pid'), 'utf8').split('\n');
  const postmaster = Number(pidFile[0]);
  const url = `postgres://postgres:${encodeURIComponent(readFileSync(join(dir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pidFile[3]}/jishi`;
  const { db, pool, close } = openDatabase(url, { max: 20 });
  // Members straight into the database: the bench measures checkout, not argon2.
  const seller = await db.insertInto('users').values({ username: 'flash_seller', passwordHash: 'x', displayName: '卖家', createdAt: new Date(0), verifiedAt: new Date(), idNumberEnc: 'x' }).returning('id').executeTakeFirstOrThrow();
  const users = await db.insertInto('users')
    .values(Array.from({ length: BUYERS }, (_, i) => ({ username: `fb_${i}`, passwordHash: 'x', displayName: `买家${i}` })))
    .returning('id').execute();
  const buyers = users.map((u) => ({ id: u.id, token: `js_${randomBytes(24).toString('base64url')}` }));
  await db.insertInto('sessions')
    .values(buyers.map((b) => ({ tokenHash: createHash('sha256').update(b.token).digest('hex'), userId: b.id, expiresAt: new Date(Date.now() + 86_400_000) })))
    .execute();

  // The floor: the API's statements for this request, captured, then served by node:http + pg.
  const spec = await captureOrderSql(url, join(dir, 'capture'), db, pool, seller.id, buyers.slice(0, 2));
  mkdirSync(join(dir, 'bare'));
  writeFileSync(join(dir, 'bare/spec.json'), JSON.stringify(spec));
  const bare = start(['--import', 'tsx', join(import.meta.dirname, 'flash-bare.ts'), join(dir, 'bare/spec.json')], { DATABASE_URL: url, PORT: String(barePort) });
  await waitFor(`http://127.0.0.1:${barePort}/health`);

  const newItem = (title: string) =>
    db.insertInto('items').values({ sellerId: seller.id, title, price: 3900, quantity: UNITS, available: UNITS, delivery: ['pickup'], category: 'anime' }).returning('id').executeTakeFirstOrThrow();
  // Every kind of round is checked the same way: units ordered (or won) = UNITS, stock 0 and sold out.
  const check = async (kind: string, itemId: string, won: number, orders = true) => {
    const n = orders ? Number((await db.selectFrom('orders').select((eb) => eb.fn.sum<number>('quantity').as('n')).where('itemId', '=', itemId).executeTakeFirstOrThrow()).n) : won;
    const left = await db.selectFrom('items').select(['available', 'status']).where('id', '=', itemId).executeTakeFirstOrThrow();
    if (n !== UNITS || won !== UNITS || left.available !== 0 || left.status !== 'sold_out') {
      throw new Error(`${kind}: OVERSELL or undersell: ${won} won, ${n} units ordered, ${left.available} left (${left.status})`);
    }
    return { n, left: left.available };
  };
  const rows: string[] = [];
  // One round: all buyers at once, each on its own keep-alive connection (an Agent per server).
  const httpRound = async (kind: string, base: string, agent: Agent, pid: number, round: number): Promise<Round> => {
    const item = await newItem(`限量谷子 ${kind} ${round}`);
    const lat: number[] = [];
    let [created, soldOut, other] = [0, 0, 0];
    const [cpu0, db0] = [cpuMs(pid), pgCpuMs(postmaster)];
    const t0 = performance.now();
    await Promise.all(buyers.map(async ({ token }) => {
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
      else other++;
    }));
    const wall = performance.now() - t0;
    const [cpu, dbCpu] = [(cpuMs(pid) - cpu0) / BUYERS, (pgCpuMs(postmaster) - db0) / BUYERS];
    if (other) throw new Error(`${kind} round ${round}: ${other} answers neither 201 nor 409`);
    const { n, left } = await check(`${kind} round ${round}`, item.id, created);
    const rps = BUYERS / (wall / 1000);
    rows.push(`| ${kind} round ${round} | ${BUYERS} | ${created} | ${soldOut} | ${n} | ${left} | ${rps.toFixed(0)} req/s, ${(created / (wall / 1000)).toFixed(0)} orders/s | ${cpu.toFixed(2)} / ${dbCpu.toFixed(2)} | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} |`);
    return { rps, cpu, db: dbCpu, won: created, p50: pct(lat, 50), p99: pct(lat, 99) };
  };
  // A raw round: 1,000 statements at once from this process's pool of 20, no HTTP.
  const rawRound = async (kind: string, round: number, orders: boolean, run: (itemId: string, i: number) => Promise<{ rowCount: number | null }>) => {
    const item = await newItem(`基线 ${kind} ${round}`);
    const lat: number[] = [];
    let won = 0;
    const db0 = pgCpuMs(postmaster);
    const t0 = performance.now();
    await Promise.all(buyers.map(async (_b, i) => {
      const s = performance.now();
      if ((await run(item.id, i)).rowCount === 1) won++;
      lat.push(performance.now() - s);
    }));
    const wall = performance.now() - t0;
    const dbCpu = (pgCpuMs(postmaster) - db0) / BUYERS;
    const { n, left } = await check(`${kind} round ${round}`, item.id, won, orders);
    const rps = BUYERS / (wall / 1000);
    rows.push(`| ${kind} round ${round} | ${BUYERS} | ${won} | ${BUYERS - won} | ${n} | ${left} | ${rps.toFixed(0)} stmt/s | – / ${dbCpu.toFixed(2)} | ${pct(lat, 50).toFixed(0)} | ${pct(lat, 99).toFixed(0)} |`);
    return rps;
  };
  const guardedUpdate = (itemId: string) => pool.query('UPDATE items SET available = available - 1 WHERE id = $1 AND available >= 1', [itemId]);
  const takeOrder = (itemId: string, i: number) =>
    pool.query(
      `WITH take AS (
         UPDATE items SET available = available - 1 WHERE id = $1 AND available >= 1 AND status = 'on_sale'
         RETURNING id, seller_id, price, title, category, condition, version)
       INSERT INTO orders (item_id, buyer_id, seller_id, quantity, unit_price, item_total, shipping_fee, total, fee, seller_proceeds, fee_bps,
                           delivery, item_snapshot, status, pickup_code, expires_at)
       SELECT id, $2, seller_id, 1, price, price, 0, price, price / 100, price - price / 100, 100, 'pickup',
              jsonb_build_object('title', title, 'category', category, 'condition', condition, 'version', version),
              'pending_payment', $3, now() + interval '15 minutes'
       FROM take RETURNING id`,
      [itemId, buyers[i]?.id, String(100000 + i).slice(-6)],
    );

  // The servers' rounds back to back (their connections stay alive between rounds), then the raw ones.
  const apiAgent = new Agent({ connections: BUYERS, pipelining: 1 });
  const bareAgent = new Agent({ connections: BUYERS, pipelining: 1 });
  const load: number[][] = [];
  const apiR: Round[] = [];
  const bareR: Round[] = [];
  const rawU: number[] = [];
  const rawT: number[] = [];
  load.push(loadavg());
  for (let r = 1; r <= ROUNDS; r++) apiR.push(await httpRound('API', `http://127.0.0.1:${port}`, apiAgent, api.pid as number, r));
  for (let r = 1; r <= ROUNDS; r++) bareR.push(await httpRound('bare server', `http://127.0.0.1:${barePort}`, bareAgent, bare.pid as number, r));
  load.push(loadavg());
  for (let r = 1; r <= ROUNDS; r++) rawU.push(await rawRound('raw UPDATE', r, false, guardedUpdate));
  for (let r = 1; r <= ROUNDS; r++) rawT.push(await rawRound('raw take + order', r, true, takeOrder));
  load.push(loadavg());
  await Promise.all([apiAgent.close(), bareAgent.close(), close()]);

  console.log(`load average (1 / 5 / 15 min) before, after the servers' rounds, at the end: ${load.map((l) => l.map((x) => x.toFixed(2)).join(' / ')).join(' → ')}\n`);
  console.log('| run | buyers | won | 409 out_of_stock | units ordered | left | throughput | CPU ms/req server / PostgreSQL | p50 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\n| round | API req/s | bare req/s | API / bare | API CPU ms/req | bare CPU ms/req | PostgreSQL CPU ms/req API / bare | raw UPDATE stmt/s | raw take + order stmt/s | oversell |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (let i = 0; i < ROUNDS; i++) {
    const [a, b] = [apiR[i] as Round, bareR[i] as Round];
    console.log(`| ${i + 1}${i < WARMUP ? ' (warm-up)' : ''} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | **${(a.rps / b.rps).toFixed(2)}×** | ${a.cpu.toFixed(2)} | ${b.cpu.toFixed(2)} | ${a.db.toFixed(2)} / ${b.db.toFixed(2)} | ${rawU[i]?.toFixed(0)} | ${rawT[i]?.toFixed(0)} | 0 |`);
  }
  const kept = (xs: Round[]) => xs.slice(WARMUP);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const [ka, kb] = [kept(apiR), kept(bareR)];
  console.log(`\nrounds ${WARMUP + 1}–${ROUNDS}: API ${(sum(ka.map((r) => r.rps)) / ka.length).toFixed(0)} req/s, bare ${(sum(kb.map((r) => r.rps)) / kb.length).toFixed(0)} req/s, ratio ${(sum(ka.map((r) => r.rps)) / sum(kb.map((r) => r.rps))).toFixed(2)}× (per round ${ka.map((r, i) => (r.rps / (kb[i] as Round).rps).toFixed(2)).join(', ')}); server CPU ${(sum(ka.map((r) => r.cpu)) / ka.length).toFixed(2)} vs ${(sum(kb.map((r) => r.cpu)) / kb.length).toFixed(2)} ms/req; 0 oversell in ${4 * ROUNDS} rounds`);
} catch (err) {
  console.error(err); // now: stopping the servers below may take a while
  process.exitCode = 1;
} finally {
  for (const c of children) c.kill('SIGTERM');
  // A server that has not stopped after 15 s is killed (its PostgreSQL stops with the data dir's removal below).
  const stopped = (c: ChildProcess) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null);
  const late = setTimeout(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }, 15_000);
  await Promise.all(children.map(stopped));
  clearTimeout(late);
  rmSync(dir, { recursive: true, force: true });
}
