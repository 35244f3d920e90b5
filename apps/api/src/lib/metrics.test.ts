// GET /metrics: Prometheus text with requests by route pattern, latency, sockets, the pool and
// the queue; served to loopback without a token, to the token's holder with one, to no one else.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers.ts';
import { buildApp } from '../app.ts';

// An in-process request carries no socket; the node server's bindings are what getConnInfo reads.
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50_000, remoteFamily: 'IPv4' } } });
const TOKEN = 'metrics-token-0123456789abcdef';

describe('GET /metrics without METRICS_TOKEN', async () => {
  const t = await createTestApp();
  const pool = new pg.Pool({ connectionString: t.url, max: 2 });
  afterAll(() => pool.end());
  const app = buildApp(t.deps, { pool });

  it('answers loopback with the request counter by route pattern, the latency histogram, sockets, pool and queue', async () => {
    const u = await t.user();
    for (const id of ['00000000000000aa', '00000000000000bb']) {
      const r = await app.request(`/api/v1/orders/${id}`, { headers: { authorization: `Bearer ${u.token}` } });
      expect(r.status).toBe(404);
    }
    await app.request('/api/v1/health');
    const r = await app.request('/metrics', {}, from('127.0.0.1'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain');
    const text = await r.text();
    expect(text).toContain('jishi_http_requests_total{method="GET",route="/api/v1/orders/:id",status="404"} 2');
    expect(text).toContain('jishi_http_requests_total{method="GET",route="/api/v1/health",status="200"} 1');
    expect(text).not.toContain('00000000000000aa'); // the pattern, never the raw path
    expect(text).toMatch(/jishi_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/orders\/:id",status="404"\} \d+/);
    expect(text).toContain('jishi_http_request_duration_seconds_count{method="GET",route="/api/v1/orders/:id",status="404"} 2');
    for (const name of ['jishi_websocket_connections 0', 'jishi_websocket_members 0', 'jishi_db_pool_connections', 'jishi_db_pool_idle', 'jishi_db_pool_waiting 0', '# TYPE jishi_job_queue_depth gauge', 'jishi_process_cpu_seconds_total']) {
      expect(text).toContain(name);
    }
    // IPv6 loopback and the IPv4-mapped form count too.
    expect((await app.request('/metrics', {}, from('::1'))).status).toBe(200);
    expect((await app.request('/metrics', {}, from('::ffff:127.0.0.1'))).status).toBe(200);
  });

  it('refuses any other client with 403 problem+json', async () => {
    for (const r of [await app.request('/metrics', {}, from('192.0.2.10')), await app.request('/metrics')]) {
      expect(r.status).toBe(403);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect((await r.json()).code).toBe('forbidden');
    }
  });

  it('counts a queue’s waiting jobs when pg-boss has its table', async () => {
    await pool.query('CREATE SCHEMA IF NOT EXISTS pgboss');
    await pool.query("CREATE TABLE IF NOT EXISTS pgboss.job (name text NOT NULL, state text NOT NULL)");
    await pool.query("INSERT INTO pgboss.job VALUES ('order-expiry', 'created'), ('order-expiry', 'retry'), ('order-expiry', 'completed'), ('credit-refresh', 'created')");
    const text = await (await app.request('/metrics', {}, from('127.0.0.1'))).text();
    expect(text).toContain('jishi_job_queue_depth{queue="order-expiry"} 2');
    expect(text).toContain('jishi_job_queue_depth{queue="credit-refresh"} 1');
  });
});

describe('GET /metrics with METRICS_TOKEN', async () => {
  const t = await createTestApp({ METRICS_TOKEN: TOKEN });

  it('wants the token from everyone, loopback included: 401 without, 403 with a wrong one, 200 with it', async () => {
    const none = await t.app.request('/metrics', {}, from('127.0.0.1'));
    expect(none.status).toBe(401);
    const wrong = await t.app.request('/metrics', { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } }, from('127.0.0.1'));
    expect(wrong.status).toBe(403);
    const right = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }, from('192.0.2.10'));
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('# TYPE jishi_http_requests_total counter');
  });

  it('rejects a token that is too short at start-up', async () => {
    const { readConfig } = await import('../config.ts');
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
