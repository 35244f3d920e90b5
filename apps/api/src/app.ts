// buildApp(deps): mounts every module's routes and maps every failure to problem+json.
// No business logic lives here.
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { AppError, toProblem } from './lib/errors.ts';
import { jsonBody } from './lib/json-body.ts';
import { responseHeaders } from './lib/response-headers.ts';
import type { AppEnv, Deps } from './lib/http.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { feedRoutes } from './modules/feed/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { mediaRoutes } from './modules/media/routes.ts';
import { commentRoutes } from './modules/notes/comment-routes.ts';
import { followRoutes } from './modules/notes/follow-routes.ts';
import { notesRoutes } from './modules/notes/routes.ts';
import { itemsRoutes } from './modules/items/routes.ts';
import { authenticate } from './modules/accounts/sessions.ts';
import { mountDocs } from './docs.ts';
import { mountOpenApi } from './openapi/document.ts';
import { mediaFiles } from './modules/media/files.ts';
import { ledgerRoutes } from './modules/ledger/routes.ts';
import { paymentCallbacks } from './modules/orders/callbacks.ts';
import { ordersRoutes } from './modules/orders/routes.ts';
import { offersRoutes } from './modules/offers/routes.ts';
import { addressRoutes } from './modules/orders/addresses.ts';
import { SIGNATURE_HEADER } from './modules/orders/gateway.ts';
import { mountWeb } from './web.ts';
import { createNodeWebSocket } from '@hono/node-ws';
import { chatRoutes } from './modules/chat/routes.ts';
import { stallRoutes } from './modules/notes/stall-routes.ts';
import { mountWebSocket } from './modules/chat/ws.ts';
import { trustRoutes } from './modules/trust/routes.ts';
import { reviewRoutes } from './modules/trust/review-routes.ts';
import { notificationsRoutes } from './modules/notifications/routes.ts';
import { afterSaleRoutes } from './modules/aftersale/routes.ts';
import { juryRoutes } from './modules/aftersale/jury-routes.ts';
import { assistRoutes } from './modules/assist/routes.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { adminOpsRoutes } from './modules/admin/routes-ops.ts';
import { freshSettings } from './modules/admin/settings.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { discoveryRoutes } from './modules/discovery/routes.ts';
import { payoutMethodRoutes } from './modules/payout-methods/routes.ts';
import { engagementRoutes } from './modules/engagement/routes.ts';
import { rulesRoutes } from './modules/rules/routes.ts';
import { createMetrics, mountMetrics, type PoolStats } from './lib/metrics.ts';

export const API_PREFIX = '/api/v1';
const JSON_LIMIT = 1024 * 1024;

/** Each module contributes one router, mounted under /api/v1. Order does not matter. */
export const modules = [privacyRoutes, assistRoutes, adminRoutes, adminOpsRoutes, afterSaleRoutes, juryRoutes, notificationsRoutes, stallRoutes, chatRoutes, trustRoutes, reviewRoutes, addressRoutes, offersRoutes, ordersRoutes, ledgerRoutes, payoutMethodRoutes, accountsRoutes, itemsRoutes, mediaRoutes, notesRoutes, commentRoutes, followRoutes, feedRoutes, searchRoutes, discoveryRoutes, engagementRoutes, rulesRoutes];

/** `pool`: the database pool, whose counts /metrics reports (the server passes it). */
export function buildApp(deps: Deps, { pool }: { pool?: PoolStats } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  const metrics = createMetrics(deps, pool);
  const nodeWs = createNodeWebSocket({ app });

  // Security headers and X-Request-Id, on Node's response object (lib/response-headers.ts).
  app.use('*', responseHeaders);
  app.use('*', metrics.middleware);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const log = deps.log.child({ reqId: c.get('requestId') });
    c.set('log', log);
    const t0 = performance.now();
    await next();
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  });
  // A JSON body is read from Node's stream (lib/json-body.ts); anything else through bodyLimit.
  const jsonLimit = jsonBody(JSON_LIMIT, () => tooLarge(JSON_LIMIT), bodyLimit({ maxSize: JSON_LIMIT, onError: () => tooLarge(JSON_LIMIT) }));
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    // A GET or HEAD has no body to limit; asking for one makes a full Request object per read.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (c.req.path.startsWith(`${API_PREFIX}/media`) && c.req.method === 'POST') return next();
    return jsonLimit(c, next);
  });
  app.use(`${API_PREFIX}/*`, authenticate);
  // Operator settings changed in any process apply here within settings.TTL_MS.
  app.use(`${API_PREFIX}/*`, async (_c, next) => {
    await freshSettings(deps.config);
    await next();
  });

  mountWebSocket(app, deps, nodeWs.upgradeWebSocket);
  app.get(`${API_PREFIX}/health`, async (c) => {
    await sql`SELECT 1`.execute(deps.db);
    return c.json({ status: 'ok' });
  });
  for (const routes of modules) app.route(API_PREFIX, routes());
  app.route(API_PREFIX, paymentCallbacks());

  mountOpenApi(app, API_PREFIX);
  mountDocs(app);
  app.route('/media', mediaFiles(deps));
  mountMetrics(app, metrics, deps.config.metricsToken);
  mountWeb(app, deps);

  app.notFound((c) => problem(c, new AppError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)));
  app.onError((err, c) => problem(c, toAppError(err, c)));
  return Object.assign(app, { injectWebSocket: nodeWs.injectWebSocket });
}

export type App = ReturnType<typeof buildApp>;

/** The sandbox gateway calls back through the real HTTP path, signature check included. */
export function sandboxDelivery(app: App) {
  return async (body: string, signature: string) => {
    const r = await app.request(`${API_PREFIX}/payments/sandbox/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
      body,
    });
    if (r.status >= 500) throw new Error(`callback failed: ${r.status}`);
  };
}

function tooLarge(limit: number): never {
  throw new AppError(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`);
}

function toAppError(err: unknown, c: Context<AppEnv>): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const msg = err.message || 'Bad request';
    if (err.status === 400 && /json/i.test(msg)) return new AppError(400, 'malformed_json', 'The request body is not valid JSON.');
    if (err.status === 415) return new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
    if (err.status === 413) return new AppError(413, 'payload_too_large', msg);
    return new AppError(err.status, err.status === 400 ? 'bad_request' : `http_${err.status}`, msg);
  }
  // PostgreSQL refused a value the validators let through (e.g. a \u0000 in text, or a lone
  // UTF-16 surrogate in text kept as jsonb, which JSON.stringify escapes as \ud800): bad input.
  const pgCode = (err as { code?: string })?.code;
  const badJson = pgCode === '22P02' && /type json/.test(String((err as Error)?.message));
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001' || badJson) {
    return new AppError(400, 'invalid_text', 'The request contains text that cannot be stored.');
  }
  (c.get('log') ?? c.get('deps')?.log)?.error({ err }, 'unhandled error');
  return new AppError(500, 'internal_error', 'Something went wrong on our side. It has been logged.');
}

function problem(c: Context<AppEnv>, err: AppError) {
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.body(JSON.stringify(toProblem(err, c.req.path)), err.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}
