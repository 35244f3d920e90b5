// CPU per `POST /api/v1/orders`, in one process, without the machine's load in the figure: the
// app answers through app.request (no node:http, no sockets to clients) on an embedded
// PostgreSQL, a few requests in flight at a time, and process.cpuUsage() is read around each
// batch. No jobs run (no order-card dispatcher): the request path only. It measures:
//   - the whole app (buildApp, every middleware) — a winner (201) and a loser after the sell-out
//     (409, the item's terms remembered, as for 900 of the flash sale's 1,000 buyers);
//   - the orders router behind the session middleware only, then app.ts's shared middleware
//     added one at a time (the same hono middleware, options and order as app.ts), so each
//     step's difference is what that middleware costs the orders path.
//
//   npx tsx bench/flash-cpu.ts            # N=3000 per batch (winners ≤ 990: an item's stock), best of REPEAT=3
import '@hono/zod-openapi';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import pino from 'pino';
import { buildApp, SECURE_HEADERS } from '../apps/api/src/app.ts';
import { readConfig } from '../apps/api/src/config.ts';
import { startEmbeddedPostgres } from '../apps/api/src/db/embedded.ts';
import { openDatabase } from '../apps/api/src/db/index.ts';
import { migrate } from '../apps/api/src/db/migrate.ts';
import { systemClock } from '../apps/api/src/lib/clock.ts';
import { AppError, toProblem } from '../apps/api/src/lib/errors.ts';
import type { AppEnv, Deps } from '../apps/api/src/lib/http.ts';
import { createMetrics } from '../apps/api/src/lib/metrics.ts';
import { createHub } from '../apps/api/src/lib/realtime.ts';
import { secretsFromKeys } from '../apps/api/src/lib/secrets.ts';
import { openMediaStore } from '../apps/api/src/lib/storage.ts';
import { authenticate } from '../apps/api/src/modules/accounts/sessions.ts';
import { freshSettings, liveConfig } from '../apps/api/src/modules/admin/settings.ts';
import { sandboxPayouts } from '../apps/api/src/modules/ledger/payouts.ts';
import { sandboxGateway } from '../apps/api/src/modules/orders/gateway.ts';
import { ordersRoutes } from '../apps/api/src/modules/orders/routes.ts';

