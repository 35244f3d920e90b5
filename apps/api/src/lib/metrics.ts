// Prometheus metrics at GET /metrics: requests and their latency by method, matched route
// pattern and status; live WebSocket connections; the database pool; pg-boss queue depth.
// Routes are labelled by their pattern (`/api/v1/orders/:id`), never the raw path, so the
// number of series stays bounded whatever clients send. One registry per app (tests build
// many apps in one process).
//
// Who may read it: with METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`;
// without, only a client on the loopback interface (a Prometheus on the same host, or a
// reverse proxy that the operator points at it on purpose).
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppError } from './errors.ts';
import type { AppEnv, Deps } from './http.ts';

export const METRICS_PATH = '/metrics';

/** The pool's counts, from pg.Pool (absent when the app was built without one). */
export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

export type Metrics = { registry: Registry; middleware: MiddlewareHandler<AppEnv> };

export function createMetrics(deps: Pick<Deps, 'db' | 'hub' | 'log'>, pool?: PoolStats): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'jishi_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'jishi_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'jishi_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (until the handler returns; a streamed body may go on)',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'jishi_websocket_connections', help: 'Open WebSocket connections on this process', registers: [registry],
    collect() { this.set(deps.hub.connectedSockets()); },
  });
  new Gauge({
    name: 'jishi_websocket_members', help: 'Members with at least one open WebSocket on this process', registers: [registry],
    collect() { this.set(deps.hub.connectedUsers()); },
  });
  if (pool) {
    const poolGauge = (name: string, help: string, read: (p: PoolStats) => number) =>
      new Gauge({ name, help, registers: [registry], collect() { this.set(read(pool)); } });
    poolGauge('jishi_db_pool_connections', 'Connections the pool holds (busy and idle)', (p) => p.totalCount);
    poolGauge('jishi_db_pool_idle', 'Idle connections in the pool', (p) => p.idleCount);
    poolGauge('jishi_db_pool_waiting', 'Queries waiting for a connection', (p) => p.waitingCount);
  }
  new Gauge({
    name: 'jishi_job_queue_depth', help: 'pg-boss jobs waiting to run (created or retry), by queue', labelNames: ['queue'], registers: [registry],
    async collect() {
      this.reset();
      for (const r of await queueDepth(deps)) this.set({ queue: r.name }, r.n);
    },
  });

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const t0 = performance.now();
    try {
      await next();
    } finally {
      const labels = { method: c.req.method, route: routeLabel(c), status: String(c.res.status) };
      requests.inc(labels);
      latency.observe(labels, (performance.now() - t0) / 1000);
    }
  };
  return { registry, middleware };
}

/** The pattern of the endpoint that matched (not a middleware's `*`), or `unmatched`. */
function routeLabel(c: Context<AppEnv>): string {
  const routes = matchedRoutes(c);
  const current = routes[c.req.routeIndex];
  if (current && current.method !== 'ALL') return current.path;
  return routes.find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
}

// The queue's own table, read at scrape time: one indexed count per scrape. Absent before
// pg-boss has created its schema (or in a process that runs no jobs): no series then.
async function queueDepth(deps: Pick<Deps, 'db' | 'log'>): Promise<{ name: string; n: number }[]> {
  try {
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('pgboss.job')::text AS t`.execute(deps.db);
    if (!exists.rows[0]?.t) return [];
    const rows = await sql<{ name: string; n: number }>`
      SELECT name, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`.execute(deps.db);
    return rows.rows;
  } catch (err) {
    deps.log.warn({ err }, 'metrics: job queue depth not read');
    return [];
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function remoteAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // in-process requests have no socket: not loopback, not anything
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** GET /metrics, outside /api/v1 (no session, no CSRF, no body): the operator token or loopback. */
export function mountMetrics(app: OpenAPIHono<AppEnv>, metrics: Metrics, token: string | undefined) {
  app.get(METRICS_PATH, async (c) => {
    if (token) {
      const given = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!given) throw new AppError(401, 'unauthenticated', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
      if (!sameSecret(given, token)) throw new AppError(403, 'forbidden', 'That is not the metrics token.');
    } else if (!LOOPBACK.test(remoteAddress(c) ?? '')) {
      throw new AppError(403, 'forbidden', 'Metrics are served to loopback only; set METRICS_TOKEN to read them from elsewhere.');
    }
    const body = await metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  });
}