const N = Number(process.env.N ?? 3000);
const REPEAT = Number(process.env.REPEAT ?? 3);
const INFLIGHT = 8;
const dir = mkdtempSync(join(tmpdir(), 'jishi-flash-cpu-'));
chmodSync(dir, 0o755);
const embedded = await startEmbeddedPostgres(join(dir, 'pg'));
const database = openDatabase(embedded.url);
try {
  await migrate(database.pool);
  const config = readConfig({
    DATA_DIR: dir,
    DATABASE_URL: embedded.url,
    LOG_LEVEL: 'error',
    QUICKSELL_MIN_ACCOUNT_DAYS: '0',
  });
  const hub = createHub(embedded.url, pino({ level: 'silent' }));
  await hub.start();
  const secrets = secretsFromKeys(randomBytes(32), randomBytes(32));
  const deps: Deps = {
    db: database.db,
    config: liveConfig(config, database.db),
    clock: systemClock,
    log: pino({ level: 'error' }),
    secrets,
    media: openMediaStore(config),
    providers: { payouts: sandboxPayouts(), payments: sandboxGateway({ signingKey: secrets.signingKey }) },
    hub,
  };
  const { db } = deps;
  const seller = await db
    .insertInto('users')
    .values({
      username: 'cpu_seller',
      passwordHash: 'x',
      displayName: '卖家',
      createdAt: new Date(0),
      verifiedAt: new Date(),
      idNumberEnc: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: 200 }, (_, i) => ({ username: `cb_${i}`, passwordHash: 'x', displayName: `买家${i}` })),
    )
    .returning('id')
    .execute();
  const tokens = users.map(() => `js_${randomBytes(24).toString('base64url')}`);
  await db
    .insertInto('sessions')
    .values(
      users.map((u, i) => ({
        tokenHash: createHash('sha256')
          .update(tokens[i] as string)
          .digest('hex'),
        userId: u.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    )
    .execute();
  const newItem = (units: number) =>
    db
      .insertInto('items')
      .values({
        sellerId: seller.id,
        title: '限量',
        price: 3900,
        quantity: Math.max(units, 1),
        available: units,
        delivery: ['pickup'],
        category: 'anime',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  type Fetcher = { request: (path: string, init: RequestInit) => Response | Promise<Response> };
  /** CPU ms per request over N requests, INFLIGHT at a time; throws on an unexpected status. */
  const measure = async (app: Fetcher, itemId: string, want: number, n: number) => {
    let next = 0;
    const one = async () => {
      for (let i = next++; i < n; i = next++) {
        const r = await app.request('/api/v1/orders', {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ itemId, delivery: 'pickup' }),
        });
        await r.text();
        if (r.status !== want) throw new Error(`status ${r.status}, wanted ${want}`);
      }
    };
    const c0 = process.cpuUsage();
    await Promise.all(Array.from({ length: INFLIGHT }, one));
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / n;
  };
  // A loser: the item sold out after its terms were remembered (one winner takes the only unit).
  const soldOut = async (app: Fetcher) => {
    const item = await newItem(1);
    const r = await app.request('/api/v1/orders', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: item.id, delivery: 'pickup' }),
    });
    if (r.status !== 201) throw new Error(`sell-out: ${r.status}`);
    return item.id;
  };
  const best = async (app: Fetcher, kind: 'win' | 'lose') => {
    const xs: number[] = [];
    for (let k = 0; k < REPEAT; k++) {
      // A loser's terms are remembered 2 s: a fresh sold-out item per batch keeps the take on the path.
      // An item holds at most 999 units: a winner's batch is at most 990 orders.
      const item = kind === 'win' ? (await newItem(999)).id : await soldOut(app);
      xs.push(await measure(app, item, kind === 'win' ? 201 : 409, kind === 'win' ? Math.min(N, 990) : N));
    }
    return Math.min(...xs);
  };

  // The orders router behind the session middleware, plus app.ts's shared middleware step by step.
  const problem = (c: import('hono').Context<AppEnv>, err: unknown) => {
    const e = err instanceof AppError ? err : new AppError(500, 'internal_error', String(err));
    return c.body(JSON.stringify(toProblem(e, c.req.path)), e.status as 400, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  };
  const metrics = createMetrics(deps);
  const steps: [string, (app: OpenAPIHono<AppEnv>) => void][] = [
    ['requestId', (app) => app.use('*', requestId())],
    ['metrics', (app) => app.use('*', metrics.middleware)],
    [
      'request log (child logger + timing)',
      (app) =>
        app.use('*', async (c, next) => {
          const log = deps.log.child({ reqId: c.get('requestId') });
          c.set('log', log);
          const t0 = performance.now();
          await next();
          log.info(
            {
              method: c.req.method,
              path: c.req.path,
              status: c.res.status,
              ms: Math.round((performance.now() - t0) * 10) / 10,
            },
            'request',
          );
        }),
    ],
    ['secureHeaders', (app) => app.use('*', secureHeaders(SECURE_HEADERS))],
    [
      'bodyLimit',
      (app) =>
        app.use('/api/v1/*', (c, next) =>
          bodyLimit({
            maxSize: 1024 * 1024,
            onError: () => {
              throw new AppError(413, 'payload_too_large', 'too large');
            },
          })(c, next),
        ),
    ],
  ];
  const minimal = (n: number) => {
    const app = new OpenAPIHono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', deps);
      c.set('log', deps.log);
      await next();
    });
    for (const [, add] of steps.slice(0, n)) add(app);
    app.use('/api/v1/*', authenticate);
    if (n > steps.length)
      app.use('/api/v1/*', async (_c, next) => {
        await freshSettings(deps.config);
        await next();
      });
    app.route('/api/v1', ordersRoutes());
    app.onError((err, c) => problem(c, err));
    return app;
  };

  // PROFILE=lose|win: only the orders router + session, for a --cpu-prof of the orders path
  // (node --cpu-prof --cpu-prof-dir DIR --import tsx bench/flash-cpu.ts; bench/flash-prof.ts DIR/…).
  if (process.env.PROFILE) {
    const kind = process.env.PROFILE === 'win' ? 'win' : 'lose';
    const ms = await best(minimal(0), kind);
    console.log(`orders router + session, ${kind}: ${ms.toFixed(3)} ms/req`);
  } else await table();
  await hub.stop();

  async function table() {
    const rows: [string, number, number][] = [];
    const full = buildApp(deps);
    await best(full, 'lose'); // warm-up (JIT), not reported
    await best(full, 'win');
    rows.push(['the whole app (buildApp)', await best(full, 'win'), await best(full, 'lose')]);
    for (let n = 0; n <= steps.length + 1; n++) {
      const app = minimal(n);
      await best(app, 'lose');
      const name =
        n === 0 ? 'orders router + session only' : n <= steps.length ? `+ ${steps[n - 1]?.[0]}` : '+ freshSettings';
      rows.push([name, await best(app, 'win'), await best(app, 'lose')]);
    }
    console.log(
      `CPU ms per POST /orders in one process (app.request, ${INFLIGHT} in flight, best of ${REPEAT} batches of ${N} (winners ${Math.min(N, 990)})); middleware added cumulatively in app.ts's order\n`,
    );
    console.log('| app | winner (201) ms | loser (409) ms |');
    console.log('|---|---|---|');
    for (const [name, w, l] of rows) console.log(`| ${name} | ${w.toFixed(3)} | ${l.toFixed(3)} |`);
  }
} finally {
  await database.close();
  await embedded.stop();
  rmSync(dir, { recursive: true, force: true });
}
